package be.obmi.plan.domain;

import java.util.List;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The multi-year plans of a tenant and their versions. A tenant may keep several
 * (2020–2025 next to 2026–2031); a request works in its latest unless it chose another
 * ({@link PlanChoice}).
 */
@Service
public class Plans {

	private static final String SELECT = "select id, tenant_id, name, start_year, end_year, current_version, demo, version from plan.plan ";

	private static final String VERSION = """
			select v.id, v.number, v.label, v.created_at, v.created_by, v.created_count, v.updated_count, v.kind, v.undoes,
			       v.undone_at, v.undone_by, exists (select 1 from plan.version_change c where c.version_id = v.id) as recorded
			from plan.plan_version v
			""";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	Plans(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The tenant's current plan (its latest), if it has one. */
	@Transactional(readOnly = true)
	public Optional<Plan> current(Tenant tenant) {
		return current(tenant.id());
	}

	public Optional<Plan> current(long tenantId) {
		Long chosen = PlanChoice.chosen();
		if (chosen != null) {
			Optional<Plan> plan = byId(tenantId, chosen);
			if (plan.isPresent()) {
				return plan;
			}
		}
		return latest(tenantId);
	}

	/** The tenant's latest plan (the one ending last), whatever a request chose. */
	public Optional<Plan> latest(long tenantId) {
		return jdbc.sql(SELECT + "where tenant_id = ? order by end_year desc, id desc limit 1")
			.param(tenantId)
			.query(Plan.class)
			.optional();
	}

	/** A plan of the tenant; empty for another tenant's id. */
	public Optional<Plan> byId(long tenantId, long planId) {
		return jdbc.sql(SELECT + "where tenant_id = ? and id = ?")
			.params(tenantId, planId)
			.query(Plan.class)
			.optional();
	}

	/** All plans of the tenant, latest first. */
	@Transactional(readOnly = true)
	public List<Plan> all(long tenantId) {
		return jdbc.sql(SELECT + "where tenant_id = ? order by end_year desc, id desc")
			.param(tenantId)
			.query(Plan.class)
			.list();
	}

	/**
	 * Starts another multi-year plan of the tenant, empty, to fill by an import.
	 * @throws RefusedValueException for a blank or long name, years outside 2000–2100, an
	 * end before the start, more than 12 years, or a name the tenant already uses
	 */
	@Transactional
	public Plan start(Tenant tenant, String name, int startYear, int endYear) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 200) {
			throw new RefusedValueException(Reason.of("plan.refused.planName"));
		}
		if (startYear < 2000 || endYear > 2100 || endYear < startYear || endYear - startYear > 11) {
			throw new RefusedValueException(Reason.of("plan.refused.planYears", startYear, endYear));
		}
		boolean taken = jdbc.sql("select count(*) from plan.plan where tenant_id = ? and lower(name) = lower(?)")
			.params(tenant.id(), trimmed)
			.query(Integer.class)
			.single() > 0;
		if (taken) {
			throw new RefusedValueException(Reason.of("plan.refused.planNameTaken", trimmed));
		}
		return create(tenant.id(), trimmed, startYear, endYear, false);
	}

	/** The current plan, made empty (2026–2031) when the tenant has none yet. */
	@Transactional
	public Plan currentOrNew(Tenant tenant) {
		return current(tenant).orElseGet(() -> create(tenant.id(), "Meerjarenplan 2026–2031", 2026, 2031, false));
	}

	@Transactional
	public Plan create(long tenantId, String name, int startYear, int endYear, boolean demo) {
		long id = jdbc
			.sql("""
					insert into plan.plan (tenant_id, name, start_year, end_year, demo) values (?, ?, ?, ?, ?) returning id""")
			.params(tenantId, name, startYear, endYear, demo)
			.query(Long.class)
			.single();
		audit.created(tenantId, "meerjarenplan", String.valueOf(id), name,
				List.of(FieldChange.added("naam", name), FieldChange.added("periode", startYear + "-" + endYear)));
		return jdbc.sql(SELECT + "where id = ?").param(id).query(Plan.class).single();
	}

	/**
	 * Keeps a new version of the plan (after an import or amendment) and makes it
	 * current.
	 */
	@Transactional
	public int addVersion(Plan plan, String label, String actor, int created, int updated, String snapshot) {
		return insertVersion(plan, label, PlanVersion.IMPORT, null, actor, created, updated, snapshot);
	}

	/**
	 * Keeps the version an undo of import version {@code undone} made, makes it current
	 * and marks that import undone.
	 * @throws ConcurrentChangeException when the import was undone meanwhile
	 */
	@Transactional
	public int addUndoVersion(Plan plan, int undone, String actor, int updated, String snapshot) {
		int marked = jdbc.sql("""
				update plan.plan_version set undone_at = now(), undone_by = ?
				where plan_id = ? and tenant_id = ? and number = ? and undone_at is null""")
			.params(actor, plan.id(), plan.tenantId(), undone)
			.update();
		if (marked == 0) {
			throw new ConcurrentChangeException(Reason.of("plan.refused.undoneAlready", undone));
		}
		return insertVersion(plan, "Ongedaan maken van versie " + undone, PlanVersion.UNDO, undone, actor, 0, updated,
				snapshot);
	}

	private int insertVersion(Plan plan, String label, String kind, Integer undoes, String actor, int created,
			int updated, String snapshot) {
		int number = jdbc.sql(
				"update plan.plan set current_version = current_version + 1 where id = ? and tenant_id = ? returning current_version")
			.params(plan.id(), plan.tenantId())
			.query(Integer.class)
			.single();
		jdbc.sql(
				"""
						insert into plan.plan_version (tenant_id, plan_id, number, label, kind, undoes, created_by, created_count,
						  updated_count, snapshot)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(plan.tenantId(), plan.id(), number, label, kind, undoes, actor, created, updated, snapshot)
			.update();
		return number;
	}

	/**
	 * The kept content of one version of the plan, in the plan file format (CSV); empty
	 * when unknown.
	 */
	@Transactional(readOnly = true)
	public Optional<String> snapshot(Plan plan, int number) {
		return jdbc.sql(
				"select snapshot from plan.plan_version where plan_id = ? and tenant_id = ? and number = ? and snapshot <> ''")
			.params(plan.id(), plan.tenantId(), number)
			.query(String.class)
			.optional();
	}

	/** The versions of the plan, newest first. */
	@Transactional(readOnly = true)
	public List<PlanVersion> versions(Plan plan) {
		return jdbc.sql(VERSION + "where v.plan_id = ? and v.tenant_id = ? order by v.number desc")
			.params(plan.id(), plan.tenantId())
			.query(PlanVersion.class)
			.list();
	}

	/** One version of the plan. */
	@Transactional(readOnly = true)
	public Optional<PlanVersion> version(Plan plan, int number) {
		return jdbc.sql(VERSION + "where v.plan_id = ? and v.tenant_id = ? and v.number = ?")
			.params(plan.id(), plan.tenantId(), number)
			.query(PlanVersion.class)
			.optional();
	}

}
