package be.obmi.pirk.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.pirk.domain.VacancyClass;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates a city's active rules on the latest indication of each kind of every object
 * and keeps what fired ({@code pirk.rule_hit}, with the values that made it fire), the
 * object's suspicion score (the sum of the fired rules' scores, at most 100) and its
 * vacancy class: administratively vacant when a fired rule marks so, else suspected. What
 * staff established after a visit (verified, partly vacant) is never overwritten; a
 * dismissed object becomes suspected again only on indications whose period ends after
 * the last visit. Only what changed is written, so evaluating twice changes nothing.
 */
@Service
public class RuleEvaluation {

	/** What an evaluation did. */
	public record Summary(int objects, int hits, int changedObjects) {
	}

	private record Hit(long objectId, long ruleId, int score, String detail) {
	}

	private record State(VacancyClass vacancyClass, LocalDate vacantSince, int score, int version, String label,
			LocalDate lastVisit) {
	}

	private final JdbcClient jdbc;

	private final Indications indications;

	private final RuleReader rules;

	private final AuditTrail audit;

	RuleEvaluation(JdbcClient jdbc, Indications indications, RuleReader rules, AuditTrail audit) {
		this.jdbc = jdbc;
		this.indications = indications;
		this.rules = rules;
		this.audit = audit;
	}

	/** Evaluates every active rule of the tenant on every object with indications. */
	@Transactional
	public Summary evaluate(Tenant tenant) {
		return evaluate(tenant, null);
	}

	/**
	 * Evaluates every active rule of the tenant on one object only, after a change to its
	 * indications alone (the other objects' outcome cannot change).
	 */
	@Transactional
	public Summary evaluate(Tenant tenant, long objectId) {
		return evaluate(tenant, Long.valueOf(objectId));
	}

	private Summary evaluate(Tenant tenant, Long only) {
		List<Rule> active = rules.of(tenant).stream().filter(Rule::active).toList();
		Map<Long, Rule> byId = active.stream().collect(Collectors.toMap(Rule::id, r -> r));
		Map<Long, Map<IndicationKind, Indication>> latest = new HashMap<>();
		for (Indication i : only == null ? indications.latestPerKind(tenant)
				: indications.latestPerKind(tenant, only)) {
			latest.computeIfAbsent(i.realEstateId(), id -> new EnumMap<>(IndicationKind.class)).put(i.kind(), i);
		}
		Map<Long, List<Hit>> fired = new HashMap<>();
		Map<Long, VacancyClass> marks = new HashMap<>();
		for (Map.Entry<Long, Map<IndicationKind, Indication>> object : latest.entrySet()) {
			for (Rule rule : active) {
				if (rule.fires(object.getValue())) {
					fired.computeIfAbsent(object.getKey(), id -> new ArrayList<>())
						.add(new Hit(object.getKey(), rule.id(), rule.score(), detail(rule, object.getValue())));
					marks.merge(object.getKey(), rule.marks(),
							(a, b) -> a == VacancyClass.ADMINISTRATIVE || b == VacancyClass.ADMINISTRATIVE
									? VacancyClass.ADMINISTRATIVE : VacancyClass.SUSPECTED);
				}
			}
		}
		Map<Long, List<Hit>> before = new HashMap<>();
		jdbc.sql("select real_estate_id, rule_id, score, detail from pirk.rule_hit where tenant_id = ?"
				+ (only == null ? "" : " and real_estate_id = ?"))
			.params(only == null ? List.of(tenant.id()) : List.of(tenant.id(), only))
			.query((rs, n) -> before.computeIfAbsent(rs.getLong("real_estate_id"), id -> new ArrayList<>())
				.add(new Hit(rs.getLong("real_estate_id"), rs.getLong("rule_id"), rs.getInt("score"),
						rs.getString("detail"))))
			.list();
		Set<Long> touched = new HashSet<>(before.keySet());
		touched.addAll(fired.keySet());
		Map<Long, State> states = touched.isEmpty() ? Map.of() : states(tenant, only);
		int changedObjects = 0;
		int hits = 0;
		for (long objectId : touched) {
			List<Hit> now = fired.getOrDefault(objectId, List.of());
			List<Hit> old = before.getOrDefault(objectId, List.of());
			hits += now.size();
			if (!new HashSet<>(now).equals(new HashSet<>(old))) {
				storeHits(tenant, objectId, old, now);
			}
			State state = states.get(objectId);
			if (state != null && updateObject(tenant, objectId, state, !old.isEmpty(), now, marks.get(objectId),
					latest.getOrDefault(objectId, Map.of()), byId)) {
				changedObjects++;
			}
		}
		return new Summary(latest.size(), hits, changedObjects);
	}

	/**
	 * The current class, score and last visit of the objects the rules may touch (those
	 * with indications or hits), in one query.
	 */
	private Map<Long, State> states(Tenant tenant, Long only) {
		Map<Long, State> states = new HashMap<>();
		jdbc.sql(
				"""
						select r.id, r.vacancy_class, r.vacant_since, r.suspicion_score, r.version,
						    coalesce(nullif(concat_ws(' ', r.street, r.house_number), ''), r.capakey, 'object ' || r.id) as label,
						    (select max(v.visited_on) from pirk.screening_visit v
						     where v.tenant_id = r.tenant_id and v.real_estate_id = r.id) as last_visit
						from pirk.real_estate r
						where r.tenant_id = ?
						  and (exists (select 1 from pirk.indication i where i.tenant_id = r.tenant_id and i.real_estate_id = r.id)
						    or exists (select 1 from pirk.rule_hit h where h.tenant_id = r.tenant_id and h.real_estate_id = r.id))"""
						+ (only == null ? "" : " and r.id = ?"))
			.params(only == null ? List.of(tenant.id()) : List.of(tenant.id(), only))
			.query((rs, n) -> states.put(rs.getLong("id"),
					new State(VacancyClass.valueOf(rs.getString("vacancy_class")),
							rs.getObject("vacant_since", LocalDate.class), rs.getInt("suspicion_score"),
							rs.getInt("version"), rs.getString("label"), rs.getObject("last_visit", LocalDate.class))))
			.list();
		return states;
	}

