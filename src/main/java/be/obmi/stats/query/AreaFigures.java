package be.obmi.stats.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.query.AreaReport.Figure;
import be.obmi.stats.query.AreaReport.Index;
import be.obmi.stats.query.StatsSite.Shown;

import org.springframework.stereotype.Component;

/**
 * One key figure of an {@link AreaReport}: the area's value at the latest period with
 * one, the city's and the benchmarks' (Flanders only when it rests on data beyond the
 * city's, the centrumsteden only when all of them have the inputs), the share, the
 * indices computed from shown values only, the trend and a survey's margin. Every value
 * is a cell of the disclosure-aware read model ({@link StatsQueries}).
 */
@Component
class AreaFigures {

	/** Periods in a trend chart: the latest ten years or so. */
	static final int TREND_PERIODS = 11;

	private final StatsQueries queries;

	private final StatsSite site;

	private final AreaTotals totals;

	private final FocusedSeries focusedSeries;

	AreaFigures(StatsQueries queries, StatsSite site, AreaTotals totals, FocusedSeries focusedSeries) {
		this.queries = queries;
		this.site = site;
		this.totals = totals;
		this.focusedSeries = focusedSeries;
	}

	/**
	 * The series a report of {@code area} reads for {@code indicators}: only the area's,
	 * the city's, Flanders' and the centrumsteden's values, from stored rows and the
	 * stored aggregates ({@link AreaTotals}) while those are current; else the full
	 * series of the read model.
	 */
	Function<Indicator, StatsQueries.Series> series(Scope scope, List<Indicator> indicators, Area area, Area city) {
		if (!totals.usable(scope)) {
			return indicator -> queries.series(scope, indicator, null);
		}
		List<Area> focus = new ArrayList<>(List.of(area, city, site.flanders()));
		focus.addAll(site.centrumsteden());
		Map<Long, StatsQueries.Series> focused = focusedSeries.focused(scope, indicators, focus);
		return indicator -> focused.computeIfAbsent(indicator.id(), id -> queries.series(scope, indicator, null));
	}

	/**
	 * The figure of an indicator for the area, at the latest period with a value for it;
	 * empty when none.
	 */
	Optional<Figure> figure(Function<Indicator, StatsQueries.Series> seriesOf, boolean editor, Area area, Area city,
			Indicator indicator, Optional<Indicator> shareIndicator) {
		StatsQueries.Series series = seriesOf.apply(indicator);
		List<String> periods = series.periods();
		String latest = null;
		for (int i = periods.size() - 1; i >= 0 && latest == null; i--) {
			if (series.value(area, periods.get(i)).isPresent()) {
				latest = periods.get(i);
			}
		}
		if (latest == null) {
			return Optional.empty();
		}
		Area flanders = site.flanders();
		Shown value = shown(series, area, latest, editor);
		Shown cityValue = shown(series, city, latest, editor);
		Shown flandersValue = benchmark(series, flanders, city, latest, editor);
		List<String> shownPeriods = periods.subList(Math.max(0, periods.size() - TREND_PERIODS), periods.size());
		List<Shown> trend = new ArrayList<>();
		List<Shown> cityTrend = new ArrayList<>();
		for (String p : shownPeriods) {
			trend.add(shown(series, area, p, editor));
			if (indicator.isRatio() && area.id() != city.id()) {
				cityTrend.add(shown(series, city, p, editor));
			}
		}
		if (shareIndicator.isEmpty()) {
			Index none = index(Shown.none(latest), Shown.none(latest));
			return Optional.of(new Figure(indicator, value, cityValue, flandersValue, null, null, null, none, none,
					none, shownPeriods, trend, cityTrend, surveyMargin(series, area, latest, editor)));
		}
		StatsQueries.Series shares = indicator.isRatio() ? series : seriesOf.apply(shareIndicator.get());
		Shown share = shown(shares, area, latest, editor);
		Shown cityShare = shown(shares, city, latest, editor);
		Shown flandersShare = benchmark(shares, flanders, city, latest, editor);
		Shown centrumsteden = centrumsteden(shares, latest);
		return Optional.of(new Figure(indicator, value, cityValue, flandersValue, shareIndicator.get(), share,
				cityShare, index(share, cityShare), index(share, flandersShare), index(share, centrumsteden),
				shownPeriods, trend, cityTrend, surveyMargin(series, area, latest, editor)));
	}

	/** The 95% margin of a survey indicator's shown value; null for other indicators. */
	private Double surveyMargin(StatsQueries.Series series, Area area, String period, boolean editor) {
		if (!series.indicator().isSurvey()) {
			return null;
		}
		StatsQueries.Cell cell = queries.cell(series, area, period, editor);
		return "ok".equals(cell.status()) ? cell.margin() : null;
	}

	private Shown shown(StatsQueries.Series series, Area area, String period, boolean editor) {
		StatsQueries.Cell cell = queries.cell(series, area, period, editor);
		return new Shown(period, cell.value(), StatsSite.format(cell.value(), series.indicator().decimals()),
				cell.status(), cell.confidential() && editor);
	}

	/** A benchmark's value, only when it rests on data other than the city's own. */
	private Shown benchmark(StatsQueries.Series series, Area benchmark, Area city, String period, boolean editor) {
		return series.restsBeyond(benchmark, city, period) ? shown(series, benchmark, period, editor)
				: Shown.none(period);
	}

	/**
	 * The centrumsteden taken together for a ratio (factor × Σnumerator / Σdenominator),
	 * as {@code StatsSite} shows it: suppressed when one city is, none unless every city
	 * has the inputs.
	 */
	private Shown centrumsteden(StatsQueries.Series ratio, String period) {
		List<Area> cities = site.centrumsteden();
		Set<Long> hidden = queries.hiddenAreas(ratio, period);
		if (cities.stream().anyMatch(c -> hidden.contains(c.id()))) {
			return new Shown(period, null, "", "suppressed", false);
		}
		Double pooled = ratio.pooled(cities, period);
		return pooled == null ? Shown.none(period)
				: new Shown(period, pooled, StatsSite.format(pooled, ratio.indicator().decimals()), "ok", false);
	}

	/**
	 * 100 × area / benchmark, rounded to a whole number, from the two shown values only.
	 */
	static Index index(Shown area, Shown benchmark) {
		boolean confidential = area.confidential() || benchmark.confidential();
		if ("suppressed".equals(area.status()) || "suppressed".equals(benchmark.status())) {
			return new Index(null, "", "suppressed", confidential);
		}
		if (!area.ok() || !benchmark.ok() || area.value() == null || benchmark.value() == null
				|| benchmark.value() == 0) {
			return new Index(null, "", "missing", false);
		}
		double value = Math.round(100 * area.value() / benchmark.value());
		return new Index(value, StatsSite.format(value, 0), "ok", confidential);
	}

}
