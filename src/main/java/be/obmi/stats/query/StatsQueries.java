package be.obmi.stats.query;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Areas;
import be.obmi.stats.domain.Indicators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.util.HashSet;
import java.util.LinkedHashMap;

/**
 * Reads observations with aggregation and disclosure control. A value of an area is the
 * source's own value for it when there is one; otherwise sums are aggregated from the
 * children up (sector → deelgemeente → gemeente → provincie → gewest; wijk → gemeente),
 * and ratios are recomputed as factor × Σnumerator / Σdenominator.
 * <p>
 * Over 300 lines because it is the one read model of observations (series, cells,
 * aggregation up the area levels, breakdowns) that every page, export and the disclosure
 * decisions share; its parts use the same cached rows and area tree.
 */
@Service
public class StatsQueries {

	/** A stored value: {@code value} null with a {@code missingReason}. */
	public record Obs(Double value, String missingReason, boolean provisional, boolean estimated, Double margin) {
	}

	/** One area's value in a response. {@code status}: ok, suppressed or missing. */
	public record Cell(Area area, String period, Double value, String status, String missingReason,
			boolean confidential, boolean provisional, boolean estimated, Double margin) {
	}

	private final JdbcClient jdbc;

	private final Areas areas;

	private final Indicators indicators;

	private final ObservationCache cache;

	private final DisclosureControl disclosure;

	StatsQueries(JdbcClient jdbc, Areas areas, Indicators indicators, ObservationCache cache,
			DisclosureControl disclosure) {
		this.cache = cache;
		this.disclosure = disclosure;
		this.jdbc = jdbc;
		this.areas = areas;
		this.indicators = indicators;
	}

	/**
	 * All values of one indicator for one breakdown ({@code ""}: the total, no breakdown)
	 * in a scope; tenant values override platform values. A ratio reads its numerator and
	 * denominator with the same breakdown.
	 */
	public final class Series {

		private final Indicator indicator;

		private final Scope scope;

		private final String breakdown;

		private final Map<String, Map<Long, Obs>> byPeriod;

		private final Series numerator;

		private final Series denominator;

		/** Computed values by period and area id. */
		private final Map<String, Map<Long, Optional<Obs>>> memo = new HashMap<>();

		/**
		 * For a series of a few areas only ({@link FocusedSeries}): their stored rows and
		 * stored aggregates; null for the full series.
		 */
		private final Focus focus;

		Series(Scope scope, Indicator indicator, String period) {
			this(scope, indicator, period, "");
		}

		Series(Scope scope, Indicator indicator, Function<Long, Focus> focused) {
			this.indicator = indicator;
			this.scope = scope;
			this.breakdown = "";
			this.focus = focused.apply(indicator.id());
			this.byPeriod = focus.direct();
			if (indicator.isRatio()) {
				this.numerator = new Series(scope, indicators.byId(indicator.numeratorId()).orElseThrow(), focused);
				this.denominator = new Series(scope, indicators.byId(indicator.denominatorId()).orElseThrow(), focused);
			}
			else {
				this.numerator = null;
				this.denominator = null;
			}
		}

		Series(Scope scope, Indicator indicator, String period, String breakdown) {
			this.indicator = indicator;
			this.scope = scope;
			this.breakdown = breakdown;
			this.focus = null;
			this.byPeriod = load(scope, indicator.id(), period, breakdown);
			if (indicator.isRatio()) {
				this.numerator = new Series(scope, indicators.byId(indicator.numeratorId()).orElseThrow(), period,
						breakdown);
				this.denominator = new Series(scope, indicators.byId(indicator.denominatorId()).orElseThrow(), period,
						breakdown);
			}
			else {
				this.numerator = null;
				this.denominator = null;
			}
		}

		Indicator indicator() {
			return indicator;
		}

		/** The ids of the areas with a stored value (not aggregated) in a period. */
		Set<Long> storedAreas(String period) {
			return stored(period).keySet();
		}

		/** The stored values (not aggregated) of a period by area id; never null. */
		Map<Long, Obs> stored(String period) {
			return byPeriod.getOrDefault(period, Map.of());
		}

