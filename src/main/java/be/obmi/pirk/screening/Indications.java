package be.obmi.pirk.screening;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indications of a city's objects: stored once per object, kind, period and source
 * (the same delivery again changes nothing, a new value replaces the old one), listed per
 * object and as the latest per kind, on which the rules are evaluated.
 */
@Service
public class Indications {

	/** What storing an indication did. */
	public enum Outcome {

		CREATED, UPDATED, UNCHANGED

	}

	static final String COLUMNS = """
			id, real_estate_id, kind, period_from, period_to, value, source, note, import_id, recorded_by, recorded_at,
			demo""";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	Indications(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * Stores an indication entered by hand and records it in the audit trail.
	 * @throws IllegalArgumentException when the period ends before it starts
	 */
	@Transactional
	public Outcome enter(Tenant tenant, IndicationDraft draft, String actor) {
		boolean known = jdbc.sql("select count(*) > 0 from pirk.real_estate where tenant_id = ? and id = ?")
			.params(tenant.id(), draft.realEstateId())
			.query(Boolean.class)
			.single();
		if (!known) {
			throw new RefusedValueException(Reason.of("pirk.refused.objectUnknown", draft.realEstateId()));
		}
		Outcome outcome = store(tenant, draft, null, actor);
		if (outcome != Outcome.UNCHANGED) {
			audit.created(tenant.id(), "pirk-indicatie", String.valueOf(draft.realEstateId()),
					draft.kind().code() + " " + draft.periodFrom() + "–" + draft.periodTo(),
					AuditFields.of(FieldChange.between("soort", null, draft.kind().code()),
							FieldChange.between("waarde", null,
									draft.value() == null ? "" : draft.value().toPlainString()),
							FieldChange.between("bron", null, draft.source())));
		}
		return outcome;
	}

	/**
	 * Stores an indication (in the caller's transaction); the caller records the audit
	 * event (an import records one per file).
	 */
	@Transactional
	public Outcome store(Tenant tenant, IndicationDraft draft, Long importId, String actor) {
		if (draft.periodTo().isBefore(draft.periodFrom())) {
			throw new IllegalArgumentException("period ends before it starts");
		}
		Optional<Indication> existing = jdbc.sql("select " + COLUMNS + " "
				+ """
						 from pirk.indication
						where tenant_id = ? and real_estate_id = ? and kind = ? and period_from = ? and period_to = ? and source = ?""")
			.params(tenant.id(), draft.realEstateId(), draft.kind().name(), draft.periodFrom(), draft.periodTo(),
					draft.source())
			.query(Indications::row)
			.optional();
		if (existing.isEmpty()) {
			jdbc.sql("""
					insert into pirk.indication (tenant_id, real_estate_id, kind, period_from, period_to, value, source,
					    note, import_id, recorded_by, demo)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(tenant.id(), draft.realEstateId(), draft.kind().name(), draft.periodFrom(), draft.periodTo(),
						draft.value(), draft.source(), draft.note(), importId, actor, draft.demo())
				.update();
			return Outcome.CREATED;
		}
		Indication old = existing.get();
		if (same(old.value(), draft.value()) && Objects.equals(old.note(), draft.note())) {
			return Outcome.UNCHANGED;
		}
		jdbc.sql("""
				update pirk.indication set value = ?, note = ?, import_id = coalesce(?, import_id), recorded_by = ?,
				    recorded_at = now()
				where id = ?""").params(draft.value(), draft.note(), importId, actor, old.id()).update();
		return Outcome.UPDATED;
	}

	private static boolean same(BigDecimal a, BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}

	/** The object's indications, latest period first. */
	public List<Indication> of(Tenant tenant, long realEstateId) {
		return jdbc.sql("select " + COLUMNS + " " + """
				 from pirk.indication where tenant_id = ? and real_estate_id = ?
				order by period_to desc, kind, id""").params(tenant.id(), realEstateId).query(Indications::row).list();
	}

	/** The tenant's most recently recorded indications. */
	public List<Indication> recent(Tenant tenant, int limit) {
		return jdbc.sql("select " + COLUMNS + " " + """
				from pirk.indication where tenant_id = ? order by recorded_at desc, id desc limit ?""")
			.params(tenant.id(), limit)
			.query(Indications::row)
			.list();
	}

	/**
	 * The latest indication of each kind per object (by end of period, then by the last
	 * recorded), for the objects that have any; the input of the rules.
	 */
	public List<Indication> latestPerKind(Tenant tenant) {
		return jdbc.sql("select distinct on (real_estate_id, kind) " + COLUMNS + " " + """
				 from pirk.indication where tenant_id = ?
				order by real_estate_id, kind, period_to desc, recorded_at desc, id desc""")
			.param(tenant.id())
			.query(Indications::row)
			.list();
	}

	/** The latest indication of each kind of one object. */
	public List<Indication> latestPerKind(Tenant tenant, long realEstateId) {
		return jdbc.sql("select distinct on (kind) " + COLUMNS + " " + """
				 from pirk.indication where tenant_id = ? and real_estate_id = ?
				order by kind, period_to desc, recorded_at desc, id desc""")
			.params(tenant.id(), realEstateId)
			.query(Indications::row)
			.list();
	}

	static Indication row(ResultSet rs, int n) throws SQLException {
		return new Indication(rs.getLong("id"), rs.getLong("real_estate_id"),
				IndicationKind.valueOf(rs.getString("kind")), rs.getObject("period_from", LocalDate.class),
				rs.getObject("period_to", LocalDate.class), rs.getBigDecimal("value"), rs.getString("source"),
				rs.getString("note"), (Long) rs.getObject("import_id"), rs.getString("recorded_by"),
				rs.getObject("recorded_at", OffsetDateTime.class), rs.getBoolean("demo"));
	}

}
