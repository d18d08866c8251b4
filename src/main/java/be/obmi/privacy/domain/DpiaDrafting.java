package be.obmi.privacy.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a DPIA is written with beside its own row: the pre-screening's answer per WP248
 * criterion ({@code privacy.dpia_criterion}) and the typical risks and measures copied
 * from its model at the start, in the user's language. Called by {@link Dpias} within its
 * transactions, after its checks.
 */
@Component
class DpiaDrafting {

	private final JdbcClient jdbc;

	DpiaDrafting(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The pre-screening's answers, one per WP248 criterion (unanswered: not met). */
	List<ScreeningAnswer> answers(Tenant tenant, long id) {
		Map<Wp248Criterion, ScreeningAnswer> answers = new EnumMap<>(Wp248Criterion.class);
		for (Wp248Criterion c : Wp248Criterion.values()) {
			answers.put(c, new ScreeningAnswer(c, false, null));
		}
		jdbc.sql("select criterion, met, note from privacy.dpia_criterion where dpia_id = ? and tenant_id = ?")
			.params(id, tenant.id())
			.query((rs, n) -> new ScreeningAnswer(Wp248Criterion.valueOf(rs.getString(1)), rs.getBoolean(2),
					rs.getString(3)))
			.list()
			.forEach(a -> answers.put(a.criterion(), a));
		return new ArrayList<>(answers.values());
	}

	void answer(Tenant tenant, long id, ScreeningAnswer a) {
		jdbc.sql("insert into privacy.dpia_criterion (dpia_id, tenant_id, criterion, met, note) values (?, ?, ?, ?, ?)")
			.params(id, tenant.id(), a.criterion().name(), a.met(), Dpias.blankToNull(a.note()))
			.update();
	}

	/** The model's risks and measures as the DPIA's own. */
	void copyModel(Tenant tenant, long id, DpiaModel model, Locale locale) {
		for (DpiaModel.Risk r : model.risks()) {
			jdbc.sql(
					"""
							insert into privacy.dpia_risk (dpia_id, tenant_id, kind, title, sources, impacts, likelihood, severity,
							  residual_likelihood, residual_severity) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, tenant.id(), r.kind().name(), DpiaModel.text(r.title(), locale),
						DpiaModel.text(r.sources(), locale), DpiaModel.text(r.impacts(), locale), r.likelihood(),
						r.severity(), r.residualLikelihood(), r.residualSeverity())
				.update();
		}
		for (DpiaModel.Measure m : model.measures()) {
			jdbc.sql("insert into privacy.dpia_measure (dpia_id, tenant_id, title, description) values (?, ?, ?, ?)")
				.params(id, tenant.id(), DpiaModel.text(m.title(), locale), DpiaModel.text(m.description(), locale))
				.update();
		}
	}

}
