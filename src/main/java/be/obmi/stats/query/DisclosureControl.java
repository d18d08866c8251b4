package be.obmi.stats.query;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Areas;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Disclosure control of a count indicator as a property of its published data, not of one
 * view. For one scope and period, every cell the public can see or derive is considered
 * at once: every area of every level (sector, wijk, deelgemeente, gemeente, provincie,
 * gewest), every member of the tenant's area sets, every breakdown, and the centrumsteden
 * figure. Primary: a value above 0 and below the indicator's threshold. Secondary, until
 * nothing changes: in every additive group — a published total and its parts (an area and
 * its children, a gemeente and its wijken, an area-set member and its areas, a city and
 * its area-set members, a cell's total and its categories of one breakdown dimension, the
 * centrumsteden figure and the 13 cities) — the suppressed cells number 0 or at least 2,
 * so no suppressed cell follows by difference, and add up to at least the threshold, so
 * no suppressed cell is bounded below it (interval disclosure); the smallest other part
 * (or the total) is added. A ratio, share or average that has a suppressed count as
 * numerator, denominator or input is itself suppressed by its readers
 * ({@link StatsQueries}). The decisions are stored ({@code stats.disclosure_decision})
 * and kept in memory ({@link StoredDecisions}); an import, its undo or an area-set upload
 * removes that scope's decisions (all of them for platform data) in the same transaction,
 * a changed threshold, aggregation, city, centrumsteden list or area tree changes their
 * fingerprint, and every other change (a publication) keeps them.
 * <p>
 * Over 300 lines because disclosure control is one algorithm (primary, secondary and
 * interval suppression over every published relation, with its stored decisions); keeping
 * it in one place keeps it reviewable against docs/security.md.
 */
@Component
public class DisclosureControl {

	/**
	 * The virtual total of the centrumsteden (their sum, from which their mean follows):
	 * published, never hidden.
	 */
	static final String CENTRUMSTEDEN = "c:centrumsteden";

	private final JdbcClient jdbc;

	private final Areas areas;

	private final Tenants tenants;

	private final ObservationCache observations;

	private final StoredDecisions stored;

	private final AtomicLong computations = new AtomicLong();

	DisclosureControl(JdbcClient jdbc, Areas areas, Tenants tenants, ObservationCache observations,
			StoredDecisions stored) {
		this.observations = observations;
		this.stored = stored;
		this.jdbc = jdbc;
		this.areas = areas;
		this.tenants = tenants;
	}

	static String areaKey(long areaId, String breakdown) {
		return "a:" + areaId + "|" + breakdown;
	}

	static String setKey(String set, String label, String breakdown) {
		return "s:" + set + ":" + label + "|" + breakdown;
	}

	/**
	 * What is suppressed of one count indicator in a scope for one period, read once into
	 * area ids per breakdown and set-member keys, so that readers only look up.
	 */
	public record Decision(Set<String> keys, Map<String, Set<Long>> areasByBreakdown) {

		static final Decision NONE = new Decision(Set.of(), Map.of());

		static Decision of(Set<String> keys) {
			Map<String, Set<Long>> areas = new HashMap<>();
			for (String key : keys) {
				if (key.startsWith("a:")) {
					int bar = key.indexOf('|');
					areas.computeIfAbsent(key.substring(bar + 1), b -> new HashSet<>())
						.add(Long.parseLong(key.substring(2, bar)));
				}
			}
			return new Decision(Set.copyOf(keys), areas);
		}

		/** The suppressed areas of one breakdown ({@code ""}: the total). */
		Set<Long> areas(String breakdown) {
			return areasByBreakdown.getOrDefault(breakdown, Set.of());
		}

		boolean hidesSetMember(String set, String label, String breakdown) {
			return keys.contains(setKey(set, label, breakdown));
		}

	}

