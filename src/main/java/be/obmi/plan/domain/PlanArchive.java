package be.obmi.plan.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.ScopeLock;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Archiving (a soft delete that keeps the history) and restoring plan items with their
 * descendants, indicators, projects and releases; deleting an item for real when neither
 * it nor anything under it has status updates or measurements; and what a plan's archive
 * page lists. Each step takes the plan's {@link ScopeLock} first (an import or undo never
 * runs beside it) and records every item it touches in the audit trail.
 * <p>
 * Over 300 lines because archive, restore and delete share one set of rules (an item goes
 * with its subtree, nothing with status updates or measurements is deleted, nothing is
 * restored under an archived parent) and the queries behind them; split per kind, each
 * part would repeat the subtree and history checks.
 */
@Service
public class PlanArchive {

	/**
	 * What can be archived besides items: its table (also its type in the audit trail),
	 * the column that names it, the refusal when unknown and whether it has a version.
	 */
	public enum Thing {

		INDICATOR("indicator", "name", "plan.refused.indicatorUnknown", false),
		PROJECT("project", "name", "plan.refused.projectUnknown", true),
		RELEASE("release", "title", "plan.refused.releaseUnknown", true);

		private final String table;

		private final String label;

		private final String unknown;

		private final boolean versioned;

		Thing(String table, String label, String unknown, boolean versioned) {
			this.table = table;
			this.label = label;
			this.unknown = unknown;
			this.versioned = versioned;
		}

	}

	/** When and by whom an item was archived. */
	public record Mark(OffsetDateTime at, String by) {
	}

	/**
	 * An archived item as the archive page lists it: {@code along} descendants were
	 * archived with it; {@code deletable} when neither it nor anything under it has
	 * status updates or measurements.
	 */
	public record ArchivedItem(long id, String code, ItemType type, String title, OffsetDateTime archivedAt,
			String archivedBy, int along, boolean deletable) {
	}

	/** An archived indicator, project or release with the item it belongs to. */
	public record ArchivedThing(long id, long itemId, String itemCode, String name, OffsetDateTime archivedAt,
			String archivedBy, boolean itemArchived) {
	}

	/** Everything archived in a plan, newest first. */
	public record Contents(List<ArchivedItem> items, List<ArchivedThing> indicators, List<ArchivedThing> projects,
			List<ArchivedThing> releases) {

		public boolean empty() {
			return items.isEmpty() && indicators.isEmpty() && projects.isEmpty() && releases.isEmpty();
		}

	}

	/**
	 * An item and all its descendants (ids with depth), archived or not; 3 parameters.
	 */
	private static final String TREE = """
			with recursive tree as (
			    select id, 0 as depth from plan.plan_item where id = ? and tenant_id = ?
			    union all
			    select c.id, t.depth + 1 from plan.plan_item c join tree t on c.parent_id = t.id where c.tenant_id = ?
			)
			""";

	private final JdbcClient jdbc;

	private final PlanItems items;

	private final AuditTrail audit;

	private final ScopeLock lock;

	PlanArchive(JdbcClient jdbc, PlanItems items, AuditTrail audit, ScopeLock lock) {
		this.jdbc = jdbc;
		this.items = items;
		this.audit = audit;
		this.lock = lock;
	}

	/** When and by whom the item was archived; empty for an active item. */
	@Transactional(readOnly = true)
	public Optional<Mark> mark(Tenant tenant, long itemId) {
		return jdbc.sql(
				"select archived_at, archived_by from plan.plan_item where id = ? and tenant_id = ? and archived_at is not null")
			.params(itemId, tenant.id())
			.query((rs, n) -> new Mark(rs.getObject(1, OffsetDateTime.class), rs.getString(2)))
			.optional();
	}

	/**
	 * Whether the item or anything under it has status updates or measurements: then it
	 * can be archived, but not deleted.
	 */
	@Transactional(readOnly = true)
	public boolean hasHistory(Tenant tenant, long itemId) {
		return jdbc
			.sql(TREE
					+ """
							select exists (select 1 from plan.status_update u where u.item_id in (select id from tree) and u.tenant_id = ?)
							    or exists (select 1 from plan.measurement m join plan.indicator d on d.id = m.indicator_id
							               where d.item_id in (select id from tree) and m.tenant_id = ?)""")
			.params(itemId, tenant.id(), tenant.id(), tenant.id(), tenant.id())
			.query(Boolean.class)
			.single();
	}

