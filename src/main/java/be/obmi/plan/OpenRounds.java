package be.obmi.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open status rounds of a tenant with where each of their items stands, for other
 * modules (the notification module's deadline reminders and weekly digest). Read-only;
 * never returns null.
 */
@Service
public class OpenRounds {

	private final JdbcClient jdbc;

	OpenRounds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Where an item of a round stands. */
	public enum Progress {

		/**
		 * No update yet, or a concept (new or sent back): the contributor still has to
		 * submit.
		 */
		MISSING,
		/** Submitted, waiting for a plan manager. */
		SUBMITTED,
		/** Approved or published. */
		APPROVED

	}

	/** An open round with its items, in plan order. */
	public record Round(long id, String name, LocalDate deadline, List<Task> tasks) {

		public long count(Progress progress) {
			return tasks.stream().filter(t -> t.progress() == progress).count();
		}

	}

	/** An item of an open round; {@code contributor} is a user name, or null. */
	public record Task(long itemId, String code, String title, String contributor, Progress progress) {

	}

	private record Row(long roundId, String roundName, LocalDate deadline, long itemId, String code, String title,
			String contributor, String state) {
	}

	/** The tenant's open rounds, earliest deadline first. */
	@Transactional(readOnly = true)
	public List<Round> of(Tenant tenant) {
		List<Row> rows = jdbc
			.sql("""
					select r.id as round_id, r.name as round_name, r.deadline, i.id as item_id, i.code, i.title, i.contributor,
					       u.state
					from plan.status_round r
					join plan.round_item ri on ri.round_id = r.id and ri.tenant_id = r.tenant_id
					join plan.plan_item i on i.id = ri.item_id and i.tenant_id = r.tenant_id
					left join plan.status_update u on u.round_id = r.id and u.item_id = i.id and u.tenant_id = r.tenant_id
					where r.tenant_id = ? and r.state = 'OPEN'
					order by r.deadline, r.id, i.sort_order, i.code""")
			.param(tenant.id())
			.query(Row.class)
			.list();
		Map<Long, Round> rounds = new LinkedHashMap<>();
		for (Row row : rows) {
			rounds
				.computeIfAbsent(row.roundId(), id -> new Round(id, row.roundName(), row.deadline(), new ArrayList<>()))
				.tasks()
				.add(new Task(row.itemId(), row.code(), row.title(), row.contributor(), progress(row.state())));
		}
		return rounds.values()
			.stream()
			.map(r -> new Round(r.id(), r.name(), r.deadline(), List.copyOf(r.tasks())))
			.toList();
	}

	/** Whether the round exists in the tenant and is still open. */
	@Transactional(readOnly = true)
	public boolean isOpen(Tenant tenant, long roundId) {
		return jdbc.sql("select count(*) from plan.status_round where id = ? and tenant_id = ? and state = 'OPEN'")
			.params(roundId, tenant.id())
			.query(Integer.class)
			.single() > 0;
	}

	private static Progress progress(String state) {
		if (state == null || state.equals("CONCEPT")) {
			return Progress.MISSING;
		}
		return state.equals("INGEDIEND") ? Progress.SUBMITTED : Progress.APPROVED;
	}

}
