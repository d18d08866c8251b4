package be.obmi.pirk.screening;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.domain.RealEstates;
import be.obmi.pirk.domain.VacancyClass;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The screening queue of a city (objects suspected or administratively vacant, highest
 * suspicion first, with the rules that fired and the duration in months) and the visits
 * after which staff confirm (verified vacancy), find partly vacant, or dismiss a
 * suspicion.
 */
@Service
public class Screening {

	/** A rule that fired on an object, with the values that made it fire. */
	public record FiredRule(long ruleId, String name, String text, int score, VacancyClass marks, List<Value> values) {
	}

	/** The latest value of an indication kind that a rule looked at. */
	public record Value(IndicationKind kind, String value) {
	}

	/** A line of the queue. */
	public record Candidate(long id, String address, String capakey, String function, String wijk,
			VacancyClass vacancyClass, int score, LocalDate vacantSince, Long months, List<FiredRule> rules,
			LocalDate lastVisit) {
	}

	private final JdbcClient jdbc;

	private final RealEstates objects;

	private final AuditTrail audit;

	private final RuleReader rules;

	Screening(JdbcClient jdbc, RealEstates objects, AuditTrail audit, RuleReader rules) {
		this.jdbc = jdbc;
		this.objects = objects;
		this.audit = audit;
		this.rules = rules;
	}

	/** Whole months from the first day of vacancy to {@code today}; null when unknown. */
	public static Long months(LocalDate vacantSince, LocalDate today) {
		return vacantSince == null ? null : Math.max(0, ChronoUnit.MONTHS.between(vacantSince, today));
	}

	/**
	 * The objects to screen: suspected or administratively vacant (or only {@code only}
	 * when given), highest score first, then longest vacant.
	 */
	public List<Candidate> queue(Tenant tenant, VacancyClass only, LocalDate today, int limit) {
		List<String> classes = only != null ? List.of(only.name())
				: List.of(VacancyClass.SUSPECTED.name(), VacancyClass.ADMINISTRATIVE.name());
		List<Candidate> rows = jdbc
			.sql("""
					select r.id, concat_ws(' ', r.street, r.house_number, case when r.box_number is not null then 'bus '
					    || r.box_number end) as address, r.capakey, r.function, r.wijk_code, r.vacancy_class, r.suspicion_score,
					    r.vacant_since, (select max(v.visited_on) from pirk.screening_visit v
					    where v.tenant_id = r.tenant_id and v.real_estate_id = r.id) as last_visit
					from pirk.real_estate r where r.tenant_id = :tenant and r.vacancy_class in (:classes)
					order by r.suspicion_score desc, r.vacant_since nulls last, r.id limit :limit""")
			.param("tenant", tenant.id())
			.param("classes", classes)
			.param("limit", limit)
			.query((rs, n) -> new Candidate(rs.getLong("id"), rs.getString("address"), rs.getString("capakey"),
					rs.getString("function"), rs.getString("wijk_code"),
					VacancyClass.valueOf(rs.getString("vacancy_class")), rs.getInt("suspicion_score"),
					rs.getObject("vacant_since", LocalDate.class),
					months(rs.getObject("vacant_since", LocalDate.class), today), List.of(),
					rs.getObject("last_visit", LocalDate.class)))
			.list();
		Map<Long, List<FiredRule>> fired = fired(tenant, rows.stream().map(Candidate::id).toList());
		return rows.stream()
			.map(c -> new Candidate(c.id(), c.address(), c.capakey(), c.function(), c.wijk(), c.vacancyClass(),
					c.score(), c.vacantSince(), c.months(), fired.getOrDefault(c.id(), List.of()), c.lastVisit()))
			.toList();
	}

	/** The rules that fired on the object at the last evaluation, highest score first. */
	public List<FiredRule> fired(Tenant tenant, long objectId) {
		return fired(tenant, List.of(objectId)).getOrDefault(objectId, List.of());
	}