	/**
	 * Archives an item with its active descendants; returns how many items. They keep
	 * their history, updates and measurements, and leave the tree, the pages, the exports
	 * and the rounds that open later.
	 * @throws RefusedStateException when the item is archived already
	 */
	@Transactional
	public int archive(Tenant tenant, long itemId, String actor) {
		lock.acquire(ScopeLock.Kind.PLAN, tenant.id());
		PlanItem item = require(tenant, itemId);
		if (mark(tenant, itemId).isPresent()) {
			throw new RefusedStateException(Reason.of("plan.refused.archivedAlready", item.code()));
		}
		List<Long> ids = jdbc.sql(TREE + """
				update plan.plan_item set archived_at = now(), archived_by = ?, archived_root = ?, version = version + 1
				where tenant_id = ? and archived_at is null and id in (select id from tree) returning id""")
			.params(itemId, tenant.id(), tenant.id(), actor, itemId, tenant.id())
			.query(Long.class)
			.list();
		for (PlanItem archived : items.withDescendants(tenant, itemId)) {
			if (!ids.contains(archived.id())) {
				continue;
			}
			List<FieldChange> changes = new ArrayList<>();
			changes.add(FieldChange.between("archived", false, true));
			if (archived.id() != itemId) {
				changes.add(FieldChange.added("archivedWith", item.code()));
			}
			audit.updated(tenant.id(), "planitem", String.valueOf(archived.id()), archived.code(), changes);
		}
		return ids.size();
	}

	/**
	 * Restores an archived item and the descendants archived with it; returns how many
	 * items.
	 * @throws RefusedStateException when the item is not archived or its parent is
	 */
	@Transactional
	public int restore(Tenant tenant, long itemId) {
		lock.acquire(ScopeLock.Kind.PLAN, tenant.id());
		PlanItem item = require(tenant, itemId);
		if (mark(tenant, itemId).isEmpty()) {
			throw new RefusedStateException(Reason.of("plan.refused.notArchived", item.code()));
		}
		if (item.parentId() != null && mark(tenant, item.parentId()).isPresent()) {
			String parent = items.byId(tenant, item.parentId()).map(PlanItem::code).orElse("?");
			throw new RefusedStateException(Reason.of("plan.refused.restoreParentFirst", item.code(), parent));
		}
		List<Long> ids = jdbc
			.sql("""
					update plan.plan_item set archived_at = null, archived_by = null, archived_root = null, version = version + 1
					where tenant_id = ? and archived_at is not null and (archived_root = ? or id = ?) returning id""")
			.params(tenant.id(), itemId, itemId)
			.query(Long.class)
			.list();
		for (PlanItem restored : items.withDescendants(tenant, itemId)) {
			if (ids.contains(restored.id())) {
				audit.updated(tenant.id(), "planitem", String.valueOf(restored.id()), restored.code(),
						List.of(FieldChange.between("archived", true, false)));
			}
		}
		return ids.size();
	}

	/**
	 * Deletes an item with everything under it (indicators, projects, releases, links),
	 * for real; returns how many items.
	 * @throws RefusedStateException when it or anything under it has status updates or
	 * measurements: archive it instead
	 */
	@Transactional
	public int delete(Tenant tenant, long itemId) {
		lock.acquire(ScopeLock.Kind.PLAN, tenant.id());
		PlanItem item = require(tenant, itemId);
		if (hasHistory(tenant, itemId)) {
			throw new RefusedStateException(Reason.of("plan.refused.itemHasHistory", item.code()));
		}
		List<PlanItem> tree = new ArrayList<>(items.withDescendants(tenant, itemId));
		for (PlanItem doomed : tree.reversed()) {
			int indicators = count("indicator", doomed.id());
			int projects = count("project", doomed.id());
			int releases = count("release", doomed.id());
			jdbc.sql("delete from plan.plan_item where id = ? and tenant_id = ?")
				.params(doomed.id(), tenant.id())
				.update();
			List<FieldChange> fields = new ArrayList<>(List.of(FieldChange.removed("code", doomed.code()),
					FieldChange.removed("type", doomed.type()), FieldChange.removed("title", doomed.title())));
			for (FieldChange along : new FieldChange[] { FieldChange.removed("indicators", indicators),
					FieldChange.removed("projects", projects), FieldChange.removed("releases", releases) }) {
				if (!"0".equals(along.oldValue())) {
					fields.add(along);
				}
			}
			audit.deleted(tenant.id(), "planitem", String.valueOf(doomed.id()), doomed.code(), fields);
		}
		return tree.size();
	}

