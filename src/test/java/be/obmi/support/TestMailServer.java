package be.obmi.support;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One real SMTP server (GreenMail) for the whole test run, started on first use on a free
 * port, and the context initializer that points {@code spring.mail.*} at it before the
 * mail auto-configuration is evaluated. Every class with {@link ObmiMailIntegrationTest}
 * shares it and one application context, so the mails of other classes are in it too: a
 * test matches its mails by recipient.
 */
public final class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static GreenMail server;

	/** The running server (started on first call). */
	public static synchronized GreenMail server() {
		if (server == null) {
			server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
			server.start();
		}
		return server;
	}

	/** The mails the server received that have the address among their recipients. */
	public static List<MimeMessage> receivedBy(String address) {
		return Arrays.stream(server().getReceivedMessages()).filter(message -> {
			try {
				Address[] recipients = message.getAllRecipients();
				return recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().equals(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		int port = server().getSmtp().getPort();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test-mail-server",
					Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", port)));
	}

}
