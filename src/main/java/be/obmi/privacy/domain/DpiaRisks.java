package be.obmi.privacy.domain;

import java.util.List;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.Changes;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risks of a DPIA, added and changed while it is editable. Bound to the tenant; a
 * stale save is a {@link ConcurrentChangeException}.
 */
@Service
public class DpiaRisks {

	private static final String SELECT = """
			select id, dpia_id, kind, title, sources, impacts, likelihood, severity, residual_likelihood, residual_severity,
			       version from privacy.dpia_risk """;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Dpias dpias;

	DpiaRisks(JdbcClient jdbc, AuditTrail audit, Dpias dpias) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.dpias = dpias;
	}

	/** The DPIA's risks in the order they were added. Never null. */
	@Transactional(readOnly = true)
	public List<DpiaRisk> of(Tenant tenant, long dpiaId) {
		return jdbc.sql(SELECT + " where dpia_id = ? and tenant_id = ? order by id")
			.params(dpiaId, tenant.id())
			.query(DpiaRisk.class)
			.list();
	}

	/**
	 * @throws RefusedValueException for an own risk without a title
	 */
	@Transactional
	public long add(Tenant tenant, long dpiaId, RiskForm form) {
		dpias.requireEditable(tenant, dpiaId);
		check(form);
		long id = jdbc.sql("""
				insert into privacy.dpia_risk (dpia_id, tenant_id, kind, title, sources, impacts, likelihood, severity,
				  residual_likelihood, residual_severity) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(dpiaId, tenant.id(), form.kind().name(), Dpias.blankToNull(form.title()),
					Dpias.blankToNull(form.sources()), Dpias.blankToNull(form.impacts()), form.likelihood(),
					form.severity(), form.residualLikelihood(), form.residualSeverity())
			.query(Long.class)
			.single();
		audit.created(tenant.id(), "dpiarisico", String.valueOf(id), label(form.kind(), form.title()),
				List.of(FieldChange.added("dpia", dpiaId), FieldChange.added("kans", form.likelihood()),
						FieldChange.added("ernst", form.severity())));
		return id;
	}

	@Transactional
	public void update(Tenant tenant, long dpiaId, long riskId, RiskForm form) {
		DpiaRisk before = risk(tenant, dpiaId, riskId);
		dpias.requireEditable(tenant, dpiaId);
		check(form);
		int rows = jdbc
			.sql("""
					update privacy.dpia_risk set kind = ?, title = ?, sources = ?, impacts = ?, likelihood = ?, severity = ?,
					  residual_likelihood = ?, residual_severity = ?, version = version + 1
					where id = ? and dpia_id = ? and tenant_id = ? and version = ?""")
			.params(form.kind().name(), Dpias.blankToNull(form.title()), Dpias.blankToNull(form.sources()),
					Dpias.blankToNull(form.impacts()), form.likelihood(), form.severity(), form.residualLikelihood(),
					form.residualSeverity(), riskId, dpiaId, tenant.id(), form.version())
			.update();
		if (rows == 0) {
			throw new ConcurrentChangeException(Reason.of("privacy.refused.dpia.riskChanged"));
		}
		audit.updated(tenant.id(), "dpiarisico", String.valueOf(riskId), label(form.kind(), form.title()),
				Changes.between(before, risk(tenant, dpiaId, riskId), "version"));
	}

	@Transactional
	public void delete(Tenant tenant, long dpiaId, long riskId) {
		DpiaRisk before = risk(tenant, dpiaId, riskId);
		dpias.requireEditable(tenant, dpiaId);
		jdbc.sql("delete from privacy.dpia_risk where id = ? and dpia_id = ? and tenant_id = ?")
			.params(riskId, dpiaId, tenant.id())
			.update();
		audit.deleted(tenant.id(), "dpiarisico", String.valueOf(riskId), label(before.kind(), before.title()),
				List.of(FieldChange.removed("dpia", dpiaId)));
	}

	private DpiaRisk risk(Tenant tenant, long dpiaId, long riskId) {
		return jdbc.sql(SELECT + " where id = ? and dpia_id = ? and tenant_id = ?")
			.params(riskId, dpiaId, tenant.id())
			.query(DpiaRisk.class)
			.optional()
			.orElseThrow(() -> new NotFoundException(Reason.of("privacy.refused.dpia.riskUnknown")));
	}

	private static void check(RiskForm form) {
		if (form.kind() == RiskKind.OTHER && Dpias.blankToNull(form.title()) == null) {
			throw new RefusedValueException(Reason.of("privacy.refused.dpia.riskTitleRequired"));
		}
	}

	private static String label(RiskKind kind, String title) {
		return title == null || title.isBlank() ? kind.name() : title;
	}

}
