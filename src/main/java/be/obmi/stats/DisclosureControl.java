package be.obmi.stats;

import java.sql.Array;
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

import be.obmi.audit.DataChanged;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Disclosure control of a count indicator as a property of its published data, not of one view. For one scope and
 * period, every cell the public can see or derive is considered at once: every area of every level (sector, wijk,
 * deelgemeente, gemeente, provincie, gewest), every member of the tenant's area sets, every breakdown, and the
 * centrumsteden figure. Primary: a value above 0 and below the indicator's threshold. Secondary, until nothing
 * changes: in every additive group — a published total and its parts (an area and its children, a gemeente and its
 * wijken, an area-set member and its areas, a city and its area-set members, a cell's total and its categories of one
 * breakdown dimension, the centrumsteden figure and the 13 cities) — the suppressed cells number 0 or at least 2, so
 * no suppressed cell follows by difference; the smallest other part (or the total) is added. A ratio, share or
 * average that has a suppressed count as numerator, denominator or input is itself suppressed by its readers
 * ({@link StatsQueries}). The decisions are stored ({@code stats.disclosure_decision}) and kept in memory; a change of
 * a scope's data removes that scope's decisions (all of them for platform data) in the same transaction.
 */
@Component
class DisclosureControl {


	/** The virtual total of the centrumsteden (their sum, from which their mean follows): published, never hidden. */
	static final String CENTRUMSTEDEN = "c:centrumsteden";

	private final JdbcClient jdbc;

	private final Areas areas;

	private final Tenants tenants;

	private final Map<Long, AtomicLong> generations = new java.util.concurrent.ConcurrentHashMap<>();

	private final Cache<String, Set<String>> memory = Caffeine.newBuilder().maximumSize(20_000).build();

	private final org.springframework.transaction.support.TransactionTemplate store;

