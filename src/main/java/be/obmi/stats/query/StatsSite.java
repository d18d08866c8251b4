package be.obmi.stats.query;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Level;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Areas;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.StatsAccess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the view models of the public statistics site: tiles, trends, maps, profiles and
 * comparisons.
 * <p>
 * Over 300 lines because it builds the models of the public pages from the read model;
 * each page's model is a few lines, kept together so the pages agree on the same figures.
 */
@Service
@Transactional(readOnly = true)
public class StatsSite {

	static final String FLANDERS = "02000";

	/**
	 * A shown value: {@code text} is the formatted number or empty; {@code status} ok,
	 * suppressed or missing.
	 */
	public record Shown(String period, Double value, String text, String status, boolean confidential) {

		static Shown none(String period) {
			return new Shown(period, null, "", "missing", false);
		}

		public boolean ok() {
			return "ok".equals(status);
		}

	}

	public record Tile(Indicator indicator, Shown city, Shown flanders, Shown average, String sparkPoints,
			List<Shown> trend) {
	}

	public record Theme(String name, List<Tile> tiles) {
	}

	public record Trend(List<String> periods, Map<String, List<Shown>> lines) {
	}

	public record ProfileRow(Indicator indicator, Shown area, Shown city, Shown flanders) {
	}

	public record Comparison(Area area, String tenantSlug, Shown value) {
	}

	private final StatsQueries queries;

	private final Areas areas;

	private final Indicators indicators;

	private final Tenants tenants;

	private final StatsAccess access;

	StatsSite(StatsQueries queries, Areas areas, Indicators indicators, Tenants tenants, StatsAccess access) {
		this.queries = queries;
		this.areas = areas;
		this.indicators = indicators;
		this.tenants = tenants;
		this.access = access;
	}

	public Area city(Tenant tenant) {
		if (tenant.statisticsNisCode() == null) {
			return areas.find("gewest", "04000").orElseThrow();
		}
		return areas.find("gemeente", tenant.statisticsNisCode()).orElseThrow();
	}

	public Area flanders() {
		return areas.find("gewest", FLANDERS).orElseThrow();
	}

	List<Area> centrumsteden() {
		List<Area> list = new ArrayList<>();
		for (Tenant t : tenants.all()) {
			if (t.nisCode() != null && t.centrumstad()) {
				areas.find("gemeente", t.nisCode()).ifPresent(list::add);
			}
		}
		return list;
	}

	public Optional<Area> area(String level, String code) {
		return Level.parse(level).flatMap(l -> areas.find(l.code(), code));
	}

	public boolean isWithin(Area area, Area city) {
		return areas.isWithin(area, city);
	}

	public List<Area> areasOf(Area city, String level) {
		return areas.atLevel(level, city);
	}

	/** Published indicators of the scope that have data, by theme. */
	public Map<String, List<Indicator>> themes(Scope scope) {
		Map<String, List<Indicator>> themes = new LinkedHashMap<>();
		for (Indicator i : indicators.withData(scope)) {
			themes.computeIfAbsent(i.theme(), k -> new ArrayList<>()).add(i);
		}
		return themes;
	}

	/**
	 * Whether the indicator has values in the scope (a ratio: its numerator and its
	 * denominator), as the lists of {@link #themes} count it.
	 */
	public boolean hasValues(Scope scope, Indicator indicator) {
		return indicators.hasValues(scope, indicator);
	}

	public Optional<Indicator> indicator(Scope scope, String code) {
		return indicators.find(scope, code).filter(i -> access.canSee(scope, i));
	}

	public Theme theme(Scope scope, Tenant tenant, String name, List<Indicator> list) {
		boolean editor = access.seesConfidential(scope);
		Area city = city(tenant);
		List<Tile> tiles = new ArrayList<>();
		for (Indicator indicator : list) {
			StatsQueries.Series series = queries.series(scope, indicator, null);
			List<String> periods = series.periods();
			List<Shown> trend = new ArrayList<>();
			for (String p : periods) {
				trend.add(shown(series, city, p, editor));
			}
			String latest = latest(trend);
			if (latest == null) {
				continue;
			}
			tiles.add(new Tile(indicator, shown(series, city, latest, editor), flanders(series, city, latest, editor),
					centrumsteden(series, latest), spark(trend), trend));
		}
		return new Theme(name, tiles);
	}

	public Trend trend(Scope scope, Tenant tenant, Indicator indicator) {
		boolean editor = access.seesConfidential(scope);
		StatsQueries.Series series = queries.series(scope, indicator, null);
		List<String> periods = series.periods();
		Map<String, List<Shown>> lines = new LinkedHashMap<>();
		Area city = city(tenant);
		List<Shown> own = new ArrayList<>();
		List<Shown> fl = new ArrayList<>();
		List<Shown> avg = new ArrayList<>();
		for (String p : periods) {
			own.add(shown(series, city, p, editor));
			fl.add(flanders(series, city, p, editor));
			avg.add(centrumsteden(series, p));
		}
		lines.put(city.name(), own);
		// a benchmark without a figure in any period is left out
		if (fl.stream().anyMatch(s -> !"missing".equals(s.status()))) {
			lines.put(flanders().name(), fl);
		}
		if (avg.stream().anyMatch(s -> !"missing".equals(s.status()))) {
			lines.put("centrumsteden", avg);
		}
		return new Trend(periods, lines);
	}