	/** The fired rules of several objects, by object id, with one query for the hits. */
	private Map<Long, List<FiredRule>> fired(Tenant tenant, List<Long> objectIds) {
		Map<Long, List<FiredRule>> fired = new HashMap<>();
		if (objectIds.isEmpty()) {
			return fired;
		}
		record Row(long objectId, long ruleId, int score, String detail) {
		}
		List<Row> hits = jdbc.sql("""
				select h.real_estate_id, h.rule_id, h.score, h.detail from pirk.rule_hit h
				where h.tenant_id = :tenant and h.real_estate_id in (:objects) order by h.score desc, h.rule_id""")
			.param("tenant", tenant.id())
			.param("objects", objectIds)
			.query((rs, n) -> new Row(rs.getLong("real_estate_id"), rs.getLong("rule_id"), rs.getInt("score"),
					rs.getString("detail")))
			.list();
		if (hits.isEmpty()) {
			return fired;
		}
		Map<Long, Rule> rules = this.rules.of(tenant).stream().collect(Collectors.toMap(Rule::id, r -> r));
		for (Row hit : hits) {
			Rule rule = rules.get(hit.ruleId());
			if (rule != null) {
				fired.computeIfAbsent(hit.objectId(), id -> new ArrayList<>())
					.add(new FiredRule(rule.id(), rule.name(), Rules.text(rule.combinator().name(), rule.conditions()),
							hit.score(), rule.marks(), values(hit.detail())));
			}
		}
		return fired;
	}

	static List<Value> values(String detail) {
		if (detail == null || detail.isBlank()) {
			return List.of();
		}
		return Arrays.stream(detail.split("\\|")).map(part -> {
			int eq = part.indexOf('=');
			return new Value(IndicationKind.valueOf(part.substring(0, eq)), part.substring(eq + 1));
		}).toList();
	}

	/** The object's visits, latest first. */
	public List<Visit> visits(Tenant tenant, long objectId) {
		return jdbc
			.sql("""
					select id, real_estate_id, visited_on, visitor, outcome, vacant_share, note, class_before, class_after,
					    recorded_by, recorded_at
					from pirk.screening_visit where tenant_id = ? and real_estate_id = ? order by visited_on desc, id desc""")
			.params(tenant.id(), objectId)
			.query((rs, n) -> new Visit(rs.getLong("id"), rs.getLong("real_estate_id"),
					rs.getObject("visited_on", LocalDate.class), rs.getString("visitor"), rs.getString("outcome"),
					(Integer) rs.getObject("vacant_share"), rs.getString("note"),
					VacancyClass.valueOf(rs.getString("class_before")),
					VacancyClass.valueOf(rs.getString("class_after")), rs.getString("recorded_by"),
					rs.getObject("recorded_at", OffsetDateTime.class)))
			.list();
	}

	/**
	 * Records a visit and moves the object: confirmed to verified vacancy (the first day
	 * of vacancy kept, else the visit's day), partly vacant to its own class, dismissed
	 * to in use (no first day of vacancy). The suspicion score stays: it is what the
	 * indications say.
	 * @throws NotFoundException for another tenant's or an unknown object
	 * @throws ConcurrentChangeException when the object changed since the form was loaded
	 */
	@Transactional
	public Visit recordVisit(Tenant tenant, long objectId, VisitForm form, String actor) {
		RealEstate object = objects.find(tenant, objectId)
			.orElseThrow(() -> new NotFoundException(Reason.of("pirk.refused.objectUnknown", objectId)));
		VacancyClass after = switch (form.outcome()) {
			case "CONFIRMED" -> VacancyClass.VERIFIED;
			case "PARTLY_VACANT" -> VacancyClass.PARTLY_VACANT;
			default -> VacancyClass.DISMISSED;
		};
		LocalDate vacantSince = after == VacancyClass.DISMISSED ? null
				: object.vacantSince() != null ? object.vacantSince() : form.visitedOn();
		int changed = jdbc
			.sql("""
					update pirk.real_estate set vacancy_class = ?, vacant_since = ?, updated_at = now(), version = version + 1
					where tenant_id = ? and id = ? and version = ?""")
			.params(after.name(), vacantSince, tenant.id(), objectId, form.version())
			.update();
		if (changed == 0) {
			throw new ConcurrentChangeException(Reason.of("pirk.refused.stale"));
		}
		Integer share = after == VacancyClass.PARTLY_VACANT ? form.vacantShare() : null;
		long id = jdbc.sql("""
				insert into pirk.screening_visit (tenant_id, real_estate_id, visited_on, visitor, outcome, vacant_share,
				    note, class_before, class_after, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(tenant.id(), objectId, form.visitedOn(), form.visitor().strip(), form.outcome(), share,
					form.note() == null || form.note().isBlank() ? null : form.note().strip(),
					object.vacancyClass().name(), after.name(), actor)
			.query(Long.class)
			.single();
		audit.updated(tenant.id(), "pirk-object", String.valueOf(objectId), object.address().line(), AuditFields.of(
				FieldChange.between("leegstandsklasse", object.vacancyClass().name(), after.name()),
				FieldChange.added("bezoek", form.visitedOn() + " " + form.visitor().strip() + ": " + form.outcome())));
		return visits(tenant, objectId).stream().filter(v -> v.id() == id).findFirst().orElseThrow();
	}

}