	/**
	 * The decision for a count indicator in a scope for one period (keys
	 * {@link #areaKey}, {@link #setKey}); none for an indicator without threshold. Stored
	 * and kept in memory ({@link StoredDecisions}): computed again only after a change of
	 * the indicator's rows or the scope's area sets, or of the settings it was computed
	 * with (threshold, aggregation, city, centrumsteden, area tree), not after a
	 * publication or any other change.
	 */
	public Decision decision(Scope scope, Indicator indicator, String period, StatsQueries queries) {
		if (!indicator.isSum() || indicator.threshold() <= 0) {
			return Decision.NONE;
		}
		long platform = observations.generationOf(0);
		long own = observations.generationOf(scope.key());
		String fingerprint = stored.fingerprint(scope, indicator);
		Optional<Decision> known = stored.find(scope, indicator.id(), period, fingerprint, platform, own);
		if (known.isPresent()) {
			return known.get();
		}
		Set<String> keys = compute(scope, indicator, period, queries);
		computations.incrementAndGet();
		Decision decision = Decision.of(keys);
		if (observations.generationOf(0) == platform && observations.generationOf(scope.key()) == own) {
			// stored only when no change committed while it was computed (else the next
			// reader computes it again)
			stored.store(scope, indicator.id(), period, fingerprint, keys, decision, platform, own);
		}
		else {
			stored.keepUnstored(scope, indicator.id(), period, fingerprint, decision, platform, own);
		}
		return decision;
	}

	/** How many decisions this instance computed (not read from memory or storage). */
	long computations() {
		return computations.get();
	}

	/** The computation described in the class comment. */
	Set<String> compute(Scope scope, Indicator indicator, String period, StatsQueries queries) {
		List<String> breakdowns = new ArrayList<>(breakdownsOf(scope, indicator, queries));
		if (!breakdowns.contains("")) {
			breakdowns.add(0, "");
		}
		// all periods at once: one cached read serves the decisions of every period (an
		// export asks for all)
		List<StatsQueries.Series> series = breakdowns.stream()
			.map(b -> queries.series(scope, indicator, null, b))
			.toList();
		List<Area> candidates = candidates(series, period);
		Map<String, Map<String, List<Area>>> sets = scope.isPlatform() ? Map.of() : sets(scope.tenantId());
		Area city = scope.nisCode() == null ? null : areas.find("gemeente", scope.nisCode()).orElse(null);
		List<Area> cities = centrumsteden();

		// every published cell: "a:<area>" or "s:<set>:<label>", each with "|<breakdown>"
		Map<String, Double> values = new HashMap<>();
		List<String> bases = new ArrayList<>();
		candidates.forEach(a -> bases.add("a:" + a.id()));
		sets.forEach((set, members) -> members.keySet().forEach(label -> bases.add("s:" + set + ":" + label)));
		List<Group> groups = new ArrayList<>();
		for (int b = 0; b < breakdowns.size(); b++) {
			String breakdown = breakdowns.get(b);
			StatsQueries.Series current = series.get(b);
			for (Area area : candidates) {
				Double v = current.number(area, period);
				if (v != null) {
					values.put(areaKey(area.id(), breakdown), v);
				}
			}
			// an area and its children; a gemeente and its wijken (a second partition)
			for (Area area : candidates) {
				String total = areaKey(area.id(), breakdown);
				if (values.containsKey(total)) {
					List<String> chain = new ArrayList<>();
					List<String> wijken = new ArrayList<>();
					for (Area child : areas.children(area.id())) {
						String key = areaKey(child.id(), breakdown);
						if (values.containsKey(key)) {
							("wijk".equals(child.level()) ? wijken : chain).add(key);
						}
					}
					addGroup(groups, total, chain, true);
					addGroup(groups, total, wijken, true);
				}
			}
			// an area-set member and its areas; the city and the set's members
			for (Map.Entry<String, Map<String, List<Area>>> set : sets.entrySet()) {
				List<String> members = new ArrayList<>();
				for (Map.Entry<String, List<Area>> member : set.getValue().entrySet()) {
					List<String> parts = member.getValue()
						.stream()
						.map(a -> areaKey(a.id(), breakdown))
						.filter(values::containsKey)
						.toList();
					if (!parts.isEmpty()) {
						String memberKey = setKey(set.getKey(), member.getKey(), breakdown);
						values.put(memberKey, parts.stream().mapToDouble(values::get).sum());
						members.add(memberKey);
						addGroup(groups, memberKey, parts, true);
					}
				}
				if (city != null && values.containsKey(areaKey(city.id(), breakdown))) {
					addGroup(groups, areaKey(city.id(), breakdown), members, true);
				}
			}
			// the centrumsteden figure (their sum, or their mean × n): published, never
			// hidden
			addGroup(groups, CENTRUMSTEDEN + "|" + breakdown,
					cities.stream().map(c -> areaKey(c.id(), breakdown)).filter(values::containsKey).toList(), false);
		}
		// a cell's categories of one breakdown dimension add up to the cell without that
		// dimension (men + women = total;
		// men 0-17 + men 18-64 + … = men)
		for (Map.Entry<String, List<String>> margin : byMargin(breakdowns).entrySet()) {
			String without = margin.getKey().substring(0, margin.getKey().indexOf('\n'));
			for (String base : bases) {
				String total = base + "|" + without;
				if (values.containsKey(total)) {
					addGroup(groups, total,
							margin.getValue().stream().map(b -> base + "|" + b).filter(values::containsKey).toList(),
							true);
				}
			}
		}
		return suppress(values, groups, indicator.threshold());
	}

