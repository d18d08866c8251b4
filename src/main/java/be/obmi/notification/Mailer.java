package be.obmi.notification;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import be.obmi.shared.ObmiMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the notification e-mails through Spring's mail support. Without a mail server
 * ({@code spring.mail.host} unset: Spring Boot then makes no {@link JavaMailSender}) or
 * without a sender ({@code obmi.mail.from}) nothing is sent and nothing fails; that is
 * logged once at start. A mail that cannot be sent is logged and counted, never thrown:
 * the workflow step that caused it has committed long before.
 */
@Component
class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private final JavaMailSender sender;

	private final MailSettings settings;

	private final MailTemplates templates;

	private final ObmiMetrics metrics;

	Mailer(ObjectProvider<JavaMailSender> sender, MailSettings settings, MailTemplates templates, ObmiMetrics metrics) {
		this.sender = sender.getIfAvailable();
		this.settings = settings;
		this.templates = templates;
		this.metrics = metrics;
	}

	/**
	 * Whether notification e-mails go out at all. Public for the listeners' condition
	 * ({@link RoundNotifications#WHEN_MAIL_IS_ON}), which reads it through SpEL.
	 */
	public boolean enabled() {
		return sender != null && settings.hasSender();
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		if (sender == null) {
			log.info("Notification e-mails are off: spring.mail.host is not set");
		}
		else if (!settings.hasSender()) {
			log.warn("Notification e-mails are off: spring.mail.host is set but obmi.mail.from is not");
		}
		else {
			String server = sender instanceof JavaMailSenderImpl impl ? impl.getHost() + ":" + impl.getPort() : "";
			log.info("Notification e-mails go out through {} from {}, links to {}", server, settings.from(),
					settings.baseUrl());
		}
	}

	/**
	 * Renders the kind's template in the recipient's language and sends it; the variables
	 * {@code name} (the recipient's name) and {@code preferencesLink} are added.
	 * @return whether the mail server accepted it
	 */
	boolean send(Recipient to, Kind kind, String subject, Map<String, Object> variables) {
		if (!enabled()) {
			return false;
		}
		try {
			Map<String, Object> all = new HashMap<>(variables);
			all.put("name", to.contact().displayName());
			all.put("preferencesLink", settings.link("/account/meldingen"));
			String body = templates.body(kind, to.locale(), all);
			deliver(to.contact().email(), subject, body, Map.of());
			metrics.mail(kind.template(), true);
			return true;
		}
		catch (MessagingException | RuntimeException ex) {
			log.warn("Notification e-mail ({}) to {} not sent: {}", kind.template(), to.contact().username(),
					ex.toString());
			metrics.mail(kind.template(), false);
			return false;
		}
	}

	/**
	 * Sends another module's mail (see {@link MailMessages}).
	 * @return whether the mail server accepted it
	 */
	boolean send(MailMessages.Message mail) {
		if (!enabled()) {
			return false;
		}
		try {
			Map<String, Object> all = new HashMap<>(mail.variables());
			all.put("baseUrl", settings.baseUrl());
			String body = templates.body(mail.template(), mail.locale(), all);
			deliver(mail.to(), mail.subject(), body, mail.headers());
			metrics.mail(mail.template(), true);
			return true;
		}
		catch (MessagingException | RuntimeException ex) {
			log.warn("E-mail ({}) not sent: {}", mail.template(), ex.toString());
			metrics.mail(mail.template(), false);
			return false;
		}
	}

	private void deliver(String to, String subject, String body, Map<String, String> headers)
			throws MessagingException {
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
		helper.setFrom(settings.from());
		helper.setTo(to);
		helper.setSubject(subject);
		helper.setText(body);
		for (Map.Entry<String, String> header : headers.entrySet()) {
			message.setHeader(header.getKey(), header.getValue());
		}
		sender.send(message);
	}

}
