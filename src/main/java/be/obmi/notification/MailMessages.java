package be.obmi.notification;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * The notification module's API for other modules' e-mails (a round of the knowledge
 * bank, a newsletter issue, a GDPR deadline): one message to one address, rendered from
 * the caller's text template {@code templates/mail/<template>_nl.txt} or {@code _en.txt}
 * (Thymeleaf text mode; the variable {@code baseUrl} is added). Sending is synchronous
 * and never throws: the caller keeps its own record of what was sent (for "once" and to
 * resume after a crash) and calls this outside its transactions. Without a mail server
 * nothing is sent and {@link #send} answers {@code false}.
 */
@Service
public class MailMessages {

	private final Mailer mailer;

	private final MailSettings settings;

	MailMessages(Mailer mailer, MailSettings settings) {
		this.mailer = mailer;
		this.settings = settings;
	}

	/** Whether e-mails go out at all (a mail server and a sender are configured). */
	public boolean enabled() {
		return mailer.enabled();
	}

	/**
	 * Sends one message.
	 * @return whether the mail server accepted it
	 */
	public boolean send(Message message) {
		return mailer.send(message);
	}

	/**
	 * An absolute link to a path of this site, e.g. {@code /kennis/nieuwsbrief/uit?t=…}.
	 */
	public String link(String path) {
		return settings.link(path);
	}

	/**
	 * One e-mail.
	 *
	 * @param to the address; must not be null
	 * @param locale the language of the template and subject
	 * @param template the template's name without language and suffix, e.g.
	 * {@code knowledge-newsletter}
	 * @param subject the subject, already in the recipient's language
	 * @param variables the template's variables
	 * @param headers extra headers, e.g. {@code List-Unsubscribe}
	 */
	public record Message(String to, Locale locale, String template, String subject, Map<String, Object> variables,
			Map<String, String> headers) {

		public Message {
			variables = Map.copyOf(variables);
			headers = Map.copyOf(headers);
		}

		public Message(String to, Locale locale, String template, String subject, Map<String, Object> variables) {
			this(to, locale, template, subject, variables, Map.of());
		}

	}

}