		/** The periods with data, oldest first. */
		List<String> periods() {
			Set<String> periods = new TreeSet<>(focus == null ? byPeriod.keySet() : focus.periods());
			if (numerator != null) {
				periods.addAll(numerator.periods());
			}
			return List.copyOf(periods);
		}

		/**
		 * The area's value in a period: its stored value when there is one (returned as
		 * is, not memoised), otherwise computed once (aggregated, or a ratio) and
		 * memoised.
		 */
		Optional<Obs> value(Area area, String period) {
			Obs direct = stored(period).get(area.id());
			if (direct != null) {
				return Optional.of(direct);
			}
			Map<Long, Optional<Obs>> ofPeriod = memo.computeIfAbsent(period, p -> new HashMap<>());
			Optional<Obs> cached = ofPeriod.get(area.id());
			if (cached != null) {
				return cached;
			}
			Optional<Obs> result = compute(area, period);
			ofPeriod.put(area.id(), result);
			return result;
		}

		Double number(Area area, String period) {
			return value(area, period).map(Obs::value).orElse(null);
		}

		/**
		 * The value of {@code parts} taken together as one area: a sum adds their values,
		 * a ratio is factor × Σnumerator / Σdenominator over them (never a mean of their
		 * ratios). Null unless every part has its inputs; null for aggregation
		 * {@code none}.
		 */
		Double pooled(List<Area> parts, String period) {
			if (indicator.isRatio()) {
				Double n = numerator.pooled(parts, period);
				Double d = denominator.pooled(parts, period);
				return n == null || d == null || d == 0 ? null : rounded(indicator.factor() * n / d);
			}
			if (!indicator.isSum() || parts.isEmpty()) {
				return null;
			}
			double sum = 0;
			for (Area part : parts) {
				Double v = number(part, period);
				if (v == null) {
					return null;
				}
				sum += v;
			}
			return sum;
		}

		/**
		 * Whether the value of {@code area} rests on data other than {@code city}'s own:
		 * a value stored for the area itself, or (for a sum) one stored for an area
		 * inside it and outside the city; a ratio when its numerator and its denominator
		 * both do. A tenant's own indicator with values only in its city gives Flanders
		 * nothing of its own.
		 */
		boolean restsBeyond(Area area, Area city, String period) {
			Set<Long> stored = storedAreas(period);
			if (stored.contains(area.id())) {
				return true;
			}
			if (indicator.isRatio()) {
				return numerator.restsBeyond(area, city, period) && denominator.restsBeyond(area, city, period);
			}
			if (!indicator.isSum()) {
				return false;
			}
			if (focus != null) {
				// stored values inside the area and outside the city, from the stored
				// counts
				int inside = focus.within(area, period);
				if (areas.isWithin(city, area)) {
					return inside - focus.within(city, period) > 0;
				}
				return !areas.isWithin(area, city) && inside > 0;
			}
			for (long id : stored) {
				Area part = areas.byId(id);
				if (part != null && areas.isWithin(part, area) && !areas.isWithin(part, city)) {
					return true;
				}
			}
			return false;
		}

		private double rounded(double value) {
			double scale = Math.pow(10, indicator.decimals());
			return Math.round(value * scale) / scale;
		}

		/** The value of an area without a stored one. */
		private Optional<Obs> compute(Area area, String period) {
			if (indicator.isRatio()) {
				Double n = numerator.number(area, period);
				Double d = denominator.number(area, period);
				if (n == null || d == null || d == 0) {
					return Optional.empty();
				}
				return Optional.of(new Obs(rounded(indicator.factor() * n / d), null, false, false, null));
			}
			if (!indicator.isSum()) {
				return Optional.empty();
			}
			if (focus != null) {
				Double aggregated = focus.aggregated().getOrDefault(period, Map.of()).get(area.id());
				return aggregated == null ? Optional.empty()
						: Optional.of(new Obs(aggregated, null, false, false, null));
			}
			// wijken are a second partition of a gemeente: used only when the main chain
			// has no data
			double sum = 0;
			double wijkSum = 0;
			boolean any = false;
			boolean anyWijk = false;
			for (Area child : areas.children(area.id())) {
				Optional<Obs> v = value(child, period);
				if (v.isPresent() && v.get().value() != null) {
					if ("wijk".equals(child.level())) {
						wijkSum += v.get().value();
						anyWijk = true;
					}
					else {
						sum += v.get().value();
						any = true;
					}
				}
			}
			if (any) {
				return Optional.of(new Obs(sum, null, false, false, null));
			}
			return anyWijk ? Optional.of(new Obs(wijkSum, null, false, false, null)) : Optional.empty();
		}

	}

