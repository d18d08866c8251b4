package be.obmi.plan.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.obmi.plan.RoundOpened;
import be.obmi.plan.RoundTask;
import be.obmi.plan.UpdateApproved;
import be.obmi.plan.UpdateReturned;
import be.obmi.plan.UpdateSubmitted;
import be.obmi.tenancy.Tenant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Publishes the round workflow's events ({@link RoundOpened}, {@link UpdateSubmitted},
 * {@link UpdateReturned}, {@link UpdateApproved}) for {@link StatusRounds}, inside the
 * step's transaction: listeners that act after the commit never hear of a step that was
 * rolled back.
 */
@Component
class RoundEvents {

	private final ApplicationEventPublisher publisher;

	private final JdbcClient jdbc;

	RoundEvents(ApplicationEventPublisher publisher, JdbcClient jdbc) {
		this.publisher = publisher;
		this.jdbc = jdbc;
	}

	void opened(Tenant tenant, StatusRound round, List<StatusRounds.Task> tasks) {
		List<RoundTask> concerned = tasks.stream()
			.map(t -> new RoundTask(round.id(), round.name(), round.deadline(), t.item().id(), t.item().code(),
					t.item().title(), t.item().contributor()))
			.toList();
		publisher.publishEvent(new RoundOpened(tenant.id(), round.id(), round.name(), round.deadline(), concerned));
	}

	/** The task as the step read it (its round and item), without another query. */
	void submitted(Tenant tenant, StatusRounds.Task task, long updateId, String author) {
		StatusRound round = task.round();
		PlanItem item = task.item();
		publisher.publishEvent(new UpdateSubmitted(tenant.id(), updateId, new RoundTask(round.id(), round.name(),
				round.deadline(), item.id(), item.code(), item.title(), item.contributor()), author));
	}

	void returned(Tenant tenant, long updateId, String remark) {
		tasks(tenant, List.of(updateId))
			.forEach((id, task) -> publisher.publishEvent(new UpdateReturned(tenant.id(), id, task, remark)));
	}

	/** One event per update; the tasks of all of them are read at once (approve all). */
	void approved(Tenant tenant, Collection<Long> updateIds, String approvedBy) {
		tasks(tenant, updateIds)
			.forEach((id, task) -> publisher.publishEvent(new UpdateApproved(tenant.id(), id, task, approvedBy)));
	}

	private Map<Long, RoundTask> tasks(Tenant tenant, Collection<Long> updateIds) {
		Map<Long, RoundTask> tasks = new LinkedHashMap<>();
		if (updateIds.isEmpty()) {
			return tasks;
		}
		jdbc.sql("""
				select u.id, r.id as round_id, r.name as round_name, r.deadline, i.id as item_id, i.code, i.title,
				       i.contributor
				from plan.status_update u
				join plan.status_round r on r.id = u.round_id and r.tenant_id = u.tenant_id
				join plan.plan_item i on i.id = u.item_id and i.tenant_id = u.tenant_id
				where u.id in (:ids) and u.tenant_id = :tenant order by u.id""")
			.param("ids", updateIds)
			.param("tenant", tenant.id())
			.query(rs -> {
				tasks.put(rs.getLong("id"),
						new RoundTask(rs.getLong("round_id"), rs.getString("round_name"),
								rs.getObject("deadline", LocalDate.class), rs.getLong("item_id"), rs.getString("code"),
								rs.getString("title"), rs.getString("contributor")));
			});
		return tasks;
	}

}