	/**
	 * The areas that can have a value: those with a stored one, their ancestors, and the
	 * wijken of those gemeenten (a second partition) — for a sparse indicator a few
	 * hundred areas instead of every sector of Flanders.
	 */
	private List<Area> candidates(List<StatsQueries.Series> series, String period) {
		Set<Long> ids = new HashSet<>();
		for (StatsQueries.Series each : series) {
			for (long id : each.storedAreas(period)) {
				Area area = areas.byId(id);
				while (area != null && ids.add(area.id())) {
					area = areas.parent(area).orElse(null);
				}
			}
		}
		for (long id : List.copyOf(ids)) {
			if ("gemeente".equals(areas.byId(id).level())) {
				areas.children(id).stream().filter(c -> "wijk".equals(c.level())).forEach(c -> ids.add(c.id()));
			}
		}
		return ids.stream().map(areas::byId).toList();
	}

	private List<Area> centrumsteden() {
		List<Area> cities = new ArrayList<>();
		for (Tenant t : tenants.all()) {
			if (t.nisCode() != null && t.centrumstad()) {
				areas.find("gemeente", t.nisCode()).ifPresent(cities::add);
			}
		}
		return cities;
	}

	/**
	 * The breakdowns grouped by the stored breakdown they add up to when one dimension is
	 * left out, and that dimension: key {@code <breakdown without it>\n<dimension>}
	 * ({@code ""} for the total).
	 */
	static Map<String, List<String>> byMargin(List<String> breakdowns) {
		Map<Set<String>, String> stored = new HashMap<>();
		breakdowns.forEach(b -> stored.putIfAbsent(StatsQueries.breakdownPairs(b), b));
		stored.putIfAbsent(Set.of(), "");
		Map<String, List<String>> byMargin = new LinkedHashMap<>();
		for (String breakdown : breakdowns) {
			Set<String> pairs = StatsQueries.breakdownPairs(breakdown);
			for (String pair : pairs) {
				Set<String> rest = new HashSet<>(pairs);
				rest.remove(pair);
				String without = stored.get(rest);
				if (without != null) {
					String dimension = pair.substring(0, Math.max(0, pair.indexOf('=')));
					byMargin.computeIfAbsent(without + "\n" + dimension, k -> new ArrayList<>()).add(breakdown);
				}
			}
		}
		return byMargin;
	}