	/**
	 * What a series of a few areas reads ({@link FocusedSeries}): their stored rows, the
	 * stored aggregates of those without one, per area the stored values inside it, and
	 * the periods with stored values of the indicator.
	 */
	record Focus(Map<String, Map<Long, Obs>> direct, Map<String, Map<Long, Double>> aggregated,
			Map<String, Map<Long, Integer>> inside, List<String> periods) {

		/** Stored values inside the area (itself included). */
		int within(Area area, String period) {
			if ("statsec".equals(area.level())) {
				return direct.getOrDefault(period, Map.of()).containsKey(area.id()) ? 1 : 0;
			}
			return inside.getOrDefault(period, Map.of()).getOrDefault(area.id(), 0);
		}

	}

	/**
	 * A series of only the areas that {@code focused} read, from stored rows and stored
	 * aggregates (see {@link AreaTotals}).
	 */
	Series focused(Scope scope, Indicator indicator, Function<Long, Focus> focused) {
		return new Series(scope, indicator, focused);
	}

	/** The periods with stored values (not aggregated) of this series, oldest first. */
	static List<String> storedPeriods(Series series) {
		return List.copyOf(new TreeSet<>(series.byPeriod.keySet()));
	}

	/**
	 * The periods with data of an indicator (of its numerator for a ratio), oldest first;
	 * cheap (index only).
	 */
	public List<String> periods(Scope scope, Indicator indicator) {
		long id = indicator.isRatio() && indicator.numeratorId() != null ? indicator.numeratorId() : indicator.id();
		// a loose index scan: one index probe per period instead of reading every value
		return jdbc.sql("""
				with recursive p (period) as (
				  select min(period) from stats.observation where indicator_id = ? and coalesce(tenant_id, 0) in (0, ?)
				  union all
				  select (select min(o.period) from stats.observation o where o.indicator_id = ? and o.period > p.period
				          and coalesce(o.tenant_id, 0) in (0, ?))
				  from p where p.period is not null)
				select period from p where period is not null order by 1""")
			.params(id, scope.key(), id, scope.key())
			.query(String.class)
			.list();
	}

	public Series series(Scope scope, Indicator indicator, String period) {
		return new Series(scope, indicator, period);
	}

	/**
	 * The values of one breakdown ({@code ""} for the total) of an indicator;
	 * {@code period} null for every period.
	 */
	public Series series(Scope scope, Indicator indicator, String period, String breakdown) {
		return new Series(scope, indicator, period, breakdown);
	}

	/**
	 * The breakdowns an indicator has in a scope (of its numerator for a ratio), as
	 * stored: {@code ""} for the total, otherwise {@code dimension=category} pairs joined
	 * by {@code |}, e.g. {@code geslacht=M|leeftijd=0-17}.
	 */
	public List<String> breakdowns(Scope scope, Indicator indicator) {
		long id = indicator.isRatio() && indicator.numeratorId() != null ? indicator.numeratorId() : indicator.id();
		return jdbc
			.sql("""
					select distinct breakdown from stats.observation where indicator_id = ? and coalesce(tenant_id, 0) in (0, ?)
					order by 1""")
			.params(id, scope.key())
			.query(String.class)
			.list();
	}

	/**
	 * The stored breakdown that a request names: the same {@code dimension=category}
	 * pairs in any order, separated by {@code |} or {@code ;}; null, empty or
	 * {@code totaal} for the total. Empty when the indicator has no such breakdown in the
	 * scope.
	 */
	public Optional<String> breakdown(Scope scope, Indicator indicator, String requested) {
		Set<String> wanted = breakdownPairs(requested);
		if (wanted.isEmpty()) {
			return Optional.of("");
		}
		return breakdowns(scope, indicator).stream().filter(b -> breakdownPairs(b).equals(wanted)).findFirst();
	}

