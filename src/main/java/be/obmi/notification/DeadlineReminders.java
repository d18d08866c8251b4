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
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds contributors of a round's deadline: every day ({@code obmi.mail.reminder-cron},
 * default 07:00), for each open round whose deadline is today or within
 * {@code obmi.mail.reminder-days} days, every contributor with an item not yet submitted
 * (no update, or a concept) gets one mail listing those items, once per round.
 */
@Component
class DeadlineReminders {

	private final RoundMails mails;

	private final Tenants tenants;

	private final OpenRounds rounds;

	DeadlineReminders(RoundMails mails, Tenants tenants, OpenRounds rounds) {
		this.mails = mails;
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
		if (!mails.enabled()) {
			return 0;
		}
		int sent = 0;
		for (Tenant tenant : tenants.all()) {
			for (OpenRounds.Round round : rounds.of(tenant)) {
				long days = ChronoUnit.DAYS.between(today, round.deadline());
				if (days >= 0 && days <= mails.reminderDays()) {
					sent += remind(tenant, round, days);
				}
			}
		}
		return sent;
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
		int sent = 0;
		for (Map.Entry<String, List<OpenRounds.Task>> entry : missing.entrySet()) {
			Recipient to = mails.user(entry.getKey(), Kind.REMINDER).orElse(null);
			if (to == null) {
				continue;
			}
			List<TaskLine> lines = entry.getValue()
				.stream()
				.map(t -> mails.task(tenant, round.id(), t.itemId(), t.code(), t.title()))
				.toList();
			String subject = mails.subject("reminder", to.locale(), tenant.name(), round.name(), deadline, days);
			Map<String, Object> variables = Map.of("city", tenant.name(), "round", round.name(), "deadline", deadline,
					"days", days, "tasks", lines);
			if (mails.sendOnce(tenant, to, Kind.REMINDER, reference, subject, variables)) {
				sent++;
			}
		}
		return sent;
	}

}
