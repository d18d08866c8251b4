package be.obmi.stats.web;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.AreaGroups;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.StatsAccess;
import be.obmi.stats.query.Projections;
import be.obmi.stats.query.StatsSite;

import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import be.obmi.tenancy.Tenant;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Projections beside observations (issue 21): {@code /{slug}/cijfers/projecties} shows,
 * for an indicator with projections, the city's observed values and every scenario with
 * its base year, for the city and (for a count) its stadsregio; the import is {@code POST
 * /api/v1/{scope}/stats/projections}.
 */
@Controller
class ProjectionController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final StatsSite site;

	private final Projections projections;

	private final AreaGroups groups;

	ProjectionController(StatsSite site, Projections projections, AreaGroups groups) {
		this.site = site;
		this.projections = projections;
		this.groups = groups;
	}

	/** One place's observed and projected values by year. */
	record Place(String name, List<String> years, List<StatsSite.Shown> observed, List<Projections.Scenario> scenarios,
			String chartJson) {

		public boolean demo() {
			return scenarios.stream().anyMatch(Projections.Scenario::demo);
		}

	}

	@GetMapping("/{slug}/cijfers/projecties")
	String page(Tenant tenant, @RequestParam(name = "indicator", required = false) @Size(max = 100) String code,
			Model model) {
		Scope scope = StatsAccess.of(tenant);
		List<Indicator> candidates = projections.indicators(scope);
		Indicator indicator = candidates.stream()
			.filter(i -> i.code().equals(code))
			.findFirst()
			.orElse(candidates.isEmpty() ? null : candidates.getFirst());
		model.addAttribute("candidates", candidates);
		model.addAttribute("indicator", indicator);
		List<Place> places = new ArrayList<>();
		if (indicator != null) {
			Area city = site.city(tenant);
			StatsSite.Trend trend = site.trend(scope, tenant, indicator);
			List<StatsSite.Shown> own = trend.lines().getOrDefault(city.name(), List.of());
			places.add(place(city.name(), trend.periods(), own, projections.of(scope, indicator, city)));
			groups.stadsregio(scope).filter(r -> indicator.isSum()).ifPresent(region -> {
				List<Projections.Scenario> scenarios = projections.of(scope, indicator, region.areas());
				if (!scenarios.isEmpty()) {
					places.add(place(region.name(), List.of(), List.of(), scenarios));
				}
			});
		}
		model.addAttribute("places", places);
		return "stats/projections";
	}

	private static Place place(String name, List<String> periods, List<StatsSite.Shown> observed,
			List<Projections.Scenario> scenarios) {
		TreeSet<String> years = new TreeSet<>(periods);
		scenarios.forEach(s -> years.addAll(s.values().keySet()));
		List<String> all = List.copyOf(years);
		List<StatsSite.Shown> observedByYear = new ArrayList<>();
		for (String year : all) {
			int at = periods.indexOf(year);
			observedByYear.add(at < 0 ? null : observed.get(at));
		}
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("periods", all);
		List<Map<String, Object>> series = new ArrayList<>();
		if (!periods.isEmpty()) {
			series.add(Map.of("name", name, "values",
					observedByYear.stream().map(s -> s != null && s.ok() ? (Object) s.value() : "-").toList()));
		}
		for (Projections.Scenario s : scenarios) {
			series.add(Map.of("name", s.scenario() + " (" + s.baseYear() + ")", "values",
					all.stream().map(y -> s.values().containsKey(y) ? (Object) s.values().get(y) : "-").toList()));
		}
		chart.put("series", series);
		return new Place(name, all, observedByYear, scenarios, JSON.writeValueAsString(chart));
	}

}