	DisclosureControl(JdbcClient jdbc, Areas areas, Tenants tenants,
			org.springframework.transaction.PlatformTransactionManager transactions) {
		this.store = new org.springframework.transaction.support.TransactionTemplate(transactions);
		this.store.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
	 * The suppressed cells of a count indicator in a scope for one period (keys {@link #areaKey}, {@link #setKey});
	 * empty for an indicator without threshold.
	 */
	Set<String> suppressed(Scope scope, Indicator indicator, String period, StatsQueries queries) {
		if (!indicator.isSum() || indicator.threshold() <= 0) {
			return Set.of();
		}
		long platform = generation(0).get();
		long own = generation(scope.key()).get();
		String key = scope.key() + "|" + indicator.id() + "|" + period + "|" + platform + "|" + own;
		Set<String> known = memory.getIfPresent(key);
		if (known != null) {
			return known;
		}
		Optional<Set<String>> stored = jdbc.sql("""
				select suppressed from stats.disclosure_decision where scope_key = ? and indicator_id = ? and period = ?""")
			.params(scope.key(), indicator.id(), period)
			.query((rs, n) -> toSet(rs.getArray("suppressed")))
			.optional();
		Set<String> decision = stored.orElseGet(() -> compute(scope, indicator, period, queries));
		if (stored.isEmpty() && generation(0).get() == platform && generation(scope.key()).get() == own) {
			// stored only when no change committed while it was computed (else the next reader computes it again)
			// in a transaction of its own: readers run in read-only transactions; a failed store only costs a recompute
			try {
				store.executeWithoutResult(status -> jdbc.sql("""
						insert into stats.disclosure_decision (scope_key, indicator_id, period, suppressed) values (?, ?, ?, ?)
						on conflict do nothing""")
					.params(scope.key(), indicator.id(), period, decision.toArray(String[]::new))
					.update());
			}
			catch (org.springframework.dao.DataAccessException ex) {
				org.slf4j.LoggerFactory.getLogger(DisclosureControl.class).warn("disclosure decision not stored: {}", ex.getMessage());
			}
		}
		memory.put(key, decision);
		return decision;
	}

	private static Set<String> toSet(Array array) throws java.sql.SQLException {
		return Set.of((String[]) array.getArray());
	}

	/** The computation described in the class comment. */
	Set<String> compute(Scope scope, Indicator indicator, String period, StatsQueries queries) {
		int threshold = indicator.threshold();
		List<String> breakdowns = breakdownsOf(scope, indicator, queries);
		if (!breakdowns.contains("")) {
			breakdowns = new ArrayList<>(breakdowns);
			breakdowns.add(0, "");
		}
		Map<String, Double> values = new HashMap<>();
		List<Group> groups = new ArrayList<>();
		List<Area> cities = new ArrayList<>();
		for (Tenant t : tenants.all()) {
			if (t.nisCode() != null && t.centrumstad()) {
				areas.find("gemeente", t.nisCode()).ifPresent(cities::add);
			}
		}
		Map<String, Map<String, List<Area>>> sets = scope.isPlatform() ? Map.of() : sets(scope.tenantId());
		Area city = scope.nisCode() == null ? null : areas.find("gemeente", scope.nisCode()).orElse(null);
		// only areas that can have a value: those with a stored one, their ancestors, and the wijken of those gemeenten
		// (a second partition); for a sparse indicator a few hundred areas instead of every sector of Flanders
		Set<Long> candidateIds = new HashSet<>();
		List<StatsQueries.Series> all = new ArrayList<>();
		for (String breakdown : breakdowns) {
			// all periods at once: one cached read serves the decisions of every period (an export asks for all)
			StatsQueries.Series series = queries.series(scope, indicator, null, breakdown);
			all.add(series);
			for (long id : series.storedAreas(period)) {
				Area area = areas.byId(id);
				while (area != null && candidateIds.add(area.id())) {
					area = areas.parent(area).orElse(null);
				}
			}
		}
		for (long id : List.copyOf(candidateIds)) {
			Area area = areas.byId(id);
			if ("gemeente".equals(area.level())) {
				areas.children(id).stream().filter(c -> "wijk".equals(c.level())).forEach(c -> candidateIds.add(c.id()));
			}
		}
		List<Area> candidates = candidateIds.stream().map(areas::byId).toList();
		for (int b = 0; b < breakdowns.size(); b++) {
			String breakdown = breakdowns.get(b);
			StatsQueries.Series series = all.get(b);
			for (Area area : candidates) {
				Double v = series.number(area, period);
				if (v != null) {
					values.put(areaKey(area.id(), breakdown), v);
				}
			}
			{
				for (Area area : candidates) {
					String total = areaKey(area.id(), breakdown);
					if (!values.containsKey(total)) {
						continue;
					}
					List<String> chain = new ArrayList<>();
					List<String> wijken = new ArrayList<>();
					for (Area child : areas.children(area.id())) {
						String key = areaKey(child.id(), breakdown);
						if (values.containsKey(key)) {
							("wijk".equals(child.level()) ? wijken : chain).add(key);
						}
					}
					if (!chain.isEmpty()) {
						groups.add(new Group(total, chain, true));
					}
					if (!wijken.isEmpty()) {
						groups.add(new Group(total, wijken, true));
					}
				}
			}
			for (Map.Entry<String, Map<String, List<Area>>> set : sets.entrySet()) {
				List<String> members = new ArrayList<>();
				for (Map.Entry<String, List<Area>> member : set.getValue().entrySet()) {
					String memberKey = setKey(set.getKey(), member.getKey(), breakdown);
					double sum = 0;
					boolean any = false;
					List<String> parts = new ArrayList<>();
					for (Area area : member.getValue()) {
						Double v = series.number(area, period);
						if (v != null) {
							sum += v;
							any = true;
							parts.add(areaKey(area.id(), breakdown));
						}
					}
					if (any) {
						values.put(memberKey, sum);
						members.add(memberKey);
						groups.add(new Group(memberKey, parts, true));
					}
				}
				if (city != null && values.containsKey(areaKey(city.id(), breakdown)) && !members.isEmpty()) {
					groups.add(new Group(areaKey(city.id(), breakdown), members, true));
				}
			}
			List<String> cityKeys = cities.stream().map(c -> areaKey(c.id(), breakdown)).filter(values::containsKey).toList();
			if (!cityKeys.isEmpty()) {
				groups.add(new Group(CENTRUMSTEDEN + "|" + breakdown, cityKeys, false));
			}
		}
		// a breakdown's categories of one dimension add up to the total of the same area
		Map<String, List<String>> byDimension = new LinkedHashMap<>();
		for (String breakdown : breakdowns) {
			Set<String> pairs = StatsQueries.breakdownPairs(breakdown);
			if (pairs.size() == 1) {
				String pair = pairs.iterator().next();
				byDimension.computeIfAbsent(pair.substring(0, Math.max(0, pair.indexOf('='))), d -> new ArrayList<>()).add(breakdown);
			}
		}
		if (!byDimension.isEmpty()) {
			{
				for (Area area : candidates) {
					String total = areaKey(area.id(), "");
					if (!values.containsKey(total)) {
						continue;
					}
					for (List<String> categories : byDimension.values()) {
						List<String> parts = categories.stream().map(b -> areaKey(area.id(), b)).filter(values::containsKey).toList();
						if (!parts.isEmpty()) {
							groups.add(new Group(total, parts, true));
						}
					}
				}
			}
			for (Map.Entry<String, Map<String, List<Area>>> set : sets.entrySet()) {
				for (String label : set.getValue().keySet()) {
					String total = setKey(set.getKey(), label, "");
					if (!values.containsKey(total)) {
						continue;
					}
					for (List<String> categories : byDimension.values()) {
						List<String> parts = categories.stream().map(b -> setKey(set.getKey(), label, b)).filter(values::containsKey).toList();
						if (!parts.isEmpty()) {
							groups.add(new Group(total, parts, true));
						}
					}
				}
			}
		}
		return suppress(values, groups, threshold);
	}

	/**
	 * Primary suppression (above 0, below the threshold), then secondary suppression until every group has 0 or at
	 * least 2 suppressed cells: the smallest unsuppressed part above 0 is added (a 0 only when no other is left), or
	 * the total when no part is.
	 * @param values the published values by cell key
	 * @param groups additive groups over those keys
	 */
	static Set<String> suppress(Map<String, Double> values, List<Group> groups, int threshold) {
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
				if (count != 1) {
					continue;
				}
				Optional<String> partner = group.parts().stream()
					.filter(p -> !hidden.contains(p))
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
		String key = scope.key() + "|" + indicator.id() + "|" + generation(0).get() + "|" + generation(scope.key()).get();
		return breakdownLists.get(key, k -> List.copyOf(queries.breakdowns(scope, indicator)));
	}

	/** The tenant's area sets: name → label → areas. */
	private Map<String, Map<String, List<Area>>> sets(long tenantId) {
		Map<String, Map<String, List<Area>>> sets = new LinkedHashMap<>();
		jdbc.sql("""
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

	/** A published total and its parts; the centrumsteden figure's total is published and never hidden. */
	record Group(String total, List<String> parts, boolean totalSuppressible) {
	}

	private AtomicLong generation(long scopeKey) {
		return generations.computeIfAbsent(scopeKey, k -> new AtomicLong());
	}

	/** Start-up writers (demo and reference data) write without history: decisions are computed afresh. */
	@EventListener(ApplicationReadyEvent.class)
	void clear() {
		jdbc.sql("delete from stats.disclosure_decision").update();
		memory.invalidateAll();
	}

	/**
	 * In the changing transaction: the scope's stored decisions go (every scope's for a platform change); after the
	 * commit the in-memory ones are no longer used.
	 */
	@EventListener
	void on(DataChanged event) {
		long scopeKey = event.tenantId() == null ? 0 : event.tenantId();
		if (scopeKey == 0) {
			jdbc.sql("delete from stats.disclosure_decision").update();
		}
		else {
			jdbc.sql("delete from stats.disclosure_decision where scope_key = ?").param(scopeKey).update();
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					generation(scopeKey).incrementAndGet();
				}

				@Override
				public int getOrder() {
					return org.springframework.core.Ordered.HIGHEST_PRECEDENCE;
				}
			});
		}
		else {
			generation(scopeKey).incrementAndGet();
		}
	}

}
