package be.obmi.stats.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Series of a few areas only (the area of a report, its city, Flanders and the
 * centrumsteden), read from their stored rows and the stored aggregates of
 * {@link AreaTotals} instead of from every sector of Flanders.
 */
@Component
class FocusedSeries {

	private final JdbcClient jdbc;

	private final Indicators indicators;

	private final StatsQueries queries;

	private final AreaTotals totals;

	FocusedSeries(JdbcClient jdbc, Indicators indicators, StatsQueries queries, AreaTotals totals) {
		this.jdbc = jdbc;
		this.indicators = indicators;
		this.queries = queries;
		this.totals = totals;
	}

	/**
	 * The series of {@code list} (and of their numerators and denominators) for the
	 * {@code focus} areas only: their stored rows (the tenant's over the platform's) and
	 * the stored aggregates of the scope, read in two queries. Only when
	 * {@link AreaTotals#usable(Scope)}.
	 */
	Map<Long, StatsQueries.Series> focused(Scope scope, List<Indicator> list, List<Area> focus) {
		Set<Long> ids = new HashSet<>();
		List<Indicator> pending = new ArrayList<>(list);
		while (!pending.isEmpty()) {
			Indicator i = pending.removeLast();
			if (ids.add(i.id()) && i.isRatio()) {
				indicators.byId(i.numeratorId()).ifPresent(pending::add);
				indicators.byId(i.denominatorId()).ifPresent(pending::add);
			}
		}
		Long[] indicatorIds = ids.toArray(Long[]::new);
		Long[] areaIds = focus.stream().map(Area::id).distinct().toArray(Long[]::new);
		Map<Long, Map<String, Map<Long, StatsQueries.Obs>>> direct = new HashMap<>();
		Map<Long, Map<String, Map<Long, StatsQueries.Obs>>> own = new HashMap<>();
		jdbc.sql(
				"""
						select coalesce(tenant_id, 0) as scope_key, indicator_id, area_id, period, value, missing_reason,
						  provisional, estimated, margin
						from stats.observation
						where indicator_id = any(?) and area_id = any(?) and breakdown = '' and coalesce(tenant_id, 0) in (0, ?)""")
			.params(indicatorIds, areaIds, scope.key())
			.query(rs -> {
				(rs.getLong("scope_key") == 0 ? direct : own)
					.computeIfAbsent(rs.getLong("indicator_id"), k -> new HashMap<>())
					.computeIfAbsent(rs.getString("period"), k -> new HashMap<>())
					.put(rs.getLong("area_id"),
							new StatsQueries.Obs(rs.getObject("value", Double.class), rs.getString("missing_reason"),
									rs.getBoolean("provisional"), rs.getBoolean("estimated"),
									rs.getObject("margin", Double.class)));
			});
		// a tenant's own values override the platform's
		own.forEach((indicatorId, byPeriod) -> byPeriod
			.forEach((period, values) -> direct.computeIfAbsent(indicatorId, k -> new HashMap<>())
				.computeIfAbsent(period, k -> new HashMap<>())
				.putAll(values)));
		Map<Long, Map<String, Map<Long, Double>>> aggregated = new HashMap<>();
		Map<Long, Map<String, Map<Long, Integer>>> inside = new HashMap<>();
		jdbc.sql("""
				select scope_key, indicator_id, area_id, period, value, direct, stored_within from stats.area_total
				where scope_key in (0, ?) and indicator_id = any(?) and area_id = any(?)""")
			.params(scope.key(), indicatorIds, areaIds)
			.query(rs -> {
				long indicatorId = rs.getLong("indicator_id");
				if (rs.getLong("scope_key") != totals.aggregateScope(scope, indicatorId)) {
					return;
				}
				String period = rs.getString("period");
				Double value = rs.getObject("value", Double.class);
				if (value != null && !rs.getBoolean("direct")) {
					aggregated.computeIfAbsent(indicatorId, k -> new HashMap<>())
						.computeIfAbsent(period, k -> new HashMap<>())
						.put(rs.getLong("area_id"), value);
				}
				inside.computeIfAbsent(indicatorId, k -> new HashMap<>())
					.computeIfAbsent(period, k -> new HashMap<>())
					.put(rs.getLong("area_id"), rs.getInt("stored_within"));
			});
		Map<Long, StatsQueries.Focus> data = new HashMap<>();
		for (long id : ids) {
			data.put(id,
					new StatsQueries.Focus(direct.getOrDefault(id, Map.of()), aggregated.getOrDefault(id, Map.of()),
							inside.getOrDefault(id, Map.of()), totals.periods(scope, id)));
		}
		Map<Long, StatsQueries.Series> result = new HashMap<>();
		for (Indicator indicator : list) {
			result.put(indicator.id(), queries.focused(scope, indicator, data::get));
		}
		return result;
	}

}
