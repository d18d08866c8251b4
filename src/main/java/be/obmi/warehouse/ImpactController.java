package be.obmi.warehouse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import be.obmi.tenancy.Tenant;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The impact pages for the city's staff: per policy goal what was done, what it cost and how the city changed; per
 * wijk the located actions, their money and the wijk's key figures. Read from the warehouse.
 */
@Controller
class ImpactController {

	static final String INDEX_VIEW = "warehouse/impact-index";

	static final String GOAL_VIEW = "warehouse/impact-goal";

	static final String WIJK_VIEW = "warehouse/impact-wijk";

	private final ImpactQueries impact;

	ImpactController(ImpactQueries impact) {
		this.impact = impact;
	}

	@GetMapping("/{slug}/impact")
	String index(Tenant tenant, Model model) {
		model.addAttribute("available", impact.available());
		if (impact.available()) {
			model.addAttribute("goals", impact.goals(tenant));
			model.addAttribute("wijken", impact.wijken(tenant));
		}
		return INDEX_VIEW;
	}

	@GetMapping("/{slug}/impact/doelstelling/{code}")
	String goal(Tenant tenant, @PathVariable String code, Model model) {
		if (!impact.available()) {
			return index(tenant, model);
		}
		model.addAttribute("goal", impact.goal(tenant, code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("actions", impact.actions(tenant, code));
		model.addAttribute("money", impact.money(tenant, code));
		model.addAttribute("outputs", impact.outputs(tenant, code));
		model.addAttribute("statistics", series(impact.linkedStatistics(tenant, code)));
		return GOAL_VIEW;
	}

	@GetMapping("/{slug}/impact/wijk/{wijk}")
	String wijk(Tenant tenant, @PathVariable String wijk, Model model) {
		if (!impact.available()) {
			return index(tenant, model);
		}
		List<ImpactQueries.Action> actions = impact.actionsInWijk(tenant, wijk);
		if (actions.isEmpty() && !impact.wijken(tenant).contains(wijk)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("wijk", wijk);
		model.addAttribute("actions", actions);
		model.addAttribute("money", impact.moneyInWijk(tenant, wijk));
		model.addAttribute("figures", impact.wijkFigures(tenant, wijk));
		return WIJK_VIEW;
	}

	/** One statistic for one area over the years, for a table row per series. */
	record Series(String statsCode, String name, String unit, String area, String areaLevel,
			List<ImpactQueries.StatisticPoint> points) {
	}

	static List<Series> series(List<ImpactQueries.StatisticPoint> points) {
		Map<String, List<ImpactQueries.StatisticPoint>> grouped = points.stream()
			.collect(Collectors.groupingBy(p -> p.statsCode() + "|" + p.areaLevel() + "|" + p.area(), LinkedHashMap::new,
					Collectors.toList()));
		return grouped.values().stream()
			.map(list -> new Series(list.getFirst().statsCode(), list.getFirst().name(), list.getFirst().unit(),
					list.getFirst().area(), list.getFirst().areaLevel(), list))
			.toList();
	}

}
