package be.obmi.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.obmi.plan.OpenRounds;
import be.obmi.plan.RoundOpened;
import be.obmi.plan.RoundTask;
import be.obmi.plan.UpdateApproved;
import be.obmi.plan.UpdateReturned;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails the contributors about the round workflow's steps, after the step has committed
 * (Spring Modulith keeps an event until it is handled, and hands it out again after a
 * restart; not at all without mail): a round opened (one mail per contributor with all
 * their items, once per contributor and round, only while the round is still open), their
 * update sent back with the plan manager's remark, their update approved.
 */
@Component
class RoundNotifications {

	/**
	 * Without mail the listeners are not called at all, so Spring Modulith stores no
	 * publication for them (the demo data alone would leave thousands).
	 */
	static final String WHEN_MAIL_IS_ON = "@'be.obmi.notification.Mailer'.enabled()";

	private final RoundMails mails;

	private final Tenants tenants;

	private final OpenRounds rounds;

	RoundNotifications(RoundMails mails, Tenants tenants, OpenRounds rounds) {
		this.mails = mails;
		this.tenants = tenants;
		this.rounds = rounds;
	}

	@ApplicationModuleListener(condition = WHEN_MAIL_IS_ON)
	void on(RoundOpened event) {
		if (!mails.enabled()) {
			return;
		}
		Tenant tenant = tenants.byId(event.tenantId()).orElse(null);
		if (tenant == null || !rounds.isOpen(tenant, event.roundId())) {
			return;
		}
		Map<String, List<RoundTask>> byContributor = new LinkedHashMap<>();
		event.tasks()
			.stream()
			.filter(task -> task.contributor() != null && !task.contributor().isBlank())
			.forEach(task -> byContributor
				.computeIfAbsent(task.contributor().strip().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
				.add(task));
		String reference = SentMails.round(event.roundId());
		byContributor.forEach((username, tasks) -> mails.user(username, Kind.ROUND_OPENED).ifPresent(to -> {
			RoundTask first = tasks.getFirst();
			String deadline = MailTemplates.date(event.deadline());
			String subject = (tasks.size() == 1)
					? mails.subject("roundOpened.one", to.locale(), tenant.name(), event.roundName(), first.itemCode(),
							first.itemTitle(), deadline)
					: mails.subject("roundOpened.many", to.locale(), tenant.name(), event.roundName(), tasks.size(),
							deadline);
			Map<String, Object> variables = Map.of("city", tenant.name(), "round", event.roundName(), "deadline",
					deadline, "tasks", lines(tenant, tasks));
			mails.sendOnce(tenant, to, Kind.ROUND_OPENED, reference, subject, variables);
		}));
	}

	@ApplicationModuleListener(condition = WHEN_MAIL_IS_ON)
	void on(UpdateReturned event) {
		mail(event.tenantId(), event.task(), Kind.RETURNED, "returned", event.remark());
	}

	@ApplicationModuleListener(condition = WHEN_MAIL_IS_ON)
	void on(UpdateApproved event) {
		mail(event.tenantId(), event.task(), Kind.APPROVED, "approved", null);
	}

	private void mail(long tenantId, RoundTask task, Kind kind, String key, String remark) {
		if (!mails.enabled() || task.contributor() == null) {
			return;
		}
		Tenant tenant = tenants.byId(tenantId).orElse(null);
		if (tenant == null) {
			return;
		}
		mails.user(task.contributor(), kind).ifPresent(to -> {
			String deadline = MailTemplates.date(task.deadline());
			String subject = mails.subject(key, to.locale(), tenant.name(), task.roundName(), task.itemCode(),
					task.itemTitle(), deadline);
			Map<String, Object> variables = new HashMap<>();
			variables.put("city", tenant.name());
			variables.put("round", task.roundName());
			variables.put("deadline", deadline);
			variables.put("task", lines(tenant, List.of(task)).getFirst());
			variables.put("remark", remark == null ? "" : remark);
			mails.send(to, kind, subject, variables);
		});
	}

	private List<TaskLine> lines(Tenant tenant, List<RoundTask> tasks) {
		return tasks.stream()
			.map(t -> mails.task(tenant, t.roundId(), t.itemId(), t.itemCode(), t.itemTitle()))
			.toList();
	}

}
