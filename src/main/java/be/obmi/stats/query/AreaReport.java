package be.obmi.stats.query;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Areas;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.StatsAccess;
import be.obmi.stats.query.StatsSite.Shown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The area report (steekkaart) of a wijk, deelgemeente, sector or the city: per theme the
 * key figures of the latest period with a value for the area, their share and their index
 * against the city, Flanders and the centrumsteden, and their trend.
 * <p>
 * Every number comes from the disclosure-aware read model ({@link StatsQueries}): a value
 * is shown as a cell of its series, a share is the value of a published ratio indicator
 * (so it is suppressed wherever its numerator or its denominator is), and an index is
 * computed only from two shown values, so it is suppressed when either is and never gives
 * back more than the two values it is made of. The share of a count is the value of the
 * published percentage whose numerator it is (its <em>natural denominator</em>: the share
 * of 65-plussers for the number of 65-plussers); a ratio is its own share; a count
 * without such a percentage has neither share nor index. Benchmarks follow the rule of
 * the site ({@link StatsQueries.Series#restsBeyond}): Flanders only when its value rests
 * on data other than the city's, the centrumsteden only when every one of them has the
 * inputs. Each figure is computed by {@link AreaFigures}.
 */
@Service
@Transactional(readOnly = true)
public class AreaReport {

	/**
	 * An index (benchmark = 100): {@code text} the whole number or empty; {@code status}
	 * ok, suppressed (an input is) or missing.
	 */
	public record Index(Double value, String text, String status, boolean confidential) {

		public boolean ok() {
			return "ok".equals(status);
		}

	}

	/**
	 * One key figure of the area.
	 *
	 * @param shareIndicator the ratio whose value is the share (the indicator itself for
	 * a ratio); null when the figure has no share
	 * @param trend the area's values, oldest first, one per period of {@code periods}
	 * @param cityTrend the city's values for a ratio (comparable with the area's), else
	 * empty
	 */
	public record Figure(Indicator indicator, Shown value, Shown city, Shown flanders, Indicator shareIndicator,
			Shown share, Shown cityShare, Index toCity, Index toFlanders, Index toCentrumsteden, List<String> periods,
			List<Shown> trend, List<Shown> cityTrend, Double margin) {

		/** A figure without a survey margin. */
		public Figure(Indicator indicator, Shown value, Shown city, Shown flanders, Indicator shareIndicator,
				Shown share, Shown cityShare, Index toCity, Index toFlanders, Index toCentrumsteden,
				List<String> periods, List<Shown> trend, List<Shown> cityTrend) {
			this(indicator, value, city, flanders, shareIndicator, share, cityShare, toCity, toFlanders,
					toCentrumsteden, periods, trend, cityTrend, null);
		}

		public boolean hasShare() {
			return shareIndicator != null;
		}

		/**
		 * Whether the value is a survey result shown with its 95% confidence interval
		 * (value ± {@code margin}).
		 */
		public boolean hasInterval() {
			return margin != null && value.ok() && value.value() != null;
		}

		public Double lower() {
			return hasInterval() ? value.value() - margin : null;
		}

		public Double upper() {
			return hasInterval() ? value.value() + margin : null;
		}

	}

	/**
	 * The report of one area.
	 *
	 * @param trail the areas from the city down to the area's parent, for breadcrumbs
	 * @param location for a sector: the deelgemeente or wijk it lies in, when the
	 * reference data knows it; else null
	 */
	public record Report(Area area, Area city, Area flanders, List<Area> trail, Area location,
			Map<String, List<Figure>> themes, boolean demo) {

		public boolean isCity() {
			return area.id() == city.id();
		}

	}

	private final AreaFigures areaFigures;

	private final StatsSite site;

	private final Areas areas;

	private final StatsAccess access;

	AreaReport(AreaFigures areaFigures, StatsSite site, Areas areas, StatsAccess access) {
		this.areaFigures = areaFigures;
		this.site = site;
		this.areas = areas;
		this.access = access;
	}

	/**
	 * The report of {@code area}, which must lie within the tenant's city; never null,
	 * its themes empty when nothing has a value for the area.
	 */
	public Report of(Scope scope, Tenant tenant, Area area) {
		Area city = site.city(tenant);
		boolean editor = access.seesConfidential(scope);
		Map<String, List<Indicator>> themes = site.themes(scope);
		List<Indicator> all = themes.values().stream().flatMap(List::stream).toList();
		Function<Indicator, StatsQueries.Series> seriesOf = areaFigures.series(scope, all, area, city);
		Map<String, List<Figure>> figures = new LinkedHashMap<>();
		themes.forEach((theme, list) -> {
			List<Figure> rows = new ArrayList<>();
			for (Indicator indicator : list) {
				areaFigures.figure(seriesOf, editor, area, city, indicator, shareOf(indicator, all))
					.ifPresent(rows::add);
			}
			if (!rows.isEmpty()) {
				figures.put(theme, rows);
			}
		});
		boolean demo = figures.values().stream().flatMap(List::stream).anyMatch(f -> f.indicator().demo());
		return new Report(area, city, site.flanders(), trail(area, city), location(area), figures, demo);
	}

	/**
	 * A theme fact sheet of the tenant's city: the figures of {@code codes}, in that
	 * order, under {@code title}; a code the tenant does not see or has no value for is
	 * left out.
	 */
	public Report sheet(Scope scope, Tenant tenant, String title, List<String> codes) {
		Area city = site.city(tenant);
		boolean editor = access.seesConfidential(scope);
		List<Indicator> all = site.themes(scope).values().stream().flatMap(List::stream).toList();
		Function<Indicator, StatsQueries.Series> seriesOf = areaFigures.series(scope, all, city, city);
		List<Figure> rows = new ArrayList<>();
		for (String code : codes) {
			all.stream()
				.filter(i -> i.code().equals(code))
				.findFirst()
				.flatMap(indicator -> areaFigures.figure(seriesOf, editor, city, city, indicator,
						shareOf(indicator, all)))
				.ifPresent(rows::add);
		}
		Map<String, List<Figure>> figures = rows.isEmpty() ? Map.of() : Map.of(title, rows);
		boolean demo = rows.stream().anyMatch(f -> f.indicator().demo());
		return new Report(city, city, site.flanders(), trail(city, city), null, figures, demo);
	}

	/**
	 * The ratio that gives a count its share: a published percentage with the count as
	 * numerator; the indicator itself for a ratio.
	 */
	static Optional<Indicator> shareOf(Indicator indicator, List<Indicator> visible) {
		if (indicator.isRatio()) {
			return Optional.of(indicator);
		}
		if (!indicator.isSum()) {
			return Optional.empty();
		}
		return visible.stream()
			.filter(Indicator::isRatio)
			.filter(r -> r.numeratorId() == indicator.id() && isPercent(r.unit()))
			.findFirst();
	}

	static boolean isPercent(String unit) {
		return unit != null && unit.strip().toLowerCase(Locale.ROOT).matches("procent|percent|%");
	}

	/** The areas above {@code area} up to the city, the city first. */
	private List<Area> trail(Area area, Area city) {
		List<Area> trail = new ArrayList<>();
		Optional<Area> parent = area.id() == city.id() ? Optional.empty() : areas.parent(area);
		while (parent.isPresent() && parent.get().id() != city.id() && areas.isWithin(parent.get(), city)) {
			trail.addFirst(parent.get());
			parent = areas.parent(parent.get());
		}
		if (area.id() != city.id()) {
			trail.addFirst(city);
		}
		return trail;
	}

	/**
	 * Where a sector lies: its parent when that is a wijk or a deelgemeente. The
	 * reference data has no sector→wijk relation (the demo's {@code DemoWijken} is a demo
	 * device, not geography), so today this is the deelgemeente.
	 */
	private Area location(Area area) {
		if (!"statsec".equals(area.level())) {
			return null;
		}
		return areas.parent(area)
			.filter(p -> "wijk".equals(p.level()) || "deelgemeente".equals(p.level()))
			.orElse(null);
	}

}
