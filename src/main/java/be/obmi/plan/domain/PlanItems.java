package be.obmi.plan.domain;

import be.obmi.plan.PolicyFields;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.Changes;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import be.obmi.audit.FieldChange;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Reading and editing the items of a plan. Every query is bound to the tenant. */
@Service
public class PlanItems {

	static final String COLUMNS = """
			id, plan_id, parent_id, type, code, title, description, priority, policy_field, political_owner,
			administrative_owner, contributor, start_date, end_date, tags, wijk, latitude, longitude, weight,
			sort_order, version""";

	/**
	 * {@link #COLUMNS} with the table alias {@code i.}, for queries that join other
	 * tables to plan items.
	 */
	static final String PREFIXED_COLUMNS = COLUMNS.lines()
		.flatMap(line -> Arrays.stream(line.split(",")))
		.map(String::trim)
		.filter(column -> !column.isEmpty())
		.map(column -> "i." + column)
		.collect(Collectors.joining(", "));

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final PolicyFields policyFields;

	PlanItems(JdbcClient jdbc, AuditTrail audit, PolicyFields policyFields) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.policyFields = policyFields;
	}

	/**
	 * All active (not archived) items of the plan in tree order (by sort order, then
	 * code). Never returns null.
	 */
	@Transactional(readOnly = true)
	public List<PlanItem> all(Plan plan) {
		return jdbc.sql("select " + COLUMNS
				+ " from plan.plan_item where plan_id = ? and tenant_id = ? and archived_at is null order by sort_order, code")
			.params(plan.id(), plan.tenantId())
			.query(RowMappers.PLAN_ITEM)
			.list();
	}

	/** An item of the tenant, archived or not (see {@link PlanArchive#mark}). */
	@Transactional(readOnly = true)
	public Optional<PlanItem> byId(Tenant tenant, long id) {
		return jdbc.sql("select " + COLUMNS + " from plan.plan_item where id = ? and tenant_id = ?")
			.params(id, tenant.id())
			.query(RowMappers.PLAN_ITEM)
			.optional();
	}

	/** An active (not archived) item of the plan. */
	@Transactional(readOnly = true)
	public Optional<PlanItem> byCode(Plan plan, String code) {
		return jdbc
			.sql("select " + COLUMNS
					+ " from plan.plan_item where plan_id = ? and tenant_id = ? and code = ? and archived_at is null")
			.params(plan.id(), plan.tenantId(), code)
			.query(RowMappers.PLAN_ITEM)
			.optional();
	}

	/**
	 * An item with all its descendants, archived or not, parents before children (for the
	 * page of an archived item).
	 */
	@Transactional(readOnly = true)
	public List<PlanItem> withDescendants(Tenant tenant, long id) {
		return jdbc
			.sql("""
					with recursive tree as (
					    select id, 0 as depth from plan.plan_item where id = ? and tenant_id = ?
					    union all
					    select c.id, t.depth + 1 from plan.plan_item c join tree t on c.parent_id = t.id where c.tenant_id = ?
					)
					select %s from plan.plan_item i join tree t on t.id = i.id order by t.depth, i.sort_order, i.code"""
				.formatted(PREFIXED_COLUMNS))
			.params(id, tenant.id(), tenant.id())
			.query(RowMappers.PLAN_ITEM)
			.list();
	}

	/**
	 * Saves an edit made on the item as it was at {@code form.version()}. Making an
	 * action priority makes its action plan and goal priority too.
	 * @throws ConcurrentChangeException when someone else saved the item in the meantime
	 * @throws RefusedValueException for an unknown policy field or dates in the wrong
	 * order
	 * @throws RefusedStateException for an archived item
	 */
	@Transactional
	public PlanItem update(Tenant tenant, long id, PlanItemForm form) {
		PlanItem before = byId(tenant, id)
			.orElseThrow(() -> new RefusedValueException(Reason.of("plan.refused.itemUnknown")));
		if (archived(tenant, id)) {
			throw new RefusedStateException(Reason.of("plan.refused.itemArchived", before.code()));
		}
		String field = blankToNull(form.policyField());
		if (field != null && policyFields.byCode(field).isEmpty()) {
			throw new RefusedValueException(Reason.of("plan.refused.policyFieldUnknown", field));
		}
		if ((form.latitude() == null) != (form.longitude() == null)) {
			throw new RefusedValueException(Reason.of("plan.refused.latitudeAndLongitude"));
		}
		if (form.startDate() != null && form.endDate() != null && form.endDate().isBefore(form.startDate())) {
			throw new RefusedValueException(Reason.of("plan.refused.endBeforeStart"));
		}
		if (before.priority() && !form.priority() && hasPriorityChild(tenant, id)) {
			throw new RefusedValueException(Reason.of("plan.refused.priorityChildren", before.code()));
		}
		int rows = jdbc
			.sql("""
					update plan.plan_item set title = ?, description = ?, priority = ?, policy_field = ?, political_owner = ?,
					  administrative_owner = ?, contributor = ?, start_date = ?, end_date = ?, tags = ?, wijk = ?, latitude = ?,
					  longitude = ?, weight = ?,
					  version = version + 1
					where id = ? and tenant_id = ? and version = ?""")
			.params(form.title().trim(), blankToNull(form.description()), form.priority(), field,
					blankToNull(form.politicalOwner()), blankToNull(form.administrativeOwner()),
					blankToNull(form.contributor()), form.startDate(), form.endDate(), blankToNull(form.tags()),
					blankToNull(form.wijk()), form.latitude(), form.longitude(), form.weight(), id, tenant.id(),
					form.version())
			.update();
		if (rows == 0) {
			throw new ConcurrentChangeException(Reason.of("plan.refused.itemChanged", before.code()));
		}
		PlanItem after = byId(tenant, id).orElseThrow();
		audit.updated(tenant.id(), "planitem", String.valueOf(id), after.code(),
				Changes.between(before, after, "version"));
		if (after.priority()) {
			propagatePriority(tenant, after);
		}
		return after;
	}

	/**
	 * Adds an action under an active action plan of the plan (for other modules, through
	 * {@code be.obmi.plan.PlanActions}): its code is the action plan's followed by
	 * {@code AC<nn>}, the next number free in the plan; it comes after the plan's other
	 * items and is recorded in the audit trail as an import's new items are.
	 * @throws RefusedValueException for an unknown or archived action plan, a code other
	 * than an action plan's, a blank title or a code that would be too long
	 */
	@Transactional
	public PlanItem addAction(Plan plan, String parentCode, String title, String description, String owner,
			LocalDate endDate) {
		PlanItem parent = byCode(plan, parentCode == null ? "" : parentCode.strip())
			.filter(p -> p.type() == ItemType.AP)
			.orElseThrow(() -> new RefusedValueException(Reason.of("plan.refused.actionPlanUnknown", parentCode)));
		String name = blankToNull(title);
		if (name == null || name.length() > 500) {
			throw new RefusedValueException(Reason.of("plan.item.title.required"));
		}
		String code = nextActionCode(plan, parent);
		int sortOrder = jdbc
			.sql("select coalesce(max(sort_order), 0) + 1 from plan.plan_item where plan_id = ? and tenant_id = ?")
			.params(plan.id(), plan.tenantId())
			.query(Integer.class)
			.single();
		long id = jdbc.sql("""
				insert into plan.plan_item (tenant_id, plan_id, parent_id, type, code, title, description,
				  administrative_owner, end_date, sort_order)
				values (?, ?, ?, 'AC', ?, ?, ?, ?, ?, ?) returning id""")
			.params(plan.tenantId(), plan.id(), parent.id(), code, name, blankToNull(description), blankToNull(owner),
					endDate, sortOrder)
			.query(Long.class)
			.single();
		PlanItem created = byCode(plan, code).orElseThrow();
		audit.created(plan.tenantId(), "planitem", String.valueOf(id), code,
				List.of(FieldChange.added("type", ItemType.AC), FieldChange.added("bovenliggende_code", parent.code()),
						FieldChange.added("titel", name), FieldChange.added("ambtelijk_verantwoordelijke", owner),
						FieldChange.added("einddatum", endDate)));
		return created;
	}

	private String nextActionCode(Plan plan, PlanItem parent) {
		List<String> codes = jdbc.sql("select code from plan.plan_item where plan_id = ? and tenant_id = ?")
			.params(plan.id(), plan.tenantId())
			.query(String.class)
			.list();
		for (int n = 1;; n++) {
			String code = parent.code() + "AC%02d".formatted(n);
			if (code.length() > 60) {
				throw new RefusedValueException(Reason.of("plan.refused.actionCodeTooLong", parent.code()));
			}
			if (!codes.contains(code)) {
				return code;
			}
		}
	}

	private boolean archived(Tenant tenant, long id) {
		return jdbc.sql("select archived_at is not null from plan.plan_item where id = ? and tenant_id = ?")
			.params(id, tenant.id())
			.query(Boolean.class)
			.single();
	}

	private boolean hasPriorityChild(Tenant tenant, long id) {
		return jdbc.sql(
				"select count(*) from plan.plan_item where parent_id = ? and tenant_id = ? and priority and archived_at is null")
			.params(id, tenant.id())
			.query(Integer.class)
			.single() > 0;
	}

	/** The priority rule: the ancestors of a priority item are priority too. */
	void propagatePriority(Tenant tenant, PlanItem item) {
		Long parentId = item.parentId();
		while (parentId != null) {
			PlanItem parent = byId(tenant, parentId).orElseThrow();
			if (!parent.priority()) {
				jdbc.sql(
						"update plan.plan_item set priority = true, version = version + 1 where id = ? and tenant_id = ?")
					.params(parent.id(), tenant.id())
					.update();
				audit.updated(tenant.id(), "planitem", String.valueOf(parent.id()), parent.code(),
						List.of(FieldChange.between("priority", false, true)));
			}
			parentId = parent.parentId();
		}
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