	private static void addGroup(List<Group> groups, String total, List<String> parts, boolean totalSuppressible) {
		if (!parts.isEmpty()) {
			groups.add(new Group(total, parts, totalSuppressible));
		}
	}

	/**
	 * Primary suppression (above 0, below the threshold), then secondary suppression
	 * until every group has 0 or at least 2 suppressed cells, and — when its total is
	 * published — suppressed parts that add up to at least the threshold (their sum
	 * follows from the total by difference and bounds each of them: two hidden cells
	 * adding up to 3 would each be known to be below a threshold of 5). The smallest
	 * unsuppressed part above 0 is added (a 0 only when no other is left and only for the
	 * count), or the total when no part is.
	 * @param values the published values by cell key
	 * @param groups additive groups over those keys
	 */
	public static Set<String> suppress(Map<String, Double> values, List<Group> groups, int threshold) {
		if (threshold <= 0) {
			return Set.of();
		}
		Set<String> hidden = new HashSet<>();
		values.forEach((key, v) -> {
			if (v > 0 && v < threshold) {
				hidden.add(key);
			}
		});
		boolean changed = !hidden.isEmpty();
		while (changed) {
			changed = false;
			for (Group group : groups) {
				int count = 0;
				if (group.totalSuppressible() && hidden.contains(group.total())) {
					count++;
				}
				for (String part : group.parts()) {
					if (hidden.contains(part)) {
						count++;
					}
				}
				// interval: with the total published, the hidden parts' sum follows by
				// difference and bounds each of them
				boolean narrow = count > 1 && !(group.totalSuppressible() && hidden.contains(group.total()))
						&& group.parts().stream().filter(hidden::contains).mapToDouble(values::get).sum() < threshold;
				if (count != 1 && !narrow) {
					continue;
				}
				Optional<String> partner = group.parts()
					.stream()
					.filter(p -> !hidden.contains(p) && !(narrow && values.get(p) == 0))
					.min(Comparator.comparing((String p) -> values.get(p) == 0 ? 1 : 0).thenComparing(values::get));
				if (partner.isEmpty() && group.totalSuppressible() && !hidden.contains(group.total())) {
					partner = Optional.of(group.total());
				}
				if (partner.isPresent()) {
					hidden.add(partner.get());
					changed = true;
				}
			}
		}
		return Set.copyOf(hidden);
	}

	private final Cache<String, List<String>> breakdownLists = Caffeine.newBuilder().maximumSize(10_000).build();

	private List<String> breakdownsOf(Scope scope, Indicator indicator, StatsQueries queries) {
		String key = scope.key() + "|" + indicator.id() + "|" + observations.generationOf(0) + "|"
				+ observations.generationOf(scope.key());
		return breakdownLists.get(key, k -> List.copyOf(queries.breakdowns(scope, indicator)));
	}

	/** The tenant's area sets: name → label → areas. */
	private Map<String, Map<String, List<Area>>> sets(long tenantId) {
		Map<String, Map<String, List<Area>>> sets = new LinkedHashMap<>();
		jdbc.sql(
				"""
						select s.name, m.label, m.area_id from stats.area_set s join stats.area_set_member m on m.area_set_id = s.id
						where s.tenant_id = ? order by s.name, m.label""")
			.param(tenantId)
			.query(rs -> {
				sets.computeIfAbsent(rs.getString("name"), n -> new LinkedHashMap<>())
					.computeIfAbsent(rs.getString("label"), l -> new ArrayList<>())
					.add(areas.byId(rs.getLong("area_id")));
			});
		return sets;
	}

	/**
	 * A published total and its parts; the centrumsteden figure's total is published and
	 * never hidden.
	 */
	public record Group(String total, List<String> parts, boolean totalSuppressible) {
	}

	/**
	 * Start-up writers (demo and reference data) write without history: when they write,
	 * they call this in their transaction, and decisions are computed afresh. A start on
	 * existing data keeps the stored decisions.
	 */
	public void forgetAll() {
		stored.forgetAll();
	}

}
