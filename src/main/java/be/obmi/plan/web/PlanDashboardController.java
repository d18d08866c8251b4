package be.obmi.plan.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import be.obmi.plan.domain.Indicators;
import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.ItemType;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanTree;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import be.obmi.plan.FinancialFigures;
import be.obmi.plan.domain.Release;
import java.util.Comparator;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The plan dashboard: status per goal, progress over rounds, the change since the
 * previous published round, bottlenecks, overdue releases and the financial execution;
 * narrowed by a {@link PlanFilter} (goal, schepen, department, beleidsveld).
 */
@Controller
@RequestMapping("/{slug}/plan")
class PlanDashboardController {

	static final String DASHBOARD_VIEW = "plan/dashboard";

	/**
	 * The dashboard lists at most this many bottlenecks (the priority ones come first).
	 */
	static final int MAX_BOTTLENECKS = 100;

	private final StatusRounds rounds;

	private final Indicators indicators;

	private final MessageSource messages;

	private final ObjectProvider<FinancialFigures> finance;

	private final PlanSelections selections;

	PlanDashboardController(PlanSelections selections, StatusRounds rounds, Indicators indicators,
			MessageSource messages, ObjectProvider<FinancialFigures> finance) {
		this.selections = selections;
		this.rounds = rounds;
		this.indicators = indicators;
		this.messages = messages;
		this.finance = finance;
	}

	/**
	 * The dashboard of the actions that pass the filter (every action without one):
	 * status counts, progress, the change since the previous published round and the
	 * bottlenecks of that selection, its overdue releases and the financial execution of
	 * its goals.
	 */
	@GetMapping("/dashboard")
	String dashboard(Tenant tenant, @ModelAttribute("filter") PlanFilter filter, BindingResult errors, Model model,
			Locale locale, HttpServletResponse response) {
		PlanSelections.Selection selection = selections.select(tenant, filter, errors, model, locale, response);
		Plan plan = selection.plan();
		PlanTree tree = selection.selected();
		model.addAttribute("tree", tree);
		model.addAttribute("statuses", ItemStatus.values());
		model.addAttribute("goals", tree.roots());
		model.addAttribute("change", rounds.changeSincePreviousRound(plan, selection.scope()).orElse(null));
		List<PlanTree.Node> bottlenecks = bottlenecks(tree);
		model.addAttribute("bottleneckCount", bottlenecks.size());
		model.addAttribute("bottlenecks",
				bottlenecks.size() > MAX_BOTTLENECKS ? bottlenecks.subList(0, MAX_BOTTLENECKS) : bottlenecks);
		List<Map.Entry<StatusRound, PlanTree>> overRounds = rounds.progressOverRounds(plan, selection.scope());
		model.addAttribute("overRounds", overRounds);
		Set<Long> inScope = new HashSet<>();
		selection.scope().forEach(item -> inScope.add(item.id()));
		List<Release> overdue = indicators.overdue(plan, LocalDate.now())
			.stream()
			.filter(r -> inScope.contains(r.itemId()))
			.toList();
		model.addAttribute("overdueCount", overdue.size());
		model.addAttribute("overdue", overdue.size() > MAX_BOTTLENECKS ? overdue.subList(0, MAX_BOTTLENECKS) : overdue);
		charts(tree, overRounds, model, locale);
		List<String> goalCodes = tree.roots().stream().map(n -> n.item().code()).toList();
		model.addAttribute("types", ItemType.values());
		FinancialFigures figures = finance.getIfAvailable();
		int year = LocalDate.now().getYear();
		model.addAttribute("financeYear", year);
		model.addAttribute("financeOverview",
				figures == null ? null : figures.overview(tenant, year, goalCodes).orElse(null));
		model.addAttribute("financePeriod", figures == null ? List.of() : goalCodes.stream().map(code -> {
			List<FinancialFigures.Amounts> years = figures.perYear(tenant, code);
			return years.isEmpty() ? null : years.getLast();
		}).filter(Objects::nonNull).toList());
		return DASHBOARD_VIEW;
	}

	/**
	 * The charts: status distribution per goal (stacked bars), progress over rounds
	 * (line).
	 */
	private void charts(PlanTree tree, List<Map.Entry<StatusRound, PlanTree>> overRounds, Model model, Locale locale) {
		List<String> goalCodes = tree.roots().stream().map(n -> n.item().code()).toList();
		List<Charts.Series> series = new ArrayList<>();
		for (ItemStatus status : ItemStatus.values()) {
			List<Object> data = new ArrayList<>();
			tree.roots().forEach(n -> data.add(n.statusCounts().getOrDefault(status, 0)));
			series.add(new Charts.Series(messages.getMessage(status.messageKey(), null, locale), data));
		}
		model.addAttribute("statusChart", Charts.json(new Charts.Spec("stacked", null, goalCodes, series)));
		Map<String, Object> progress = new LinkedHashMap<>();
		overRounds.forEach(e -> progress.put(e.getKey().name(), e.getValue().progress()));
		model.addAttribute("progressChart",
				Charts.json(new Charts.Spec("line", "%", List.copyOf(progress.keySet()),
						List.of(new Charts.Series(messages.getMessage("plan.dashboard.planProgress", null, locale),
								// a round before any published update has no progress: a
								// gap
								new ArrayList<>(progress.values()))))));
	}

	/**
	 * The knelpunten: the actions whose status is probleem or vertraagd, with the
	 * bottlenecks their update names; priority actions first, then probleem before
	 * vertraagd, in plan order.
	 */
	static List<PlanTree.Node> bottlenecks(PlanTree tree) {
		return tree.flatten()
			.stream()
			.filter(n -> n.item().type() == ItemType.AC && n.status() != null && n.status().alarming())
			.sorted(Comparator.comparing((PlanTree.Node n) -> !n.item().priority())
				.thenComparing(n -> n.status() != ItemStatus.PROBLEEM))
			.toList();
	}

}