	static Set<String> breakdownPairs(String breakdown) {
		if (breakdown == null || breakdown.isBlank() || breakdown.strip().equalsIgnoreCase("totaal")) {
			return Set.of();
		}
		Set<String> pairs = new TreeSet<>();
		for (String pair : breakdown.split("[|;]")) {
			int eq = pair.indexOf('=');
			if (!pair.isBlank()) {
				pairs.add(eq < 0 ? pair.strip() : pair.substring(0, eq).strip() + "=" + pair.substring(eq + 1).strip());
			}
		}
		return pairs;
	}

	/**
	 * The stored values of an indicator in a scope: the platform's, overridden by the
	 * tenant's own (both cached).
	 */
	private Map<String, Map<Long, Obs>> load(Scope scope, long indicatorId, String period, String breakdown) {
		ObservationCache.Rows platform = cache.get(0, indicatorId, period, breakdown,
				() -> read(null, indicatorId, period, breakdown));
		if (scope.isPlatform()) {
			return platform.byPeriod();
		}
		ObservationCache.Rows own = cache.get(scope.tenantId(), indicatorId, period, breakdown,
				() -> read(scope.tenantId(), indicatorId, period, breakdown));
		return ObservationCache.overlay(platform, own).byPeriod();
	}

	/**
	 * The rows of one scope only: the platform's ({@code tenantId} null) or one tenant's.
	 */
	private ObservationCache.Rows read(Long tenantId, long indicatorId, String period, String breakdown) {
		Map<String, Map<Long, Obs>> result = new HashMap<>();
		long[] count = { 0 };
		jdbc.sql("""
				select area_id, period, value, missing_reason, provisional, estimated, margin from stats.observation
				where indicator_id = ? and breakdown = ? and coalesce(tenant_id, 0) = ?
				  and (cast(? as varchar) is null or period = ?)""")
			.params(indicatorId, breakdown, tenantId == null ? 0 : tenantId, period, period)
			.query(rs -> {
				// by position: an export reads millions of rows
				count[0]++;
				result.computeIfAbsent(rs.getString(2), k -> new HashMap<>())
					.put(rs.getLong(1), new Obs(rs.getObject(3, Double.class), rs.getString(4), rs.getBoolean(5),
							rs.getBoolean(6), rs.getObject(7, Double.class)));
			});
		return new ObservationCache.Rows(result, count[0]);
	}

	/**
	 * The values of every area of a level (inside {@code within} when given) for one
	 * period, with disclosure control unless {@code editor}: editors see real values,
	 * marked {@code confidential}.
	 */
	@Transactional(readOnly = true)
	public List<Cell> cells(Scope scope, Indicator indicator, String level, String period, Area within,
			boolean editor) {
		return cells(series(scope, indicator, period), level, period, within, editor);
	}

	public List<Cell> cells(Series series, String level, String period, Area within, boolean editor) {
		return cells(series, areas.atLevel(level, within), period, editor);
	}

	/**
	 * As {@link #cells(Series, String, String, Area, boolean)} for the areas of a level
	 * listed once by the caller.
	 */
	public List<Cell> cells(Series series, List<Area> targets, String period, boolean editor) {
		Map<Long, Obs> values = new HashMap<>();
		for (Area area : targets) {
			Optional<Obs> v = series.value(area, period);
			if (v.isPresent()) {
				values.put(area.id(), v.get());
			}
		}
		Set<Long> confidential = hiddenAreas(series, period);
		List<Cell> cells = new ArrayList<>();
		for (Area area : targets) {
			Obs v = values.get(area.id());
			if (v == null) {
				continue;
			}
			boolean hidden = confidential.contains(area.id());
			if (v.value() == null) {
				cells.add(new Cell(area, period, null, "missing", v.missingReason(), false, v.provisional(),
						v.estimated(), null));
			}
			else if (hidden && !editor) {
				cells.add(new Cell(area, period, null, "suppressed", null, true, false, false, null));
			}
			else {
				cells.add(new Cell(area, period, v.value(), "ok", null, hidden, v.provisional(), v.estimated(),
						v.margin()));
			}
		}
		return cells;
	}

