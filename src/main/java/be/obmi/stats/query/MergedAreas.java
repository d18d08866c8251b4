package be.obmi.stats.query;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Areas;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.StatsAccess;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Series on a newer layout of the municipalities (issue 21, "Area versions across
 * mergers"): a version (e.g. 2025) maps municipalities of the reference to the merged
 * municipality they became. A merged municipality's value in a period before the merger
 * is derived from its old parts like any aggregate: a count is their sum, a ratio factor
 * × Σnumerator / Σdenominator over them; an indicator with aggregation {@code none} (a
 * survey percentage, an average given by the source) cannot be derived and is marked
 * {@code notAdditive}, never shown as a figure. From the version's start on, the value
 * stored for the new code is read when the reference has that area. Disclosure:
 * suppressed when one of the old parts is (the sum would give it back), as every group
 * figure.
 */
@Service
@Transactional(readOnly = true)
public class MergedAreas {

	/** A merged municipality: its new code and name and the old municipalities. */
	public record Merger(String code, String name, List<Area> parts) {
	}

	/**
	 * A version of the layout.
	 *
	 * @param validFrom the date the mergers took effect
	 */
	public record Version(String code, String name, LocalDate validFrom, String source, List<Merger> mergers) {
	}

	/**
	 * One period of a merged municipality's series: {@code status} ok, suppressed,
	 * missing or notAdditive; {@code summed} when derived from the old parts.
	 */
	public record Point(String period, Double value, String text, String status, boolean summed, boolean confidential) {
	}

	private final JdbcClient jdbc;

	private final Areas areas;

	private final StatsQueries queries;

	private final StatsAccess access;

	private final AreaGroupFigures groups;

	MergedAreas(JdbcClient jdbc, Areas areas, StatsQueries queries, StatsAccess access, AreaGroupFigures groups) {
		this.jdbc = jdbc;
		this.areas = areas;
		this.queries = queries;
		this.access = access;
		this.groups = groups;
	}

	public Optional<Version> version(String code) {
		return jdbc.sql("select id, code, name, valid_from, source from stats.area_version where code = ?")
			.param(code)
			.query((rs, n) -> new Version(rs.getString("code"), rs.getString("name"),
					rs.getObject("valid_from", LocalDate.class), rs.getString("source"), mergers(rs.getLong("id"))))
			.optional();
	}

	private List<Merger> mergers(long versionId) {
		Map<String, String> names = new LinkedHashMap<>();
		Map<String, List<Area>> parts = new LinkedHashMap<>();
		jdbc.sql("""
				select new_code, new_name, old_area_id from stats.area_merger where version_id = ?
				order by new_name, new_code, old_area_id""").param(versionId).query(rs -> {
			names.put(rs.getString("new_code"), rs.getString("new_name"));
			Area old = areas.byId(rs.getLong("old_area_id"));
			if (old != null) {
				parts.computeIfAbsent(rs.getString("new_code"), k -> new ArrayList<>()).add(old);
			}
		});
		List<Merger> list = new ArrayList<>();
		names.forEach(
				(code, name) -> list.add(new Merger(code, name, List.copyOf(parts.getOrDefault(code, List.of())))));
		return list;
	}

	/**
	 * The merged municipality that a municipality of the reference became in a version,
	 * if it was merged.
	 */
	public Optional<Merger> mergerOf(Version version, String municipalityCode) {
		return version.mergers()
			.stream()
			.filter(m -> m.parts().stream().anyMatch(p -> p.code().equals(municipalityCode)))
			.findFirst();
	}

	/** Every period of an indicator on the new layout for one merged municipality. */
	public List<Point> series(Scope scope, Indicator indicator, Version version, Merger merger) {
		boolean editor = access.seesConfidential(scope);
		StatsQueries.Series series = queries.series(scope, indicator, null);
		List<Point> points = new ArrayList<>();
		for (String period : series.periods()) {
			points.add(point(series, version, merger, period, editor));
		}
		return points;
	}

	/** One period on the new layout. */
	public Point point(Scope scope, Indicator indicator, Version version, Merger merger, String period) {
		return point(queries.series(scope, indicator, period), version, merger, period, access.seesConfidential(scope));
	}

	private Point point(StatsQueries.Series series, Version version, Merger merger, String period, boolean editor) {
		Indicator indicator = series.indicator();
		int decimals = indicator.decimals();
		Optional<Area> own = areas.find("gemeente", merger.code());
		boolean after = Integer.parseInt(period.substring(0, 4)) >= version.validFrom().getYear();
		if (after && own.isPresent()) {
			// from the merger on, a source gives the new municipality under its code
			// (also
			// when it kept an old one, as Antwerpen with Borsbeek)
			StatsQueries.Cell cell = queries.cell(series, own.get(), period, editor);
			return new Point(period, cell.value(), StatsSite.format(cell.value(), decimals), cell.status(), false,
					cell.confidential() && editor);
		}
		if (!indicator.isSum() && !indicator.isRatio()) {
			return new Point(period, null, "", "notAdditive", true, false);
		}
		// the old parts taken together, as any group of areas
		StatsSite.Shown pooled = groups.pooled(series, merger.parts(), period, editor);
		return new Point(period, pooled.value(), pooled.text(), pooled.status(), true, pooled.confidential());
	}

}
