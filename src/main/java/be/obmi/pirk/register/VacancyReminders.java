package be.obmi.pirk.register;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.obmi.identity.Contact;
import be.obmi.identity.Contacts;
import be.obmi.identity.TenantFunction;
import be.obmi.notification.MailMessages;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mails the PIRK team of every tenant (the members with the owner-data function,
 * {@link TenantFunction#OWNER_DATA}) every day ({@code obmi.pirk.reminder-cron}, default
 * 07:30) the leegstandsregister deadlines that fall due within
 * {@code obmi.pirk.reminder-days} days or became overdue: once per item and state per
 * person. A reminder is claimed in {@code pirk.deadline_reminder} before it is sent and
 * the claim is removed when sending fails, so a second run sends nothing twice and a
 * failed mail is tried again the next day. Mails are in Dutch.
 */
@Component
public class VacancyReminders {

	static final ZoneId BELGIUM = ZoneId.of("Europe/Brussels");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final int REMIND_DAYS = 7;

	private final MailMessages mail;

	private final Contacts contacts;

	private final Tenants tenants;

	private final VacancyDeadlines deadlines;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	VacancyReminders(MailMessages mail, Contacts contacts, Tenants tenants, VacancyDeadlines deadlines,
			MessageSource messages, JdbcClient jdbc) {
		this.mail = mail;
		this.contacts = contacts;
		this.tenants = tenants;
		this.deadlines = deadlines;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	@Scheduled(cron = "${obmi.pirk.reminder-cron:0 30 7 * * *}", zone = "Europe/Brussels")
	@SchedulerLock(name = "pirk.deadline-reminders", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
	void daily() {
		remind(LocalDate.now(BELGIUM));
	}

	/** One line of the mail. */
	public record Line(String kind, String label, String due, boolean overdue, String link) {
	}

	/** Sends the reminders due on {@code today}; returns how many mails went out. */
	public int remind(LocalDate today) {
		if (!mail.enabled()) {
			return 0;
		}
		int sent = 0;
		for (Tenant tenant : tenants.all()) {
			List<VacancyDeadlines.Deadline> due = deadlines.of(tenant, today)
				.stream()
				.filter(d -> d.overdue() || d.daysLeft() <= REMIND_DAYS)
				.toList();
			if (due.isEmpty()) {
				continue;
			}
			for (Contact contact : contacts.withFunction(tenant, TenantFunction.OWNER_DATA)) {
				sent += remind(tenant, due, contact) ? 1 : 0;
			}
		}
		return sent;
	}

	private boolean remind(Tenant tenant, List<VacancyDeadlines.Deadline> due, Contact contact) {
		List<VacancyDeadlines.Deadline> claimed = new ArrayList<>();
		List<Line> lines = new ArrayList<>();
		for (VacancyDeadlines.Deadline d : due) {
			if (claim(tenant, d, contact)) {
				claimed.add(d);
				lines.add(new Line(messages.getMessage(d.kind().messageKey(), null, Texts.DUTCH), d.label(),
						DATE.format(d.due()), d.overdue(),
						mail.link("/" + tenant.slug() + "/pirk/leegstandsregister/" + d.caseId())));
			}
		}
		if (lines.isEmpty()) {
			return false;
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put("name", contact.displayName());
		variables.put("city", tenant.name());
		variables.put("items", lines);
		variables.put("overview", mail.link("/" + tenant.slug() + "/pirk/termijnen"));
		String subject = messages.getMessage("pirk.mail.deadlines.subject",
				new Object[] { tenant.name(), lines.size() }, Texts.DUTCH);
		if (mail.send(new MailMessages.Message(contact.email(), Texts.DUTCH, "pirk-deadlines", subject, variables))) {
			return true;
		}
		for (VacancyDeadlines.Deadline d : claimed) {
			jdbc.sql("""
					delete from pirk.deadline_reminder
					where tenant_id = ? and kind = ? and item_id = ? and reference = ? and recipient = ?""")
				.params(tenant.id(), d.kind().name(), d.caseId(), d.state(), contact.userId())
				.update();
		}
		return false;
	}

	private boolean claim(Tenant tenant, VacancyDeadlines.Deadline d, Contact contact) {
		return jdbc
			.sql("""
					insert into pirk.deadline_reminder (tenant_id, kind, item_id, reference, recipient) values (?, ?, ?, ?, ?)
					on conflict do nothing""")
			.params(tenant.id(), d.kind().name(), d.caseId(), d.state(), contact.userId())
			.update() == 1;
	}

}
