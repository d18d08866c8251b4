package be.obmi.rights.compare;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import be.obmi.rights.catalogue.CityParameters;
import be.obmi.rights.catalogue.Publication;
import be.obmi.rights.catalogue.RightEntry;
import be.obmi.rights.catalogue.Rights;
import be.obmi.rights.domain.Condition;
import be.obmi.rights.domain.EligibilityRule;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The same kind of right across cities, for the Kenniscentrum: the cities' own rights
 * grouped by the LPDC concept their instance follows (or, without one, by their code),
 * and each shared right with every city's top-up; per city the thresholds of the rule in
 * force on the day (its parameters with the city's values, income ceilings, age limits)
 * side by side. Published rights only; nothing here names a person.
 */
@Service
public class RightsComparison {

	/**
	 * The prefix of a threshold that is no parameter but a condition's literal (a message
	 * code of its column name).
	 */
	public static final String COLUMN = "rights.compare.column.";

	private final JdbcClient jdbc;

	private final Rights rights;

	private final Publication publication;

	private final CityParameters parameters;

	private final Tenants tenants;

	RightsComparison(JdbcClient jdbc, Rights rights, Publication publication, CityParameters parameters,
			Tenants tenants) {
		this.jdbc = jdbc;
		this.rights = rights;
		this.publication = publication;
		this.parameters = parameters;
		this.tenants = tenants;
	}

	/** One city's version of the right, with its thresholds by name. */
	public record Line(String city, String slug, String title, Map<String, BigDecimal> thresholds, boolean topUp,
			boolean decisionTable, String legalUrl) {

	}

	/**
	 * A kind of right and every city's version of it.
	 *
	 * @param key the LPDC concept, {@code code:} and the code, or {@code shared:} and the
	 * code
	 * @param columns the names of the thresholds, in order
	 */
	public record Group(String key, String title, boolean shared, List<String> columns, List<Line> lines) {

	}

	/** The groups with at least one published version, by title. */
	public List<Group> groups(LocalDate day) {
		Map<Long, Tenant> cities = new LinkedHashMap<>();
		tenants.all().forEach(tenant -> cities.put(tenant.id(), tenant));
		Map<String, List<Line>> lines = new TreeMap<>();
		Map<String, String> titles = new LinkedHashMap<>();
		record Own(long id, long tenantId, String lpdcConcept, String code) {
		}
		List<Own> own = jdbc.sql("""
				select id, tenant_id, lpdc_concept, code from rights.right_entry
				where tenant_id is not null and state = 'PUBLISHED' order by id""").query(Own.class).list();
		for (Own entry : own) {
			Tenant city = cities.get(entry.tenantId());
			RightEntry right = rights.find(entry.id()).orElseThrow();
			String key = entry.lpdcConcept() != null ? entry.lpdcConcept() : "code:" + entry.code();
			titles.putIfAbsent(key, right.title());
			line(right, city, Map.of(), false, day)
				.ifPresent(line -> lines.computeIfAbsent(key, k -> new ArrayList<>()).add(line));
		}
		for (RightEntry right : rights.shared()) {
			if (!right.published()) {
				continue;
			}
			String key = "shared:" + right.code();
			titles.putIfAbsent(key, right.title());
			for (Tenant city : cities.values()) {
				Map<String, BigDecimal> topUp = parameters.of(city.id(), right.id());
				line(right, city, topUp, !topUp.isEmpty(), day)
					.ifPresent(line -> lines.computeIfAbsent(key, k -> new ArrayList<>()).add(line));
			}
		}
		List<Group> groups = new ArrayList<>();
		lines.forEach((key, found) -> {
			TreeSet<String> columns = new TreeSet<>();
			found.forEach(line -> columns.addAll(line.thresholds().keySet()));
			found.sort((a, b) -> a.city().compareTo(b.city()));
			groups.add(new Group(key, titles.get(key), key.startsWith("shared:"), List.copyOf(columns),
					List.copyOf(found)));
		});
		groups.sort((a, b) -> a.title().compareToIgnoreCase(b.title()));
		return groups;
	}

	private Optional<Line> line(RightEntry right, Tenant city, Map<String, BigDecimal> topUp, boolean toppedUp,
			LocalDate day) {
		Optional<EligibilityRule> rule = publication.rule(right.id(), null)
			.stream()
			.filter(version -> version.appliesOn(day))
			.findFirst();
		if (rule.isEmpty() || city == null) {
			return Optional.empty();
		}
		Map<String, BigDecimal> values = new TreeMap<>(rule.get().parameters());
		values.putAll(topUp);
		Map<String, BigDecimal> thresholds = new TreeMap<>(values);
		for (Condition condition : rule.get().all()) {
			if (condition instanceof Condition.IncomeAtMost income && income.ceiling().literal() != null) {
				thresholds.put(income.equivalised() ? COLUMN + "incomeCeilingEquivalised" : COLUMN + "incomeCeiling",
						income.ceiling().literal());
			}
			if (condition instanceof Condition.AgeBetween age) {
				if (age.min() != null) {
					thresholds.put(COLUMN + "ageMin", BigDecimal.valueOf(age.min()));
				}
				if (age.max() != null) {
					thresholds.put(COLUMN + "ageMax", BigDecimal.valueOf(age.max()));
				}
			}
		}
		return Optional.of(new Line(city.name(), city.slug(), right.title(), thresholds, toppedUp,
				rule.get().decision() != null, right.legalUrl()));
	}

}
