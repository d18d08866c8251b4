package be.obmi.privacy.domain;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;
import be.obmi.stats.TenantFigures;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly GDPR maturity self-assessment of a city: one answer set per year (a unique
 * key on tenant and year), editable until the DPO closes it, and its index 0–100 per
 * year.
 */
@Service
public class Maturity {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final TenantFigures figures;

	Maturity(JdbcClient jdbc, AuditTrail audit, TenantFigures figures) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.figures = figures;
	}

	/** The indicator code of the index among the city's own statistics. */
	public static final String INDICATOR = "privacy-maturiteit";

	/**
	 * Stores a closed year's index as the city's figure {@value #INDICATOR} for that year
	 * (module stats, {@link TenantFigures}); call it after {@link #close} committed.
	 * @return whether it was stored
	 */
	public boolean publishIndex(Tenant tenant, int year, String actor) {
		return of(tenant, year).filter(MaturityAssessment::closed)
			.map(a -> figures.publish(tenant, INDICATOR, year, a.index(), actor))
			.orElse(false);
	}

	private record Row(long id, int year, OffsetDateTime closedAt, String closedBy, int version) {
	}

	/** The tenant's assessments, latest year first. Never null. */
	@Transactional(readOnly = true)
	public List<MaturityAssessment> history(Tenant tenant) {
		return jdbc.sql("""
				select id, year, closed_at, closed_by, version from privacy.maturity_assessment
				where tenant_id = ? order by year desc""")
			.param(tenant.id())
			.query(Row.class)
			.list()
			.stream()
			.map(row -> assessment(tenant, row))
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<MaturityAssessment> of(Tenant tenant, int year) {
		return jdbc.sql("""
				select id, year, closed_at, closed_by, version from privacy.maturity_assessment
				where tenant_id = ? and year = ?""")
			.params(tenant.id(), year)
			.query(Row.class)
			.optional()
			.map(row -> assessment(tenant, row));
	}

	/**
	 * Saves the answers of a year: the year's set is made when it has none (one per year;
	 * a second start of the same year saves into the same set). {@code version} is the
	 * version the user saw (ignored for a new set). Returns the set with its index.
	 * @throws RefusedValueException for a year outside 2000–2100 or a score outside 0–4
	 * @throws RefusedStateException when the DPO closed the year
	 * @throws ConcurrentChangeException when someone saved the year meanwhile
	 */
	@Transactional
	public MaturityAssessment save(Tenant tenant, int year, Map<MaturityQuestion, Integer> scores, int version,
			String actor) {
		if (year < 2000 || year > 2100) {
			throw new RefusedValueException(Reason.of("privacy.refused.maturity.year", year));
		}
		if (scores.values().stream().anyMatch(s -> s == null || s < 0 || s > MaturityQuestion.MAX_SCORE)) {
			throw new RefusedValueException(Reason.of("privacy.refused.maturity.score"));
		}
		jdbc.sql(
				"insert into privacy.maturity_assessment (tenant_id, year) values (?, ?) on conflict (tenant_id, year) do nothing")
			.params(tenant.id(), year)
			.update();
		MaturityAssessment before = of(tenant, year).orElseThrow();
		if (before.closed()) {
			throw new RefusedStateException(Reason.of("privacy.refused.maturity.closed", year));
		}
		int rows = jdbc.sql("""
				update privacy.maturity_assessment set version = version + 1
				where id = ? and tenant_id = ? and version = ?""").params(before.id(), tenant.id(), version).update();
		if (rows == 0) {
			throw new ConcurrentChangeException(Reason.of("privacy.refused.maturity.changed", year));
		}
		jdbc.sql("delete from privacy.maturity_answer where assessment_id = ? and tenant_id = ?")
			.params(before.id(), tenant.id())
			.update();
		scores.forEach((question, score) -> jdbc
			.sql("insert into privacy.maturity_answer (assessment_id, tenant_id, question, score) values (?, ?, ?, ?)")
			.params(before.id(), tenant.id(), question.name(), score)
			.update());
		MaturityAssessment after = of(tenant, year).orElseThrow();
		audit.updated(tenant.id(), "maturiteit", String.valueOf(after.id()), String.valueOf(year),
				List.of(FieldChange.between("index", before.index(), after.index()),
						FieldChange.between("antwoorden", before.answered(), after.answered())));
		return after;
	}

	/**
	 * The DPO closes the year: its answers no longer change. The caller checks that the
	 * user is the tenant's DPO.
	 */
	@Transactional
	public MaturityAssessment close(Tenant tenant, int year, int version, String dpo) {
		MaturityAssessment before = of(tenant, year)
			.orElseThrow(() -> new RefusedStateException(Reason.of("privacy.refused.maturity.none", year)));
		if (before.closed()) {
			throw new RefusedStateException(Reason.of("privacy.refused.maturity.closed", year));
		}
		int rows = jdbc.sql("""
				update privacy.maturity_assessment set closed_at = now(), closed_by = ?, version = version + 1
				where id = ? and tenant_id = ? and version = ?""")
			.params(dpo, before.id(), tenant.id(), version)
			.update();
		if (rows == 0) {
			throw new ConcurrentChangeException(Reason.of("privacy.refused.maturity.changed", year));
		}
		audit.updated(tenant.id(), "maturiteit", String.valueOf(before.id()), String.valueOf(year),
				List.of(FieldChange.between("afgesloten", false, true)));
		return of(tenant, year).orElseThrow();
	}

	private MaturityAssessment assessment(Tenant tenant, Row row) {
		Map<MaturityQuestion, Integer> scores = new EnumMap<>(MaturityQuestion.class);
		jdbc.sql("select question, score from privacy.maturity_answer where assessment_id = ? and tenant_id = ?")
			.params(row.id(), tenant.id())
			.query((rs, n) -> Map.entry(MaturityQuestion.valueOf(rs.getString(1)), rs.getInt(2)))
			.list()
			.forEach(e -> scores.put(e.getKey(), e.getValue()));
		return new MaturityAssessment(row.id(), row.year(), row.closedAt(), row.closedBy(), row.version(), scores);
	}

}
