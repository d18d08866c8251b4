package be.obmi.privacy.domain;

import java.util.List;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.Changes;
import be.obmi.audit.FieldChange;
import be.obmi.plan.PlanActions;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The measures of a DPIA. Added while the DPIA is editable; their status and owner may
 * change later too (they are followed up). A measure can become an action of the city's
 * multi-year plan once ({@link #markInPlan}).
 */
@Service
public class DpiaMeasures {

	private static final String SELECT = """
			select id, dpia_id, title, description, owner, due_date, status, plan_item_code, version
			from privacy.dpia_measure """;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Dpias dpias;

	private final PlanActions planActions;

	DpiaMeasures(JdbcClient jdbc, AuditTrail audit, Dpias dpias, PlanActions planActions) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.dpias = dpias;
		this.planActions = planActions;
	}

	/** The DPIA's measures in the order they were added. Never null. */
	@Transactional(readOnly = true)
	public List<DpiaMeasure> of(Tenant tenant, long dpiaId) {
		return jdbc.sql(SELECT + " where dpia_id = ? and tenant_id = ? order by id")
			.params(dpiaId, tenant.id())
			.query(DpiaMeasure.class)
			.list();
	}

	/**
	 * @throws NotFoundException for a measure of another DPIA or tenant
	 */
	@Transactional(readOnly = true)
	public DpiaMeasure measure(Tenant tenant, long dpiaId, long measureId) {
		return jdbc.sql(SELECT + " where id = ? and dpia_id = ? and tenant_id = ?")
			.params(measureId, dpiaId, tenant.id())
			.query(DpiaMeasure.class)
			.optional()
			.orElseThrow(() -> new NotFoundException(Reason.of("privacy.refused.dpia.measureUnknown")));
	}

	@Transactional
	public long add(Tenant tenant, long dpiaId, MeasureForm form) {
		dpias.requireEditable(tenant, dpiaId);
		long id = jdbc.sql("""
				insert into privacy.dpia_measure (dpia_id, tenant_id, title, description, owner, due_date, status)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(dpiaId, tenant.id(), form.title().strip(), Dpias.blankToNull(form.description()),
					Dpias.blankToNull(form.owner()), form.dueDate(), status(form).name())
			.query(Long.class)
			.single();
		audit.created(tenant.id(), "dpiamaatregel", String.valueOf(id), form.title().strip(),
				List.of(FieldChange.added("dpia", dpiaId), FieldChange.added("titel", form.title().strip())));
		return id;
	}

	/** Saves an edit; refused once the DPIA is validated. */
	@Transactional
	public void update(Tenant tenant, long dpiaId, long measureId, MeasureForm form) {
		DpiaMeasure before = measure(tenant, dpiaId, measureId);
		Dpia dpia = dpias.require(tenant, dpiaId);
		if (dpia.state() == DpiaState.VALIDATED || dpia.state() == DpiaState.SUBMITTED) {
			throw new RefusedStateException(Reason.of("privacy.refused.dpia.state", dpia.title()));
		}
		int rows = jdbc.sql("""
				update privacy.dpia_measure set title = ?, description = ?, owner = ?, due_date = ?, status = ?,
				  version = version + 1
				where id = ? and dpia_id = ? and tenant_id = ? and version = ?""")
			.params(form.title().strip(), Dpias.blankToNull(form.description()), Dpias.blankToNull(form.owner()),
					form.dueDate(), status(form).name(), measureId, dpiaId, tenant.id(), form.version())
			.update();
		if (rows == 0) {
			throw new ConcurrentChangeException(Reason.of("privacy.refused.dpia.measureChanged", before.title()));
		}
		audit.updated(tenant.id(), "dpiamaatregel", String.valueOf(measureId), before.title(),
				Changes.between(before, measure(tenant, dpiaId, measureId), "version"));
	}

	/**
	 * "Opnemen in het meerjarenplan": the measure becomes an action under the action plan
	 * {@code actionPlanCode} of the city's current plan ({@link PlanActions}), and
	 * remembers its code; both in one transaction.
	 * @return the new action's code
	 * @throws ConcurrentChangeException when the measure changed or went into the plan
	 * meanwhile
	 */
	@Transactional
	public String putInPlan(Tenant tenant, long dpiaId, long measureId, String actionPlanCode, int version,
			String actor) {
		DpiaMeasure measure = requireOutsidePlan(tenant, dpiaId, measureId, version);
		PlanActions.Action action = planActions.addAction(tenant, actionPlanCode, measure.title(),
				measure.description(), measure.owner(), measure.dueDate(), actor);
		markInPlan(tenant, dpiaId, measureId, action.code(), version);
		return action.code();
	}

	/**
	 * Remembers the plan action the measure became.
	 * @throws ConcurrentChangeException when the measure changed or was put in the plan
	 * meanwhile
	 */
	@Transactional
	public void markInPlan(Tenant tenant, long dpiaId, long measureId, String planItemCode, int version) {
		DpiaMeasure before = measure(tenant, dpiaId, measureId);
		int rows = jdbc.sql("""
				update privacy.dpia_measure set plan_item_code = ?, version = version + 1
				where id = ? and dpia_id = ? and tenant_id = ? and version = ? and plan_item_code is null""")
			.params(planItemCode, measureId, dpiaId, tenant.id(), version)
			.update();
		if (rows == 0) {
			throw new ConcurrentChangeException(Reason.of("privacy.refused.dpia.measureChanged", before.title()));
		}
		audit.updated(tenant.id(), "dpiamaatregel", String.valueOf(measureId), before.title(),
				List.of(FieldChange.between("meerjarenplan", null, planItemCode)));
	}

	/**
	 * Whether the measure is current and not in the plan yet.
	 * @throws ConcurrentChangeException otherwise
	 */
	DpiaMeasure requireOutsidePlan(Tenant tenant, long dpiaId, long measureId, int version) {
		DpiaMeasure measure = measure(tenant, dpiaId, measureId);
		if (measure.version() != version || measure.inPlan()) {
			throw new ConcurrentChangeException(Reason.of("privacy.refused.dpia.measureChanged", measure.title()));
		}
		return measure;
	}

	private static MeasureStatus status(MeasureForm form) {
		return form.status() == null ? MeasureStatus.PLANNED : form.status();
	}

}
