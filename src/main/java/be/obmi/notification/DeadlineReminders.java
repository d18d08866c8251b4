package be.obmi.notification;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.obmi.plan.OpenRounds;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.scheduling.annotation.Scheduled;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Component;

/**
 * Reminds contributors of a round's deadline: every day ({@code obmi.mail.reminder-cron},
 * default 07:00), for each open round whose deadline is today or within
 * {@code obmi.mail.reminder-days} days, every contributor with an item not yet submitted
 * (no update, or a concept) gets one mail listing those items, once per round.
 */
@Component
class DeadlineReminders {

	private final Mailer mailer;

	private final MailTemplates templates;

	private final MailSettings settings;

	private final Recipients recipients;

	private final SentMails sent;

	private final Tenants tenants;

	private final OpenRounds rounds;

	DeadlineReminders(Mailer mailer, MailTemplates templates, MailSettings settings, Recipients recipients,
			SentMails sent, Tenants tenants, OpenRounds rounds) {
		this.mailer = mailer;
		this.templates = templates;
		this.settings = settings;
		this.recipients = recipients;
		this.sent = sent;
		this.tenants = tenants;
		this.rounds = rounds;
	}

	@Scheduled(cron = "${obmi.mail.reminder-cron:0 0 7 * * *}")
	@SchedulerLock(name = "notification.deadline-reminders", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
	void daily() {
		remind(LocalDate.now());
	}

	/** Sends the reminders due on that day; returns how many mails went out. */
	int remind(LocalDate today) {
		if (!mailer.enabled()) {
			return 0;
		}
		int mails = 0;
		for (Tenant tenant : tenants.all()) {
			for (OpenRounds.Round round : rounds.of(tenant)) {
				long days = ChronoUnit.DAYS.between(today, round.deadline());
				if (days >= 0 && days <= settings.reminderDays()) {
					mails += remind(tenant, round, days);
				}
			}
		}
		return mails;
	}

	private int remind(Tenant tenant, OpenRounds.Round round, long days) {
		Map<String, List<OpenRounds.Task>> missing = new LinkedHashMap<>();
		round.tasks()
			.stream()
			.filter(task -> task.progress() == OpenRounds.Progress.MISSING && task.contributor() != null
					&& !task.contributor().isBlank())
			.forEach(task -> missing
				.computeIfAbsent(task.contributor().strip().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
				.add(task));
		String reference = SentMails.round(round.id());
		String deadline = MailTemplates.date(round.deadline());
		int mails = 0;
		for (Map.Entry<String, List<OpenRounds.Task>> entry : missing.entrySet()) {
			Recipient to = recipients.user(entry.getKey(), Kind.REMINDER).orElse(null);
			if (to == null || !sent.claim(tenant.id(), to.userId(), Kind.REMINDER, reference)) {
				continue;
			}
			List<TaskLine> lines = entry.getValue()
				.stream()
				.map(t -> new TaskLine(t.code(), t.title(), settings.taskLink(tenant.slug(), round.id(), t.itemId())))
				.toList();
			String subject = templates.subject("reminder", to.locale(), tenant.name(), round.name(), deadline, days);
			Map<String, Object> variables = Map.of("city", tenant.name(), "round", round.name(), "deadline", deadline,
					"days", days, "tasks", lines);
			if (mailer.send(to, Kind.REMINDER, subject, variables)) {
				mails++;
			}
			else {
				sent.release(tenant.id(), to.userId(), Kind.REMINDER, reference);
			}
		}
		return mails;
	}

}
