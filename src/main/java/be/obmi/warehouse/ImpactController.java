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
import java.time.Year;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The impact pages for the city's staff: per policy goal what was done, what it cost and
 * how the city changed; per wijk the located actions, their money and the wijk's key
 * figures. Read from the warehouse.
 */
@Controller
class ImpactController {

	static final String INDEX_VIEW = "warehouse/impact-index";

	static final String GOAL_VIEW = "warehouse/impact-goal";

	static final String WIJK_VIEW = "warehouse/impact-wijk";

	static final String COMPARISON_VIEW = "warehouse/comparison";

	private final ImpactQueries impact;

	private final SpendingComparison comparison;

	ImpactController(ImpactQueries impact, SpendingComparison comparison) {
		this.impact = impact;
		this.comparison = comparison;
	}

	/**
	 * Spending per policy field per inhabitant of this city next to the other cities with
	 * financial data (aggregate budget figures per policy field, which municipalities
	 * publish anyway).
	 */
	@GetMapping("/{slug}/impact/vergelijking")
	String comparison(Tenant tenant, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "false") boolean estimate, Model model) {
		if (!impact.available()) {
			return index(tenant, model);
		}
		List<Integer> years = comparison.years();
		int chosen = year != null ? year : years.isEmpty() ? Year.now().getValue() : years.getFirst();
		List<SpendingComparison.Row> rows = comparison.expenditure(chosen, estimate);
		Map<String, List<SpendingComparison.Row>> byField = rows.stream()
			.collect(Collectors.groupingBy(r -> r.policyField() + " " + r.policyFieldName(), LinkedHashMap::new,
					Collectors.toList()));
		model.addAttribute("years", years);
		model.addAttribute("year", chosen);
		model.addAttribute("estimate", estimate);
		model.addAttribute("byField", byField);
		return COMPARISON_VIEW;
	}

	@GetMapping("/{slug}/impact")
	String index(Tenant tenant, Model model) {
		boolean available = impact.available();
		model.addAttribute("available", available);
		if (available) {
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
		model.addAttribute("goal",
				impact.goal(tenant, code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
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
			.collect(Collectors.groupingBy(p -> p.statsCode() + "|" + p.areaLevel() + "|" + p.area(),
					LinkedHashMap::new, Collectors.toList()));
		return grouped.values()
			.stream()
			.map(list -> new Series(list.getFirst().statsCode(), list.getFirst().name(), list.getFirst().unit(),
					list.getFirst().area(), list.getFirst().areaLevel(), list))
			.toList();
	}

}
