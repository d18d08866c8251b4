package be.obmi.privacy.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.obmi.identity.Contact;
import be.obmi.identity.Contacts;
import be.obmi.notification.MailMessages;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mails the DPOs of every tenant ({@link Contacts#dpos}) every day
 * ({@code obmi.privacy.reminder-cron}, default 07:15): an agreement that ends within
 * {@code obmi.privacy.agreement-reminder-days} days, once per agreement and end date; and
 * the deadlines that became overdue, once per item and state. A reminder is recorded in
 * {@code privacy.reminder_sent} before it is sent and the record is removed when sending
 * fails, so a job run twice sends nothing twice and a failed mail is tried again the next
 * day. Mails are in Dutch: OBMi keeps no language per account outside the notification
 * module.
 */
@Component
public class PrivacyReminders {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private final MailMessages mail;

	private final Contacts contacts;

	private final Tenants tenants;

	private final Agreements agreements;

	private final PrivacyDeadlines deadlines;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	PrivacyReminders(MailMessages mail, Contacts contacts, Tenants tenants, Agreements agreements,
			PrivacyDeadlines deadlines, MessageSource messages, JdbcClient jdbc) {
		this.mail = mail;
		this.contacts = contacts;
		this.tenants = tenants;
		this.agreements = agreements;
		this.deadlines = deadlines;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	@Scheduled(cron = "${obmi.privacy.reminder-cron:0 15 7 * * *}", zone = "Europe/Brussels")
	@SchedulerLock(name = "privacy.reminders", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
	void daily() {
		OffsetDateTime now = OffsetDateTime.now();
		remindExpiringAgreements(now.atZoneSameInstant(Breaches.BELGIUM).toLocalDate());
		remindOverdue(now);
	}

	/**
	 * Sends the reminders of agreements ending soon after {@code today}; returns how many
	 * mails went out.
	 */
	public int remindExpiringAgreements(LocalDate today) {
		if (!mail.enabled()) {
			return 0;
		}
		int sent = 0;
		for (Tenant tenant : tenants.all()) {
			List<Contact> dpos = contacts.dpos(tenant);
			for (Agreement agreement : agreements.ending(tenant, today, today.plusDays(agreements.reminderDays()))) {
				for (Contact dpo : dpos) {
					sent += expiring(tenant, agreement, dpo, ChronoUnit.DAYS.between(today, agreement.endOn())) ? 1 : 0;
				}
			}
		}
		return sent;
	}

	private boolean expiring(Tenant tenant, Agreement agreement, Contact dpo, long days) {
		String reference = agreement.endOn().toString();
		if (!claim(tenant, "AGREEMENT_EXPIRING", agreement.id(), reference, dpo)) {
			return false;
		}
		String endOn = DATE.format(agreement.endOn());
		Map<String, Object> variables = Map.of("name", dpo.displayName(), "city", tenant.name(), "counterparty",
				agreement.counterparty(), "endOn", endOn, "days", days, "renewalOn",
				agreement.renewalOn() == null ? "" : DATE.format(agreement.renewalOn()), "link",
				mail.link("/" + tenant.slug() + "/privacy/overeenkomsten/" + agreement.id()));
		String subject = messages.getMessage("privacy.mail.agreementExpiring.subject",
				new Object[] { tenant.name(), agreement.counterparty(), endOn }, Texts.DUTCH);
		return send(tenant, dpo, "privacy-agreement-expiring", subject, variables,
				List.of(new Claim("AGREEMENT_EXPIRING", agreement.id(), reference)));
	}

	/**
	 * Mails each DPO the deadlines that became overdue since their last reminder; returns
	 * how many mails went out.
	 */
	public int remindOverdue(OffsetDateTime now) {
		if (!mail.enabled()) {
			return 0;
		}
		int sent = 0;
		for (Tenant tenant : tenants.all()) {
			List<PrivacyDeadlines.Deadline> overdue = deadlines.overdue(tenant, now);
			if (overdue.isEmpty()) {
				continue;
			}
			for (Contact dpo : contacts.dpos(tenant)) {
				sent += overdue(tenant, overdue, dpo) ? 1 : 0;
			}
		}
		return sent;
	}

	/** One line of the overdue mail. */
	public record Line(String kind, String label, String due, String link) {
	}

	private boolean overdue(Tenant tenant, List<PrivacyDeadlines.Deadline> overdue, Contact dpo) {
		List<Claim> claims = new ArrayList<>();
		List<Line> lines = new ArrayList<>();
		for (PrivacyDeadlines.Deadline d : overdue) {
			Claim claim = new Claim("OVERDUE_" + d.kind().name(), d.id(), d.state());
			if (claim(tenant, claim.kind(), claim.itemId(), claim.reference(), dpo)) {
				claims.add(claim);
				lines.add(new Line(messages.getMessage(d.kind().messageKey(), null, Texts.DUTCH), d.label(),
						d.kind() == PrivacyDeadlines.Kind.BREACH ? TIME.format(d.due()) : DATE.format(d.due()),
						mail.link(path(tenant, d))));
			}
		}
		if (lines.isEmpty()) {
			return false;
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put("name", dpo.displayName());
		variables.put("city", tenant.name());
		variables.put("items", lines);
		variables.put("overview", mail.link("/" + tenant.slug() + "/privacy/termijnen"));
		String subject = messages.getMessage("privacy.mail.overdue.subject",
				new Object[] { tenant.name(), lines.size() }, Texts.DUTCH);
		return send(tenant, dpo, "privacy-deadlines-overdue", subject, variables, claims);
	}

	static String path(Tenant tenant, PrivacyDeadlines.Deadline d) {
		String section = switch (d.kind()) {
			case AGREEMENT -> "overeenkomsten";
			case BREACH -> "datalekken";
			case REQUEST -> "verzoeken";
		};
		return "/" + tenant.slug() + "/privacy/" + section + "/" + d.id();
	}

	private record Claim(String kind, long itemId, String reference) {
	}

	private boolean send(Tenant tenant, Contact dpo, String template, String subject, Map<String, Object> variables,
			List<Claim> claims) {
		if (mail.send(new MailMessages.Message(dpo.email(), Texts.DUTCH, template, subject, variables))) {
			return true;
		}
		for (Claim claim : claims) {
			jdbc.sql("""
					delete from privacy.reminder_sent
					where tenant_id = ? and kind = ? and item_id = ? and reference = ? and recipient = ?""")
				.params(tenant.id(), claim.kind(), claim.itemId(), claim.reference(), dpo.userId())
				.update();
		}
		return false;
	}

	private boolean claim(Tenant tenant, String kind, long itemId, String reference, Contact dpo) {
		return jdbc
			.sql("""
					insert into privacy.reminder_sent (tenant_id, kind, item_id, reference, recipient) values (?, ?, ?, ?, ?)
					on conflict do nothing""")
			.params(tenant.id(), kind, itemId, reference, dpo.userId())
			.update() == 1;
	}

}
