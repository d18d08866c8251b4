package be.obmi.platform;

import be.obmi.shared.Texts;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The interface texts: every {@code i18n/<bundle>_nl.properties} on the class path is a
 * bundle (the shell's {@code messages}, and one per module so modules never edit each
 * other's files), Dutch by default and for any language without its own file, English in
 * {@code _en} ({@link Texts}).
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

	@Bean
	MessageSource messageSource() {
		return Texts.source(false);
	}

}
