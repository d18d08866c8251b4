package be.obmi.stats.query;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.Scope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads projections (issue 21): per indicator and area, one series per scenario and base
 * year, shown beside the observed values and never mixed with them. The tenant's own
 * projections come first, then the platform's. For a group of areas (a stadsregio) the
 * projection of a count is the sum of its members' projections, given only when every
 * member has one for that year; a ratio or an average is not summed.
 */
@Service
@Transactional(readOnly = true)
public class Projections {

	/**
	 * One projected series: {@code values} by year, oldest first; {@code demo} when it
	 * came from a demo import (fictitious).
	 */
	public record Scenario(String scenario, int baseYear, boolean demo, Map<String, Double> values) {
	}

	private final JdbcClient jdbc;

	private final Indicators indicators;

	Projections(JdbcClient jdbc, Indicators indicators) {
		this.jdbc = jdbc;
		this.indicators = indicators;
	}

	/** The published indicators of the scope that have projections. */
	public List<Indicator> indicators(Scope scope) {
		return jdbc.sql("""
				select distinct indicator_id from stats.projection where coalesce(tenant_id, 0) in (0, ?) order by 1""")
			.param(scope.key())
			.query(Long.class)
			.list()
			.stream()
			.map(id -> indicators.byId(id).orElse(null))
			.filter(i -> i != null && i.published())
			.toList();
	}

	/** The scenarios of an indicator for one area. */
	public List<Scenario> of(Scope scope, Indicator indicator, Area area) {
		return of(scope, indicator, List.of(area));
	}

	/**
	 * The scenarios of an indicator for areas taken together (a count only, else one
	 * area).
	 */
	public List<Scenario> of(Scope scope, Indicator indicator, List<Area> areas) {
		if (areas.isEmpty() || (areas.size() > 1 && !indicator.isSum())) {
			return List.of();
		}
		Long[] ids = areas.stream().map(Area::id).toArray(Long[]::new);
		Map<String, Boolean> demo = new HashMap<>();
		List<Scenario> result = new ArrayList<>();
		for (long scopeKey : scope.isPlatform() ? new long[] { 0 } : new long[] { scope.key(), 0 }) {
			Map<String, TreeMap<String, Double>> series = new LinkedHashMap<>();
			jdbc.sql("""
					select p.scenario, p.base_year, p.period, sum(p.value) as total, count(*) as parts,
					       bool_or(i.demo) as demo
					from stats.projection p join stats.projection_import i on i.id = p.import_id
					where p.indicator_id = ? and coalesce(p.tenant_id, 0) = ? and p.area_id = any (?)
					group by p.scenario, p.base_year, p.period
					order by p.base_year desc, p.scenario, p.period""")
				.params(indicator.id(), scopeKey, ids)
				.query(rs -> {
					if (rs.getInt("parts") == ids.length) {
						String key = rs.getString("scenario") + "\n" + rs.getInt("base_year");
						series.computeIfAbsent(key, k -> new TreeMap<>())
							.put(rs.getString("period"), rs.getDouble("total"));
						demo.merge(key, rs.getBoolean("demo"), Boolean::logicalOr);
					}
				});
			for (Map.Entry<String, TreeMap<String, Double>> e : series.entrySet()) {
				String[] key = e.getKey().split("\n");
				boolean shadowed = result.stream()
					.anyMatch(s -> s.scenario().equals(key[0]) && s.baseYear() == Integer.parseInt(key[1]));
				if (!shadowed) {
					result.add(new Scenario(key[0], Integer.parseInt(key[1]), demo.get(e.getKey()), e.getValue()));
				}
			}
		}
		return result;
	}

}
