package be.obmi.notification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts of the notification e-mails: the body from a Thymeleaf text template per kind
 * and language ({@code templates/mail/<kind>_nl.txt} and {@code _en.txt}), the subject
 * from the notification bundle ({@code notification.mail.<kind>.subject…}). English for a
 * recipient who chose English, Dutch otherwise. The pages' template engine is not used:
 * it renders HTML.
 */
@Component
class MailTemplates {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	private final MessageSource messages;

	MailTemplates(MessageSource messages) {
		this.messages = messages;
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(".txt");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
	}

	String body(Kind kind, Locale locale, Map<String, Object> variables) {
		return body(kind.template(), locale, variables);
	}

	/**
	 * The body of another module's mail: {@code templates/mail/<template>_nl.txt} or
	 * {@code _en}.
	 */
	String body(String template, Locale locale, Map<String, Object> variables) {
		return engine.process(template + "_" + language(locale), new Context(locale, variables));
	}

	/**
	 * The subject: the text of {@code notification.mail.<key>.subject} in the language.
	 */
	String subject(String key, Locale locale, Object... arguments) {
		return messages.getMessage("notification.mail." + key + ".subject", arguments, locale);
	}

	/** A date as the mails write it, in both languages: 31/01/2026. */
	static String date(LocalDate date) {
		return date == null ? "" : DATE.format(date);
	}

	private static String language(Locale locale) {
		return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "nl";
	}

}
