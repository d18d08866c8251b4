package be.obmi.notification;

import java.util.Map;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import be.obmi.identity.Contact;
import be.obmi.shared.ObmiMetrics;
import be.obmi.shared.Texts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The mailer without a Spring context: off without a mail server or a sender, and a mail
 * server that refuses is logged and counted, never thrown.
 */
class MailerTests {

	static final Recipient JAN = new Recipient(new Contact(1, "jan", "Jan", "jan@obmi.test"), Preferences.DEFAULTS);

	final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	final MailTemplates templates = new MailTemplates(Texts.source(false));

	static final Map<String, Object> APPROVED = Map.of("city", "Gent", "round", "R", "deadline", "31/01/2026", "task",
			new TaskLine("AC01", "Titel", "https://x/1"), "remark", "");

	@SuppressWarnings("unchecked")
	Mailer mailer(JavaMailSender sender, String from) {
		ObjectProvider<JavaMailSender> provider = mock(ObjectProvider.class);
		when(provider.getIfAvailable()).thenReturn(sender);
		return new Mailer(provider, new MailSettings(from, "https://obmi.example", 3), templates,
				new ObmiMetrics(registry));
	}

	@Test
	void withoutAMailServerOrASenderNothingIsSent() {
		assertThat(mailer(null, "obmi@obmi.test").enabled()).isFalse();
		assertThat(mailer(null, "obmi@obmi.test").send(JAN, Kind.APPROVED, "Onderwerp", APPROVED)).isFalse();
		JavaMailSender sender = mock(JavaMailSender.class);
		Mailer withoutSender = mailer(sender, " ");
		assertThat(withoutSender.enabled()).isFalse();
		assertThat(withoutSender.send(JAN, Kind.APPROVED, "Onderwerp", APPROVED)).isFalse();
		verify(sender, never()).send(any(MimeMessage.class));
	}

	@Test
	void aRefusedMailIsCountedAndNotThrown() {
		JavaMailSender sender = mock(JavaMailSender.class);
		when(sender.createMimeMessage()).thenAnswer(invocation -> new MimeMessage((Session) null));
		doThrow(new MailSendException("connection refused")).when(sender).send(any(MimeMessage.class));
		Mailer mailer = mailer(sender, "OBMi <obmi@obmi.test>");

		assertThat(mailer.send(JAN, Kind.APPROVED, "Onderwerp", APPROVED)).isFalse();
		assertThat(registry.counter(ObmiMetrics.MAILS, "kind", "approved", "outcome", "failed").count()).isEqualTo(1);
		assertThat(registry.counter(ObmiMetrics.MAILS, "kind", "approved", "outcome", "sent").count()).isZero();
	}

}
