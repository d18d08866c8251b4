package be.obmi.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Component;

/**
 * What the notifications about status rounds share ({@link RoundNotifications},
 * {@link DeadlineReminders}, {@link WeeklyDigest}): the recipients who want a kind, the
 * subject in their language, the links into the round, and a mail that goes once per
 * recipient and reference: claimed in {@link SentMails} before it is sent, the claim
 * released when the mail server refuses it, so a later run tries again.
 */
@Component
class RoundMails {

	private final Mailer mailer;

	private final MailTemplates templates;

	private final MailSettings settings;

	private final Recipients recipients;

	private final SentMails sent;

	RoundMails(Mailer mailer, MailTemplates templates, MailSettings settings, Recipients recipients, SentMails sent) {
		this.mailer = mailer;
		this.templates = templates;
		this.settings = settings;
		this.recipients = recipients;
		this.sent = sent;
	}

	/** Whether notification e-mails go out at all. */
	boolean enabled() {
		return mailer.enabled();
	}

	/** How many days before a deadline the reminders start. */
	int reminderDays() {
		return settings.reminderDays();
	}

	/** The user, when they can and want to receive the kind. */
	Optional<Recipient> user(String username, Kind kind) {
		return recipients.user(username, kind);
	}

	/** The tenant's plan managers who can and want to receive the kind. */
	List<Recipient> planManagers(Tenant tenant, Kind kind) {
		return recipients.planManagers(tenant, kind);
	}

	String subject(String key, Locale locale, Object... arguments) {
		return templates.subject(key, locale, arguments);
	}

	/** An item of a round as a mail lists it, with the link to report on it. */
	TaskLine task(Tenant tenant, long roundId, long itemId, String code, String title) {
		return new TaskLine(code, title, settings.taskLink(tenant.slug(), roundId, itemId));
	}

	String roundLink(Tenant tenant, long roundId) {
		return settings.roundLink(tenant.slug(), roundId);
	}

	/** Sends the mail now, whether or not it went before. */
	boolean send(Recipient to, Kind kind, String subject, Map<String, Object> variables) {
		return mailer.send(to, kind, subject, variables);
	}

	/**
	 * Sends the mail unless it went to the recipient for that reference before.
	 * @return whether it went out now
	 */
	boolean sendOnce(Tenant tenant, Recipient to, Kind kind, String reference, String subject,
			Map<String, Object> variables) {
		if (!sent.claim(tenant.id(), to.userId(), kind, reference)) {
			return false;
		}
		if (mailer.send(to, kind, subject, variables)) {
			return true;
		}
		sent.release(tenant.id(), to.userId(), kind, reference);
		return false;
	}

}
