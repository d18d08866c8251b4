package be.obmi.plan.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.Changes;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The projects through which an item is realised: listed, added and edited on the item
 * page (archiving is in {@link PlanArchive}). Every query is bound to the tenant.
 */
@Service
public class Projects {

	private static final String SELECT = """
			select id, item_id, name, description, planned_date, actual_date, version from plan.project
			""";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	Projects(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The (not archived) projects of an item, by name. */
	@Transactional(readOnly = true)
	public List<Project> of(Tenant tenant, long itemId) {
		return jdbc.sql(SELECT + "where item_id = ? and tenant_id = ? and archived_at is null order by name, id")
			.params(itemId, tenant.id())
			.query(Project.class)
			.list();
	}

	/**
	 * The (not archived) projects of the active items of a plan, by item and name: for
	 * the timeline.
	 */
	@Transactional(readOnly = true)
	public List<Project> ofPlan(Plan plan) {
		return jdbc.sql("""
				select p.id, p.item_id, p.name, p.description, p.planned_date, p.actual_date, p.version
				from plan.project p join plan.plan_item i on i.id = p.item_id
				where i.plan_id = ? and p.tenant_id = ? and p.archived_at is null and i.archived_at is null
				order by p.item_id, p.name, p.id""").params(plan.id(), plan.tenantId()).query(Project.class).list();
	}

	/** A project of the tenant that is not archived. */
	@Transactional(readOnly = true)
	public Optional<Project> byId(Tenant tenant, long id) {
		return jdbc.sql(SELECT + "where id = ? and tenant_id = ? and archived_at is null")
			.params(id, tenant.id())
			.query(Project.class)
			.optional();
	}

	/**
	 * Adds a project to an item of the tenant; returns its id.
	 * @throws RefusedValueException for a missing name or an unknown or archived item
	 */
	@Transactional
	public long create(Tenant tenant, long itemId, ProjectForm form) {
		if (form.name() == null || form.name().isBlank()) {
			throw new RefusedValueException(Reason.of("plan.refused.projectNameRequired"));
		}
		long id = jdbc.sql("""
				insert into plan.project (tenant_id, item_id, name, description, planned_date, actual_date)
				select ?, id, ?, ?, ?, ? from plan.plan_item where id = ? and tenant_id = ? and archived_at is null
				returning id""")
			.params(tenant.id(), form.name().trim(), PlanItems.blankToNull(form.description()), form.plannedDate(),
					form.actualDate(), itemId, tenant.id())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new RefusedValueException(Reason.of("plan.refused.itemUnknown")));
		Project created = byId(tenant, id).orElseThrow();
		List<FieldChange> fields = new ArrayList<>(List.of(FieldChange.added("item", itemId)));
		fields.addAll(Changes.between(null, created, "id", "itemId", "version"));
		audit.created(tenant.id(), "project", String.valueOf(id), created.name(), fields);
		return id;
	}

	/**
	 * Saves an edit of a project of the item made on it as it was at
	 * {@code form.version()}.
	 * @throws ConcurrentChangeException when someone else saved or archived it meanwhile
	 */
	@Transactional
	public Project update(Tenant tenant, long itemId, long id, ProjectForm form) {
		Project before = byId(tenant, id).filter(p -> p.itemId() == itemId)
			.orElseThrow(() -> new ConcurrentChangeException(Reason.of("plan.refused.projectGone")));
		int rows = jdbc
			.sql("""
					update plan.project set name = ?, description = ?, planned_date = ?, actual_date = ?, version = version + 1
					where id = ? and tenant_id = ? and version = ? and archived_at is null""")
			.params(form.name().trim(), PlanItems.blankToNull(form.description()), form.plannedDate(),
					form.actualDate(), id, tenant.id(), form.version())
			.update();
		if (rows == 0) {
			throw new ConcurrentChangeException(Reason.of("plan.refused.projectChanged", before.name()));
		}
		Project after = byId(tenant, id).orElseThrow();
		audit.updated(tenant.id(), "project", String.valueOf(id), after.name(),
				Changes.between(before, after, "version"));
		return after;
	}

}