	private void storeHits(Tenant tenant, long objectId, List<Hit> old, List<Hit> now) {
		Set<Long> keep = now.stream().map(Hit::ruleId).collect(Collectors.toSet());
		for (Hit h : old) {
			if (!keep.contains(h.ruleId())) {
				jdbc.sql("delete from pirk.rule_hit where real_estate_id = ? and rule_id = ?")
					.params(objectId, h.ruleId())
					.update();
			}
		}
		Set<Hit> unchanged = new HashSet<>(old);
		for (Hit h : now) {
			if (!unchanged.contains(h)) {
				jdbc.sql(
						"""
								insert into pirk.rule_hit (tenant_id, real_estate_id, rule_id, score, detail) values (?, ?, ?, ?, ?)
								on conflict (real_estate_id, rule_id) do update set score = excluded.score,
								    detail = excluded.detail, evaluated_at = now()""")
					.params(tenant.id(), objectId, h.ruleId(), h.score(), h.detail())
					.update();
			}
		}
	}

	private boolean updateObject(Tenant tenant, long objectId, State state, boolean hadHits, List<Hit> now,
			VacancyClass target, Map<IndicationKind, Indication> latest, Map<Long, Rule> active) {
		int score = Math.min(100, now.stream().mapToInt(Hit::score).sum());
		VacancyClass vacancyClass = state.vacancyClass();
		LocalDate vacantSince = state.vacantSince();
		Set<IndicationKind> used = new HashSet<>();
		for (Hit h : now) {
			active.get(h.ruleId()).conditions().forEach(c -> used.add(c.kind()));
		}
		boolean ruled = vacancyClass == VacancyClass.NONE || vacancyClass == VacancyClass.SUSPECTED
				|| vacancyClass == VacancyClass.ADMINISTRATIVE;
		if (target != null) {
			LocalDate since = since(latest, used);
			if (ruled) {
				VacancyClass next = hadHits || vacancyClass == VacancyClass.NONE ? target
						: (vacancyClass == VacancyClass.ADMINISTRATIVE ? vacancyClass : target);
				if (hadHits || vacantSince == null || vacancyClass == VacancyClass.NONE) {
					vacantSince = since;
				}
				vacancyClass = next;
			}
			else if (vacancyClass == VacancyClass.DISMISSED && newerThan(latest, used, state.lastVisit())) {
				vacancyClass = target;
				vacantSince = since;
			}
		}
		else if (hadHits && ruled && vacancyClass != VacancyClass.NONE) {
			vacancyClass = VacancyClass.NONE;
			vacantSince = null;
		}
		if (vacancyClass == state.vacancyClass() && Objects.equals(vacantSince, state.vacantSince())
				&& score == state.score()) {
			return false;
		}
		jdbc.sql(
				"""
						update pirk.real_estate set vacancy_class = ?, vacant_since = ?, suspicion_score = ?, updated_at = now(),
						    version = version + 1
						where tenant_id = ? and id = ?""")
			.params(vacancyClass.name(), vacantSince, score, tenant.id(), objectId)
			.update();
		if (vacancyClass != state.vacancyClass()) {
			audit.updated(tenant.id(), "pirk-object", String.valueOf(objectId), state.label(),
					AuditFields.of(
							FieldChange.between("leegstandsklasse", state.vacancyClass().name(), vacancyClass.name()),
							FieldChange.between("vermoedensscore", state.score(), score)));
		}
		return true;
	}

	/**
	 * The first day of the vacancy the indications point at: for months without a
	 * resident the end of that period minus those months, else the earliest start of the
	 * indications the fired rules used.
	 */
	static LocalDate since(Map<IndicationKind, Indication> latest, Set<IndicationKind> used) {
		Indication noResident = latest.get(IndicationKind.NO_RESIDENT);
		if (used.contains(IndicationKind.NO_RESIDENT) && noResident != null) {
			return noResident.value() == null ? noResident.periodFrom()
					: noResident.periodTo().minusMonths(noResident.value().intValue());
		}
		return used.stream()
			.map(latest::get)
			.filter(Objects::nonNull)
			.map(Indication::periodFrom)
			.min(LocalDate::compareTo)
			.orElse(null);
	}

	private static boolean newerThan(Map<IndicationKind, Indication> latest, Set<IndicationKind> used,
			LocalDate visit) {
		return visit == null
				|| used.stream().map(latest::get).filter(Objects::nonNull).anyMatch(i -> i.periodTo().isAfter(visit));
	}

	/** The values of the kinds a rule looks at, e.g. {@code NO_RESIDENT=14|WATER=3.5}. */
	static String detail(Rule rule, Map<IndicationKind, Indication> latest) {
		return rule.conditions()
			.stream()
			.map(Rule.Condition::kind)
			.distinct()
			.filter(latest::containsKey)
			.map(k -> k.name() + "="
					+ (latest.get(k).value() == null ? "" : latest.get(k).value().stripTrailingZeros().toPlainString()))
			.collect(Collectors.joining("|"));
	}

}
