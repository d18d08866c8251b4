package be.obmi.pirk.register;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The dated history of a case and the optimistic lock of its row. */
@Component
class CaseSteps {

	private final JdbcClient jdbc;

	CaseSteps(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Tenant tenant, long caseId, String step, LocalDate on, String detail, String actor) {
		jdbc.sql(
				"""
						insert into pirk.vacancy_step (tenant_id, case_id, step, on_date, detail, actor) values (?, ?, ?, ?, ?, ?)""")
			.params(tenant.id(), caseId, step, on, detail, actor)
			.update();
	}

	List<CaseStep> of(Tenant tenant, long caseId) {
		return jdbc.sql("""
				select id, step, on_date, detail, actor, recorded_at from pirk.vacancy_step
				where tenant_id = ? and case_id = ? order by on_date, id""")
			.params(tenant.id(), caseId)
			.query((rs, n) -> new CaseStep(rs.getLong("id"), rs.getString("step"),
					rs.getObject("on_date", LocalDate.class), rs.getString("detail"), rs.getString("actor"),
					rs.getObject("recorded_at", OffsetDateTime.class)))
			.list();
	}

	/**
	 * Takes the case's version as seen by the editor (a negative version skips the
	 * check).
	 * @throws ConcurrentChangeException when someone changed the case meanwhile
	 */
	void bump(Tenant tenant, long caseId, int version) {
		int changed = jdbc.sql("""
				update pirk.vacancy_case set version = version + 1
				where tenant_id = ? and id = ? and (? < 0 or version = ?)""")
			.params(tenant.id(), caseId, version, version)
			.update();
		if (changed == 0) {
			throw new ConcurrentChangeException(Reason.of("pirk.refused.stale"));
		}
	}

}
