package be.obmi.platform;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The real message bundles ({@code i18n/*_nl.properties}) for web slice tests
 * ({@code support.ObmiWebSlice}); {@link MessagesConfiguration} is package-private, so it
 * is imported from here.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(MessagesConfiguration.class)
public class MessagesSlice {

}