	/**
	 * One area's value for a period as the public (or an editor) may see it. Suppression
	 * is decided once over all outputs ({@link DisclosureControl}), so the area's
	 * siblings need not be computed with it.
	 */
	Cell cell(Series series, Area area, String period, boolean editor) {
		return cells(series, List.of(area), period, editor).stream()
			.findFirst()
			.orElse(new Cell(area, period, null, "missing", null, false, false, false, null));
	}

	/**
	 * One value per member of the area set {@code set} (label → its areas): sums added,
	 * ratios from summed parts; a member is suppressed as decided over all published
	 * outputs ({@link DisclosureControl}).
	 */
	public List<Cell> setCells(Series series, String set, Map<String, List<Area>> members, String period,
			boolean editor) {
		Indicator indicator = series.indicator();
		Map<String, Double> values = new LinkedHashMap<>();
		for (Map.Entry<String, List<Area>> member : members.entrySet()) {
			Double value = indicator.isRatio() ? ratio(series, member.getValue(), period)
					: sum(series, member.getValue(), period);
			values.put(member.getKey(), value);
		}
		List<DisclosureControl.Decision> decisions = decisions(series, period);
		Set<String> confidential = new HashSet<>();
		for (String label : values.keySet()) {
			if (decisions.stream().anyMatch(d -> d.hidesSetMember(set, label, series.breakdown))) {
				confidential.add(label);
			}
		}
		List<Cell> cells = new ArrayList<>();
		values.forEach((label, value) -> {
			Area area = new Area(0, "set", label, label, null, false);
			boolean hidden = confidential.contains(label);
			if (value == null) {
				cells.add(new Cell(area, period, null, "missing", null, false, false, false, null));
			}
			else if (hidden && !editor) {
				cells.add(new Cell(area, period, null, "suppressed", null, true, false, false, null));
			}
			else {
				cells.add(new Cell(area, period, value, "ok", null, hidden, false, false, null));
			}
		});
		return cells;
	}

	private Double sum(Series series, List<Area> members, String period) {
		if (!series.indicator().isSum()) {
			return members.size() == 1 ? series.number(members.get(0), period) : null;
		}
		double sum = 0;
		boolean any = false;
		for (Area area : members) {
			Double v = series.number(area, period);
			if (v != null) {
				sum += v;
				any = true;
			}
		}
		return any ? sum : null;
	}

	private Double ratio(Series series, List<Area> members, String period) {
		Double n = sum(series.numerator, members, period);
		Double d = sum(series.denominator, members, period);
		if (n == null || d == null || d == 0) {
			return null;
		}
		double scale = Math.pow(10, series.indicator().decimals());
		return Math.round(series.indicator().factor() * n / d * scale) / scale;
	}

	/**
	 * The decisions that hide cells of this series in a period: for a count, its own
	 * ({@link DisclosureControl}); for a ratio or share, those of its numerator and its
	 * denominator (else the product with the other would give a suppressed count back).
	 */
	private List<DisclosureControl.Decision> decisions(Series series, String period) {
		if (series.indicator().isRatio()) {
			return List.of(disclosure.decision(series.scope, series.numerator.indicator(), period, this),
					disclosure.decision(series.scope, series.denominator.indicator(), period, this));
		}
		return List.of(disclosure.decision(series.scope, series.indicator(), period, this));
	}

	/** The areas whose value of this series (its breakdown) is suppressed in a period. */
	Set<Long> hiddenAreas(Series series, String period) {
		List<DisclosureControl.Decision> decisions = decisions(series, period);
		if (decisions.size() == 1) {
			return decisions.getFirst().areas(series.breakdown);
		}
		Set<Long> ids = new HashSet<>();
		decisions.forEach(d -> ids.addAll(d.areas(series.breakdown)));
		return ids;
	}

	/** Areas of a level in {@code within} as a code → area map. */
	public Map<String, Area> areaMap(String level, Area within) {
		return areas.atLevel(level, within).stream().collect(Collectors.toMap(Area::code, a -> a));
	}

}