	public List<String> periods(Scope scope, Indicator indicator) {
		return queries.periods(scope, indicator);
	}

	/**
	 * The values of every area of a level inside the city for one period (for the map,
	 * tables and downloads).
	 */
	public List<StatsQueries.Cell> cells(Scope scope, Tenant tenant, Indicator indicator, String level, String period) {
		return queries.cells(scope, indicator, level, period, city(tenant), access.seesConfidential(scope));
	}

	public List<ProfileRow> profile(Scope scope, Tenant tenant, Area area, List<Indicator> list) {
		boolean editor = access.seesConfidential(scope);
		List<ProfileRow> rows = new ArrayList<>();
		for (Indicator indicator : list) {
			// only the latest period with a value for this area is loaded (Flanders'
			// total needs all its sectors)
			List<String> periods = queries.periods(scope, indicator);
			StatsQueries.Series series = null;
			String latest = null;
			for (int i = periods.size() - 1; i >= 0 && latest == null && i >= periods.size() - 3; i--) {
				series = queries.series(scope, indicator, periods.get(i));
				if (series.value(area, periods.get(i)).isPresent()) {
					latest = periods.get(i);
				}
			}
			if (latest == null) {
				continue;
			}
			Area city = city(tenant);
			rows.add(new ProfileRow(indicator, shown(series, area, latest, editor), shown(series, city, latest, editor),
					flanders(series, city, latest, editor)));
		}
		return rows;
	}

	public List<Comparison> comparison(Scope scope, Indicator indicator, String period) {
		boolean editor = access.seesConfidential(scope);
		StatsQueries.Series series = queries.series(scope, indicator, period);
		List<Comparison> rows = new ArrayList<>();
		for (Tenant t : tenants.all()) {
			if (t.nisCode() == null || !t.centrumstad()) {
				continue;
			}
			areas.find("gemeente", t.nisCode())
				.ifPresent(a -> rows.add(new Comparison(a, t.slug(), shown(series, a, period, editor))));
		}
		Area own = scope.nisCode() == null ? null : areas.find("gemeente", scope.nisCode()).orElse(null);
		rows.add(new Comparison(flanders(), null,
				own == null ? shown(series, flanders(), period, editor) : flanders(series, own, period, editor)));
		return rows;
	}

	private Shown shown(StatsQueries.Series series, Area area, String period, boolean editor) {
		StatsQueries.Cell cell = queries.cell(series, area, period, editor);
		return new Shown(period, cell.value(), format(cell.value(), series.indicator().decimals()), cell.status(),
				cell.confidential() && editor);
	}

	/**
	 * Flanders' value beside a city's, only when it rests on data other than the city's
	 * own (else it would repeat the city's figure as a benchmark).
	 */
	private Shown flanders(StatsQueries.Series series, Area city, String period, boolean editor) {
		return series.restsBeyond(flanders(), city, period) ? shown(series, flanders(), period, editor)
				: Shown.none(period);
	}

	/**
	 * The centrumsteden figure, as the Kenniscentrum Vlaamse Steden computes it: for a
	 * ratio the 13 cities taken together (factor × Σnumerator / Σdenominator over them,
	 * never the mean of their ratios), for a count the mean per city (their total divided
	 * by their number); none for aggregation {@code none} or when a city has no value (it
	 * would then not be the figure of the centrumsteden). Suppressed when any city is
	 * (for a ratio: its numerator or denominator), else it and the other cities would
	 * give that city back.
	 */
	private Shown centrumsteden(StatsQueries.Series series, String period) {
		List<Area> cities = centrumsteden();
		Set<Long> hidden = queries.hiddenAreas(series, period);
		if (cities.stream().anyMatch(c -> hidden.contains(c.id()))) {
			return new Shown(period, null, "", "suppressed", false);
		}
		Double pooled = series.pooled(cities, period);
		if (pooled == null) {
			return Shown.none(period);
		}
		double value = series.indicator().isRatio() ? pooled : pooled / cities.size();
		return new Shown(period, value, format(value, series.indicator().decimals()), "ok", false);
	}

	private static String latest(List<Shown> trend) {
		for (int i = trend.size() - 1; i >= 0; i--) {
			if (!"missing".equals(trend.get(i).status()) || trend.get(i).value() != null) {
				return trend.get(i).period();
			}
		}
		return null;
	}

	/** SVG polyline points (100 × 30 box) of the ok values of a trend. */
	static String spark(List<Shown> trend) {
		double min = Double.MAX_VALUE;
		double max = -Double.MAX_VALUE;
		for (Shown s : trend) {
			if (s.value() != null) {
				min = Math.min(min, s.value());
				max = Math.max(max, s.value());
			}
		}
		if (min == Double.MAX_VALUE) {
			return "";
		}
		StringBuilder points = new StringBuilder();
		int n = trend.size();
		for (int i = 0; i < n; i++) {
			Double v = trend.get(i).value();
			if (v == null) {
				continue;
			}
			double x = n == 1 ? 50 : 100.0 * i / (n - 1);
			double y = max == min ? 15 : 28 - 26 * (v - min) / (max - min);
			points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
		}
		return points.toString().trim();
	}

	static String format(Double value, int decimals) {
		return StatsFormat.format(value, decimals, LocaleContextHolder.getLocale());
	}

}
