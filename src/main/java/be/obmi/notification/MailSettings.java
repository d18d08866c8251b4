package be.obmi.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The notification settings ({@code obmi.mail.*}); the mail server itself is Spring
 * Boot's {@code spring.mail.host}, {@code port}, {@code username} and {@code password}.
 * No mail is sent without a host or without a sender.
 *
 * @param from the sender, e.g. {@code OBMi <obmi@stad.be>}
 * @param baseUrl the address of the application as users reach it, for the links in the
 * mails (no trailing slash needed)
 * @param reminderDays how many days before a round's deadline its contributors who have
 * not submitted are reminded
 */
@ConfigurationProperties("obmi.mail")
record MailSettings(String from, @DefaultValue("http://localhost:8080") String baseUrl,
		@DefaultValue("3") int reminderDays) {

	/** An address within the application, {@code path} starting with a slash. */
	String link(String path) {
		return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + path;
	}

	/** The page of a contributor's task: their update of an item in a round. */
	String taskLink(String slug, long roundId, long itemId) {
		return link("/" + slug + "/plan/rondes/" + roundId + "/items/" + itemId);
	}

	/** The page of a round. */
	String roundLink(String slug, long roundId) {
		return link("/" + slug + "/plan/rondes/" + roundId);
	}

	boolean hasSender() {
		return from != null && !from.isBlank();
	}

}
