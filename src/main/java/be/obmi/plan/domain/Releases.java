package be.obmi.plan.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.Changes;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding and editing the releases (dated deliverables or milestones) of an item on its
 * page, linked to one of its projects or none. Reading them, and marking one realised, is
 * in {@link Indicators}; archiving in {@link PlanArchive}.
 */
@Service
public class Releases {

	/** The columns of a {@link Release}, joined to its item (alias i) and project. */
	static final String SELECT = """
			select r.id, r.item_id, i.code as item_code, r.title, r.planned_date, r.actual_date, r.status, r.project_id,
			       p.name as project_name, r.version
			from plan.release r join plan.plan_item i on i.id = r.item_id left join plan.project p on p.id = r.project_id
			""";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	Releases(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * The (not archived) releases of the active items of a plan, by item and planned
	 * date: for the timeline.
	 */
	@Transactional(readOnly = true)
	public List<Release> ofPlan(Plan plan) {
		return jdbc.sql(SELECT + """
				where i.plan_id = ? and r.tenant_id = ? and r.archived_at is null and i.archived_at is null
				order by r.item_id, r.planned_date, r.id""")
			.params(plan.id(), plan.tenantId())
			.query(Release.class)
			.list();
	}

	/** A release of the tenant that is not archived. */
	@Transactional(readOnly = true)
	public Optional<Release> byId(Tenant tenant, long id) {
		return jdbc.sql(SELECT + "where r.id = ? and r.tenant_id = ? and r.archived_at is null")
			.params(id, tenant.id())
			.query(Release.class)
			.optional();
	}

	/**
	 * Adds a release to an item of the tenant; realised when it has a realised date.
	 * @throws RefusedValueException for an unknown or archived item, or a project of
	 * another item
	 */
	@Transactional
	public long create(Tenant tenant, long itemId, ReleaseForm form) {
		checkProject(tenant, itemId, form.projectId());
		long id = jdbc.sql("""
				insert into plan.release (tenant_id, item_id, project_id, title, planned_date, actual_date, status)
				select ?, id, ?, ?, ?, ?, ? from plan.plan_item where id = ? and tenant_id = ? and archived_at is null
				returning id""")
			.params(tenant.id(), form.projectId(), form.title().trim(), form.plannedDate(), form.actualDate(),
					form.actualDate() == null ? "GEPLAND" : "GEREALISEERD", itemId, tenant.id())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new RefusedValueException(Reason.of("plan.refused.itemUnknown")));
		Release created = byId(tenant, id).orElseThrow();
		audit.created(tenant.id(), "release", String.valueOf(id), created.title(),
				Changes.between(null, created, "id", "itemId", "projectId", "version"));
		return id;
	}

	/**
	 * Saves an edit of a release made on it as it was at {@code form.version()}. A
	 * realised date makes it realised; clearing it makes a realised release planned
	 * again.
	 * @throws ConcurrentChangeException when someone else saved or archived it meanwhile
	 * @throws RefusedValueException for a project of another item
	 */
	@Transactional
	public Release update(Tenant tenant, long itemId, long id, ReleaseForm form) {
		Release before = byId(tenant, id).filter(r -> r.itemId() == itemId)
			.orElseThrow(() -> new ConcurrentChangeException(Reason.of("plan.refused.releaseGone")));
		if (!Objects.equals(form.projectId(), before.projectId())) {
			checkProject(tenant, itemId, form.projectId());
		}
		String status = form.actualDate() != null ? "GEREALISEERD"
				: "GEREALISEERD".equals(before.status()) ? "GEPLAND" : before.status();
		int rows = jdbc.sql("""
				update plan.release set title = ?, planned_date = ?, actual_date = ?, status = ?, project_id = ?,
				  version = version + 1
				where id = ? and tenant_id = ? and version = ? and archived_at is null""")
			.params(form.title().trim(), form.plannedDate(), form.actualDate(), status, form.projectId(), id,
					tenant.id(), form.version())
			.update();
		if (rows == 0) {
			throw new ConcurrentChangeException(Reason.of("plan.refused.releaseChanged", before.title()));
		}
		Release after = byId(tenant, id).orElseThrow();
		audit.updated(tenant.id(), "release", String.valueOf(id), after.title(),
				Changes.between(before, after, "version", "projectId"));
		return after;
	}

	private void checkProject(Tenant tenant, long itemId, Long projectId) {
		if (projectId == null) {
			return;
		}
		Long owner = jdbc.sql("select item_id from plan.project where id = ? and tenant_id = ? and archived_at is null")
			.params(projectId, tenant.id())
			.query(Long.class)
			.optional()
			.orElse(null);
		if (!Objects.equals(owner, itemId)) {
			throw new RefusedValueException(Reason.of("plan.refused.projectNotOfItem"));
		}
	}

}
