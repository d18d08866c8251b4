package be.obmi.stats.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editions of a survey indicator (the Gemeente-Stadsmonitor of 2017, 2020, 2023, …: a
 * period is an edition) with, beside each value, its respondents {@code n}, the
 * population {@code N} and the 95% confidence interval value ± margin. The margin is the
 * one the import stored ({@code ObservationImporter.margin}); values and their disclosure
 * come from {@link StatsQueries}, so an interval is only given beside a value the visitor
 * may see.
 */
@Service
public class SurveyEditions {

	/** The sample behind one stored value. */
	public record Sample(Integer n, Long population) {

		public static final Sample NONE = new Sample(null, null);

	}

	/**
	 * One edition of an area: its value as shown ({@code cell}) and its sample.
	 *
	 * @param margin the 95% margin in the value's unit (percentage points); null when the
	 * value is not shown or has no n
	 */
	public record Edition(StatsQueries.Cell cell, Integer n, Long population, Double margin) {

		public Area area() {
			return cell.area();
		}

		public String period() {
			return cell.period();
		}

		public Double value() {
			return cell.value();
		}

		public boolean hasInterval() {
			return cell.value() != null && margin != null;
		}

		public Double lower() {
			return hasInterval() ? round(cell.value() - margin) : null;
		}

		public Double upper() {
			return hasInterval() ? round(cell.value() + margin) : null;
		}

		/** To the margin's precision (three decimals), without floating-point tails. */
		private static double round(double x) {
			return Math.round(x * 1000) / 1000.0;
		}

	}

	private final StatsQueries queries;

	private final StatsSite site;

	private final JdbcClient jdbc;

	SurveyEditions(StatsQueries queries, StatsSite site, JdbcClient jdbc) {
		this.queries = queries;
		this.site = site;
		this.jdbc = jdbc;
	}

	/** The centrumsteden in one edition, for the comparison under the trend. */
	@Transactional(readOnly = true)
	public List<Edition> centrumsteden(Scope scope, Indicator indicator, String period, boolean editor) {
		StatsQueries.Series series = queries.series(scope, indicator, period);
		Map<String, Sample> samples = samples(scope, indicator);
		return queries.cells(series, site.centrumsteden(), period, editor)
			.stream()
			.map(c -> edition(c, samples.getOrDefault(key(c.area(), period), Sample.NONE)))
			.toList();
	}

	/** The area's editions, oldest first; every period of the indicator in the scope. */
	@Transactional(readOnly = true)
	public List<Edition> of(Scope scope, Indicator indicator, Area area, boolean editor) {
		StatsQueries.Series series = queries.series(scope, indicator, null);
		Map<String, Sample> samples = samples(scope, indicator);
		List<Edition> editions = new ArrayList<>();
		for (String period : queries.periods(scope, indicator)) {
			editions.add(edition(queries.cell(series, area, period, editor),
					samples.getOrDefault(key(area, period), Sample.NONE)));
		}
		return editions;
	}

	/** A value as shown with its sample. */
	public static Edition edition(StatsQueries.Cell cell, Sample sample) {
		boolean shown = "ok".equals(cell.status());
		return new Edition(cell, sample.n(), sample.population(), shown ? cell.margin() : null);
	}

	/**
	 * The samples of every stored value of the indicator in the scope, by
	 * {@link #key(Area, String)}; the tenant's own value over the platform's.
	 */
	@Transactional(readOnly = true)
	public Map<String, Sample> samples(Scope scope, Indicator indicator) {
		Map<String, Sample> samples = new HashMap<>();
		jdbc.sql("""
				select area_id, period, sample_n, population_n from stats.observation
				where indicator_id = ? and breakdown = '' and coalesce(tenant_id, 0) in (0, ?)
				order by tenant_id nulls first""").params(indicator.id(), scope.key()).query(rs -> {
			samples.put(rs.getLong("area_id") + "|" + rs.getString("period"),
					new Sample(rs.getObject("sample_n", Integer.class), rs.getObject("population_n", Long.class)));
		});
		return samples;
	}

	public static String key(Area area, String period) {
		return area.id() + "|" + period;
	}

}
