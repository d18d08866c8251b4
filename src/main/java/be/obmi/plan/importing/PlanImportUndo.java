package be.obmi.plan.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.Changes;
import be.obmi.audit.FieldChange;
import be.obmi.plan.domain.ItemType;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanArchive;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.PlanVersion;
import be.obmi.plan.domain.Plans;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.ObmiMetrics;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.ScopeLock;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Undoing a whole plan import, as statistics imports are undone: {@link PlanImport} keeps
 * what it did to each item ({@code plan.version_change}); the undo puts the items back as
 * they were before. Items it created are deleted when neither they nor anything under
 * them has status updates or measurements yet, and archived otherwise; items it updated
 * get their earlier values back. It makes a new plan version (UNDO) and records every
 * change in the audit trail.
 * <p>
 * Only the plan's current version can be undone, and only when it is an import whose
 * changes were recorded. Anything that happened to those items since (an edit, an archive
 * or restore, all of which raise the item's version) refuses the undo with the codes of
 * the items, so nothing is overwritten silently. It takes the plan's {@link ScopeLock}
 * first: of two undos at once, the second waits and is then refused (undone already).
 * <p>
 * Just over 300 lines because recording what an import did and undoing it share one
 * format ({@code plan.version_change}); kept together, the two cannot drift apart.
 */
@Service
public class PlanImportUndo {

	/** What an undo did; {@code planVersion} is the new (UNDO) version. */
	public record Summary(int undoneVersion, int planVersion, int restored, int archived, int deleted) {
	}

	/**
	 * What an import did to one item: created it, or updated it from {@code before} (a
	 * row of the item as it was) so that its version became {@code afterVersion}.
	 */
	record Change(long itemId, boolean created, int afterVersion, PlanItem before) {

		static Change created(long itemId) {
			return new Change(itemId, true, 0, null);
		}

		static Change updated(PlanItem before) {
			return new Change(before.id(), false, before.version() + 1, before);
		}

	}

	/** An item as the undo finds it now (locked). */
	private record Current(long id, String code, ItemType type, int version, boolean archived) {
	}

	private final JdbcClient jdbc;

	private final Plans plans;

	private final PlanItems items;

	private final PlanArchive archive;

	private final PlanExport export;

	private final AuditTrail audit;

	private final ObmiMetrics metrics;

	private final ScopeLock lock;

	PlanImportUndo(JdbcClient jdbc, Plans plans, PlanItems items, PlanArchive archive, PlanExport export,
			AuditTrail audit, ObmiMetrics metrics, ScopeLock lock) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.items = items;
		this.archive = archive;
		this.export = export;
		this.audit = audit;
		this.metrics = metrics;
		this.lock = lock;
	}

	/**
	 * Keeps what an import did (in the import's transaction, right after it made version
	 * {@code number}), and how many projects and releases it created or changed: such an
	 * import cannot be undone.
	 */
	void record(Plan plan, int number, List<Change> changes, int workChanges) {
		if (workChanges > 0) {
			jdbc.sql("update plan.plan_version set work_changes = ? where plan_id = ? and tenant_id = ? and number = ?")
				.params(workChanges, plan.id(), plan.tenantId(), number)
				.update();
		}
		Long[] created = changes.stream().filter(Change::created).map(Change::itemId).toArray(Long[]::new);
		if (created.length > 0) {
			jdbc.sql("""
					insert into plan.version_change (tenant_id, version_id, item_id, action, after_version)
					select v.tenant_id, v.id, unnest(cast(? as bigint[])), 'CREATED', 0
					from plan.plan_version v where v.plan_id = ? and v.tenant_id = ? and v.number = ?""")
				.params(created, plan.id(), plan.tenantId(), number)
				.update();
		}
		for (Change change : changes) {
			if (change.created()) {
				continue;
			}
			PlanItem b = change.before();
			jdbc.sql(
					"""
							insert into plan.version_change (tenant_id, version_id, item_id, action, after_version, type, parent_id,
							  title, description, priority, policy_field, political_owner, administrative_owner, start_date, end_date)
							select v.tenant_id, v.id, ?, 'UPDATED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
							from plan.plan_version v where v.plan_id = ? and v.tenant_id = ? and v.number = ?""")
				.params(b.id(), change.afterVersion(), b.type().name(), b.parentId(), b.title(), b.description(),
						b.priority(), b.policyField(), b.politicalOwner(), b.administrativeOwner(), b.startDate(),
						b.endDate(), plan.id(), plan.tenantId(), number)
				.update();
		}
	}

	private boolean changedWork(Plan plan, int number) {
		return jdbc
			.sql("select work_changes > 0 from plan.plan_version where plan_id = ? and tenant_id = ? and number = ?")
			.params(plan.id(), plan.tenantId(), number)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Undoes import version {@code number} of the tenant's current plan.
	 * @throws NotFoundException when the plan has no such version
	 * @throws RefusedStateException when it is not the current version, no import, undone
	 * already, not recorded, when it created or changed projects or releases, or when one
	 * of its items changed since
	 * @throws ConcurrentChangeException when the plan stays locked by another import or
	 * undo, or an item is saved while the undo runs
	 */
	@Transactional
	public Summary undo(Tenant tenant, int number, String actor) {
		return metrics.timeUndo("plan", tenant.slug(), () -> run(tenant, number, actor));
	}

	private Summary run(Tenant tenant, int number, String actor) {
		lock.acquire(ScopeLock.Kind.PLAN, tenant.id());
		Plan plan = plans.current(tenant)
			.orElseThrow(() -> new NotFoundException(Reason.of("plan.refused.versionUnknown", number)));
		PlanVersion version = plans.version(plan, number)
			.orElseThrow(() -> new NotFoundException(Reason.of("plan.refused.versionUnknown", number)));
		if (version.undone()) {
			throw new RefusedStateException(Reason.of("plan.refused.undoneAlready", number));
		}
		if (!PlanVersion.IMPORT.equals(version.kind())) {
			throw new RefusedStateException(Reason.of("plan.refused.undoNotAnImport", number));
		}
		if (number != plan.currentVersion()) {
			throw new RefusedStateException(Reason.of("plan.refused.undoNotLatest", number, plan.currentVersion()));
		}
		if (changedWork(plan, number)) {
			throw new RefusedStateException(Reason.of("plan.refused.undoWorkChanged", number));
		}
		if (!version.recorded()) {
			throw new RefusedStateException(Reason.of("plan.refused.undoNotRecorded", number));
		}
		List<Change> changes = changes(version);
		Map<Long, Current> current = lockItems(tenant, changes);
		check(tenant, number, changes, current);

		int restored = 0;
		for (Change change : changes) {
			if (!change.created()) {
				restore(tenant, change);
				restored++;
			}
		}
		// what the import created goes, children before their parents: deleted when
		// nothing under it has history, else archived (with what is left under it)
		int archived = 0;
		int deleted = 0;
		List<Current> created = changes.stream()
			.filter(Change::created)
			.map(c -> current.get(c.itemId()))
			.filter(c -> c != null && !c.archived())
			.sorted(Comparator.comparing((Current c) -> c.type().ordinal()).reversed())
			.toList();
		for (Current item : created) {
			if (archive.hasHistory(tenant, item.id())) {
				archived += archive.archive(tenant, item.id(), actor);
			}
			else {
				deleted += archive.delete(tenant, item.id());
			}
		}
		int undoVersion = plans.addUndoVersion(plan, number, actor, restored + archived + deleted,
				export.csvText(plan));
		audit.updated(tenant.id(), "meerjarenplan", String.valueOf(plan.id()), plan.name(),
				List.of(FieldChange.between("versie", number, undoVersion),
						FieldChange.added("ongedaan gemaakt", "versie %d: %d hersteld, %d gearchiveerd, %d verwijderd"
							.formatted(number, restored, archived, deleted))));
		return new Summary(number, undoVersion, restored, archived, deleted);
	}

	private List<Change> changes(PlanVersion version) {
		return jdbc.sql("""
				select item_id, action, after_version, type, parent_id, title, description, priority, policy_field,
				       political_owner, administrative_owner, start_date, end_date
				from plan.version_change where version_id = ? order by item_id""")
			.param(version.id())
			.query((rs, n) -> {
				long id = rs.getLong("item_id");
				if ("CREATED".equals(rs.getString("action"))) {
					return Change.created(id);
				}
				PlanItem before = new PlanItem(id, 0, rs.getObject("parent_id", Long.class),
						ItemType.valueOf(rs.getString("type")), null, rs.getString("title"),
						rs.getString("description"), rs.getBoolean("priority"), rs.getString("policy_field"),
						rs.getString("political_owner"), rs.getString("administrative_owner"), null,
						rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class), null,
						null, null, null, null, 0, rs.getInt("after_version") - 1);
				return Change.updated(before);
			})
			.list();
	}

	/**
	 * The import's items as they are now, locked: an edit saved meanwhile waits for the
	 * undo and is then refused as a concurrent change.
	 */
	private Map<Long, Current> lockItems(Tenant tenant, List<Change> changes) {
		Map<Long, Current> current = new HashMap<>();
		jdbc.sql("""
				select id, code, type, version, archived_at is not null as archived from plan.plan_item
				where tenant_id = :tenant and id in (:ids) order by id for update""")
			.param("tenant", tenant.id())
			.param("ids", changes.stream().map(Change::itemId).toList())
			.query((rs, n) -> new Current(rs.getLong("id"), rs.getString("code"),
					ItemType.valueOf(rs.getString("type")), rs.getInt("version"), rs.getBoolean("archived")))
			.list()
			.forEach(c -> current.put(c.id(), c));
		return current;
	}

	/**
	 * Refuses when an item the import touched changed since (its version moved on), an
	 * updated item is gone, or the parent it had before is no longer an active item.
	 */
	private void check(Tenant tenant, int number, List<Change> changes, Map<Long, Current> current) {
		List<String> changed = new ArrayList<>();
		List<String> gone = new ArrayList<>();
		for (Change change : changes) {
			Current now = current.get(change.itemId());
			if (now == null) {
				if (!change.created()) {
					gone.add(String.valueOf(change.itemId()));
				}
			}
			else if (now.version() != change.afterVersion()) {
				changed.add(now.code());
			}
		}
		if (!changed.isEmpty()) {
			throw new RefusedStateException(Reason.of("plan.refused.undoChangedLater", number,
					Reason.list(changed.stream().sorted().toList())));
		}
		if (!gone.isEmpty()) {
			throw new RefusedStateException(Reason.of("plan.refused.undoItemGone", number, Reason.list(gone)));
		}
		for (Change change : changes) {
			Long parentId = change.created() ? null : change.before().parentId();
			if (parentId != null
					&& (items.byId(tenant, parentId).isEmpty() || archive.mark(tenant, parentId).isPresent())) {
				throw new RefusedStateException(
						Reason.of("plan.refused.undoParentGone", number, current.get(change.itemId()).code()));
			}
		}
	}

	/** Puts an updated item back as it was before the import. */
	private void restore(Tenant tenant, Change change) {
		PlanItem before = change.before();
		PlanItem now = items.byId(tenant, change.itemId()).orElseThrow();
		int rows = jdbc
			.sql("""
					update plan.plan_item set type = ?, parent_id = ?, title = ?, description = ?, priority = ?, policy_field = ?,
					  political_owner = ?, administrative_owner = ?, start_date = ?, end_date = ?, version = version + 1
					where id = ? and tenant_id = ? and version = ? and archived_at is null""")
			.params(before.type().name(), before.parentId(), before.title(), before.description(), before.priority(),
					before.policyField(), before.politicalOwner(), before.administrativeOwner(), before.startDate(),
					before.endDate(), change.itemId(), tenant.id(), change.afterVersion())
			.update();
		if (rows == 0) {
			throw new ConcurrentChangeException(Reason.of("plan.refused.itemChanged", now.code()));
		}
		PlanItem after = items.byId(tenant, change.itemId()).orElseThrow();
		audit.updated(tenant.id(), "planitem", String.valueOf(after.id()), after.code(),
				Changes.between(values(tenant, now), values(tenant, after)));
	}

	/**
	 * The fields an import sets, with the parent by code (as the import records them).
	 */
	private PlanImport.Values values(Tenant tenant, PlanItem item) {
		String parent = item.parentId() == null ? null
				: items.byId(tenant, item.parentId()).map(PlanItem::code).orElse(null);
		return new PlanImport.Values(item.type(), parent, item.title(), item.description(), item.priority(),
				item.policyField(), item.politicalOwner(), item.administrativeOwner(), item.startDate(),
				item.endDate());
	}

}
