package be.obmi.knowledge.housing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.obmi.identity.Contact;
import be.obmi.identity.Contacts;
import be.obmi.identity.Role;
import be.obmi.notification.MailMessages;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The round's e-mails to the cities' redacteurs (and beheerders), through
 * {@link MailMessages}: on opening, and a reminder to each city that has not submitted
 * when the deadline is {@code obmi.knowledge.rounds.reminder-days} (7) days away or less
 * (daily job {@code obmi.knowledge.rounds.reminder-cron}, 07:30) or when an editor asks
 * ("herinner nu"). Each is claimed per city and round in {@code housing_round_city}
 * before it goes out and released when no mail could be sent, so a city gets each at most
 * once per round and a failed one is tried again by the next run. Mails are in Dutch
 * (OBMi keeps no language per account outside the notification module).
 */
@Component
public class HousingRoundMails {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final MailMessages mails;

	private final Contacts contacts;

	private final HousingRounds rounds;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final int reminderDays;

	HousingRoundMails(MailMessages mails, Contacts contacts, HousingRounds rounds, JdbcClient jdbc,
			MessageSource messages, @Value("${obmi.knowledge.rounds.reminder-days:7}") int reminderDays) {
		this.mails = mails;
		this.contacts = contacts;
		this.rounds = rounds;
		this.jdbc = jdbc;
		this.messages = messages;
		this.reminderDays = reminderDays;
	}

	@Scheduled(cron = "${obmi.knowledge.rounds.reminder-cron:0 30 7 * * *}")
	@SchedulerLock(name = "knowledge.housing-round-mails", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
	void daily() {
		run(LocalDate.now());
	}

	/**
	 * The opening mails not sent yet and the reminders due on that day.
	 * @return how many mails went out
	 */
	public int run(LocalDate today) {
		HousingRound round = rounds.openRound().orElse(null);
		if (round == null) {
			return 0;
		}
		int sent = opening(round);
		long days = ChronoUnit.DAYS.between(today, round.deadline());
		if (days >= 0 && days <= reminderDays) {
			sent += remind(round, "", today);
		}
		return sent;
	}

	/** Mails each city of the open round that was not told yet. */
	public int opening(HousingRound round) {
		if (!mails.enabled() || !round.open()) {
			return 0;
		}
		int sent = 0;
		for (RoundCity task : rounds.cities(round)) {
			if (claim(round, task.city(), "opening_mailed_at", null)) {
				sent += sendOrRelease(round, task.city(), "knowledge-round-opened", "opening_mailed_at", 0);
			}
		}
		return sent;
	}

	/**
	 * Reminds each city of the open round that has not submitted and was not reminded.
	 * @param actor who asked ("herinner nu"), "" for the daily job
	 */
	public int remind(HousingRound round, String actor, LocalDate today) {
		if (!mails.enabled() || !round.open()) {
			return 0;
		}
		long days = Math.max(0, ChronoUnit.DAYS.between(today, round.deadline()));
		int sent = 0;
		for (RoundCity task : rounds.cities(round)) {
			if (!task.submitted() && task.remindedAt() == null && claim(round, task.city(), "reminded_at", actor)) {
				sent += sendOrRelease(round, task.city(), "knowledge-round-reminder", "reminded_at", days);
			}
		}
		return sent;
	}

	private boolean claim(HousingRound round, Tenant city, String column, String actor) {
		String by = "reminded_at".equals(column) ? ", reminded_by = ?" : "";
		String sql = "update knowledge.housing_round_city set " + column + " = now()" + by
				+ " where round_id = ? and tenant_id = ? and " + column + " is null and submitted_at is null";
		var statement = jdbc.sql(sql);
		if (!by.isEmpty()) {
			statement = statement.param(actor == null || actor.isBlank() ? null : actor);
		}
		return statement.param(round.id()).param(city.id()).update() == 1;
	}

	private int sendOrRelease(HousingRound round, Tenant city, String template, String column, long days) {
		List<Contact> to = contacts.withRole(city, Role.REDACTEUR).stream().filter(Contact::reachable).toList();
		int accepted = 0;
		for (Contact contact : to) {
			if (mails.send(message(round, city, template, contact, days))) {
				accepted++;
			}
		}
		if (!to.isEmpty() && accepted == 0) {
			String by = "reminded_at".equals(column) ? ", reminded_by = null" : "";
			jdbc.sql("update knowledge.housing_round_city set " + column + " = null" + by
					+ " where round_id = ? and tenant_id = ?")
				.params(round.id(), city.id())
				.update();
		}
		return accepted;
	}

	private MailMessages.Message message(HousingRound round, Tenant city, String template, Contact contact, long days) {
		Locale locale = Texts.DUTCH;
		String deadline = DATE.format(round.deadline());
		String key = template.endsWith("opened") ? "knowledge.housing.mail.opened.subject"
				: "knowledge.housing.mail.reminder.subject";
		String subject = messages.getMessage(key, new Object[] { city.name(), round.name(), deadline }, locale);
		return new MailMessages.Message(contact.email(), locale, template, subject,
				Map.of("name", contact.displayName(), "city", city.name(), "round", round.name(), "deadline", deadline,
						"days", days, "link", mails.link("/" + city.slug() + "/kennis/woonbeleid")));
	}

}