	private int count(String table, long itemId) {
		return jdbc.sql("select count(*) from plan." + table + " where item_id = ?")
			.param(itemId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Archives an indicator, project or release; returns the id of its item.
	 * @throws NotFoundException when the tenant has no such thing
	 * @throws RefusedStateException when it is archived already
	 */
	@Transactional
	public long archive(Tenant tenant, Thing thing, long id, String actor) {
		lock.acquire(ScopeLock.Kind.PLAN, tenant.id());
		ArchivedThing row = thing(tenant, thing, id);
		if (row.archivedAt() != null) {
			throw new RefusedStateException(Reason.of("plan.refused.archivedAlready", row.name()));
		}
		jdbc.sql("update plan." + thing.table + " set archived_at = now(), archived_by = ?"
				+ (thing.versioned ? ", version = version + 1" : "") + " where id = ? and tenant_id = ?")
			.params(actor, id, tenant.id())
			.update();
		audit.updated(tenant.id(), thing.table, String.valueOf(id), row.name(),
				List.of(FieldChange.between("archived", false, true)));
		return row.itemId();
	}

	/**
	 * Restores an archived indicator, project or release; returns the id of its item.
	 * @throws RefusedStateException when it is not archived, or its item is
	 */
	@Transactional
	public long restore(Tenant tenant, Thing thing, long id) {
		lock.acquire(ScopeLock.Kind.PLAN, tenant.id());
		ArchivedThing row = thing(tenant, thing, id);
		if (row.archivedAt() == null) {
			throw new RefusedStateException(Reason.of("plan.refused.notArchived", row.name()));
		}
		if (row.itemArchived()) {
			throw new RefusedStateException(Reason.of("plan.refused.restoreItemFirst", row.name(), row.itemCode()));
		}
		jdbc.sql("update plan." + thing.table + " set archived_at = null, archived_by = null"
				+ (thing.versioned ? ", version = version + 1" : "") + " where id = ? and tenant_id = ?")
			.params(id, tenant.id())
			.update();
		audit.updated(tenant.id(), thing.table, String.valueOf(id), row.name(),
				List.of(FieldChange.between("archived", true, false)));
		return row.itemId();
	}

	private ArchivedThing thing(Tenant tenant, Thing thing, long id) {
		return jdbc.sql(things(thing) + "where t.id = ? and t.tenant_id = ?")
			.params(id, tenant.id())
			.query(ArchivedThing.class)
			.optional()
			.orElseThrow(() -> new NotFoundException(Reason.of(thing.unknown)));
	}

	private static String things(Thing thing) {
		return """
				select t.id, t.item_id, i.code as item_code, t.%s as name, t.archived_at, t.archived_by,
				       i.archived_at is not null as item_archived
				from plan.%s t join plan.plan_item i on i.id = t.item_id
				""".formatted(thing.label, thing.table);
	}

	/**
	 * Everything archived in the plan (items: those archived themselves), newest first.
	 */
	@Transactional(readOnly = true)
	public Contents contents(Tenant tenant, Plan plan) {
		List<ArchivedItem> archived = jdbc.sql("""
				select i.id, i.code, i.type, i.title, i.archived_at, i.archived_by,
				       (select count(*) from plan.plan_item d where d.archived_root = i.id and d.id <> i.id) as along
				from plan.plan_item i
				where i.plan_id = ? and i.tenant_id = ? and i.archived_at is not null
				  and (i.archived_root = i.id or i.archived_root is null)
				order by i.archived_at desc, i.code""")
			.params(plan.id(), tenant.id())
			.query((rs, n) -> new ArchivedItem(rs.getLong("id"), rs.getString("code"),
					ItemType.valueOf(rs.getString("type")), rs.getString("title"),
					rs.getObject("archived_at", OffsetDateTime.class), rs.getString("archived_by"), rs.getInt("along"),
					false))
			.list()
			.stream()
			.map(i -> new ArchivedItem(i.id(), i.code(), i.type(), i.title(), i.archivedAt(), i.archivedBy(), i.along(),
					!hasHistory(tenant, i.id())))
			.toList();
		return new Contents(archived, archived(tenant, plan, Thing.INDICATOR), archived(tenant, plan, Thing.PROJECT),
				archived(tenant, plan, Thing.RELEASE));
	}

	private List<ArchivedThing> archived(Tenant tenant, Plan plan, Thing thing) {
		return jdbc.sql(things(thing)
				+ "where i.plan_id = ? and t.tenant_id = ? and t.archived_at is not null order by t.archived_at desc")
			.params(plan.id(), tenant.id())
			.query(ArchivedThing.class)
			.list();
	}

	private PlanItem require(Tenant tenant, long itemId) {
		return items.byId(tenant, itemId)
			.orElseThrow(() -> new NotFoundException(Reason.of("plan.refused.itemUnknown")));
	}

}
