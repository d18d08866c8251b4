package be.obmi.plan.domain;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The governance-agreement commitments of a plan and their many-to-many links with plan
 * items (projects are in {@link Projects}).
 */
@Service
public class Commitments {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	Commitments(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** Every commitment of the plan with its linked items, by code. */
	@Transactional(readOnly = true)
	public List<Commitment> all(Plan plan) {
		List<Commitment.Row> rows = jdbc
			.sql("select id, code, title from plan.commitment where plan_id = ? and tenant_id = ? order by code")
			.params(plan.id(), plan.tenantId())
			.query(Commitment.Row.class)
			.list();
		Map<Long, List<PlanItem>> linked = jdbc.sql("select ci.commitment_id, " + PlanItems.PREFIXED_COLUMNS
				+ " from plan.commitment_item ci join plan.plan_item i on i.id = ci.item_id where ci.tenant_id = ? and i.plan_id = ? and i.archived_at is null order by i.sort_order, i.code")
			.params(plan.tenantId(), plan.id())
			.query((rs, n) -> Map.entry(rs.getLong(1), RowMappers.PLAN_ITEM.mapRow(rs, n)))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return rows.stream()
			.map(r -> new Commitment(r.id(), r.code(), r.title(), linked.getOrDefault(r.id(), List.of())))
			.toList();
	}

	/** The commitments an item realises. */
	@Transactional(readOnly = true)
	public List<Commitment.Row> of(Tenant tenant, long itemId) {
		return jdbc
			.sql("""
					select c.id, c.code, c.title from plan.commitment c join plan.commitment_item ci on ci.commitment_id = c.id
					where ci.item_id = ? and ci.tenant_id = ? order by c.code""")
			.params(itemId, tenant.id())
			.query(Commitment.Row.class)
			.list();
	}

	/** Adds a commitment to the plan (code unique per plan). */
	@Transactional
	public long add(Tenant tenant, Plan plan, String code, String title) {
		if (code == null || code.isBlank() || title == null || title.isBlank()) {
			throw new RefusedValueException(Reason.of("plan.refused.commitmentCodeAndTitle"));
		}
		long id = jdbc.sql(
				"insert into plan.commitment (tenant_id, plan_id, code, title) values (?, ?, ?, ?) on conflict (plan_id, code) do nothing returning id")
			.params(tenant.id(), plan.id(), code.trim(), title.trim())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new RefusedValueException(Reason.of("plan.refused.commitmentCodeTaken", code.trim())));
		audit.created(tenant.id(), "engagement", String.valueOf(id), code.trim(),
				List.of(FieldChange.added("code", code.trim()), FieldChange.added("titel", title.trim())));
		return id;
	}

	/**
	 * Links an item to a commitment of the same tenant given by code; nothing happens
	 * when already linked.
	 */
	@Transactional
	public void link(Tenant tenant, Plan plan, long itemId, String commitmentCode) {
		Commitment.Row commitment = jdbc
			.sql("select id, code, title from plan.commitment where plan_id = ? and tenant_id = ? and code = ?")
			.params(plan.id(), tenant.id(), commitmentCode == null ? "" : commitmentCode.trim())
			.query(Commitment.Row.class)
			.optional()
			.orElseThrow(() -> new RefusedValueException(Reason.of("plan.refused.commitmentUnknown", commitmentCode)));
		int rows = jdbc.sql("""
				insert into plan.commitment_item (tenant_id, commitment_id, item_id)
				select ?, ?, id from plan.plan_item where id = ? and tenant_id = ? on conflict do nothing""")
			.params(tenant.id(), commitment.id(), itemId, tenant.id())
			.update();
		if (rows > 0) {
			audit.created(tenant.id(), "engagementkoppeling", commitment.id() + "-" + itemId, commitment.code(),
					List.of(FieldChange.added("item", itemId)));
		}
	}

	@Transactional
	public void unlink(Tenant tenant, long itemId, long commitmentId) {
		int rows = jdbc
			.sql("delete from plan.commitment_item where commitment_id = ? and item_id = ? and tenant_id = ?")
			.params(commitmentId, itemId, tenant.id())
			.update();
		if (rows > 0) {
			audit.deleted(tenant.id(), "engagementkoppeling", commitmentId + "-" + itemId, String.valueOf(commitmentId),
					List.of(FieldChange.removed("item", itemId)));
		}
	}

}
