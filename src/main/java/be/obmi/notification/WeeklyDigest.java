package be.obmi.notification;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;

import be.obmi.plan.OpenRounds;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The weekly digest for plan managers ({@code obmi.mail.digest-cron}, default Monday
 * 07:00): for every tenant with open rounds, each of its redacteurs and beheerders gets
 * one mail with, per open round, how many updates wait for approval, are approved and are
 * still missing, and a link to the round; once per user, tenant and ISO week.
 */
@Component
class WeeklyDigest {

	/** One open round in the digest. */
	record RoundLine(String name, String deadline, long submitted, long approved, long missing, long total,
			String link) {
	}

	private final RoundMails mails;

	private final Tenants tenants;

	private final OpenRounds rounds;

	WeeklyDigest(RoundMails mails, Tenants tenants, OpenRounds rounds) {
		this.mails = mails;
		this.tenants = tenants;
		this.rounds = rounds;
	}

	@Scheduled(cron = "${obmi.mail.digest-cron:0 0 7 * * MON}")
	@SchedulerLock(name = "notification.weekly-digest", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
	void weekly() {
		send(LocalDate.now());
	}

	/** Sends the digest of the week of that day; returns how many mails went out. */
	int send(LocalDate today) {
		if (!mails.enabled()) {
			return 0;
		}
		String reference = "week:%d-W%02d".formatted(today.get(IsoFields.WEEK_BASED_YEAR),
				today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
		int sent = 0;
		for (Tenant tenant : tenants.all()) {
			List<OpenRounds.Round> open = rounds.of(tenant);
			if (open.isEmpty()) {
				continue;
			}
			List<RoundLine> lines = open.stream()
				.map(r -> new RoundLine(r.name(), MailTemplates.date(r.deadline()),
						r.count(OpenRounds.Progress.SUBMITTED), r.count(OpenRounds.Progress.APPROVED),
						r.count(OpenRounds.Progress.MISSING), r.tasks().size(), mails.roundLink(tenant, r.id())))
				.toList();
			for (Recipient to : mails.planManagers(tenant, Kind.DIGEST)) {
				String subject = mails.subject("digest", to.locale(), tenant.name(), MailTemplates.date(today),
						lines.size());
				Map<String, Object> variables = Map.of("city", tenant.name(), "date", MailTemplates.date(today),
						"rounds", lines);
				if (mails.sendOnce(tenant, to, Kind.DIGEST, reference, subject, variables)) {
					sent++;
				}
			}
		}
		return sent;
	}

}
