package be.obmi.plan.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import be.obmi.plan.domain.Indicators;
import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.ItemType;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.PlanTree;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import be.obmi.plan.FinancialFigures;
import be.obmi.plan.domain.Release;
import java.util.Comparator;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The plan dashboard: status per goal, progress over rounds, bottlenecks, overdue
 * releases and the financial execution.
 */
@Controller
@RequestMapping("/{slug}/plan")
class PlanDashboardController {

	static final String DASHBOARD_VIEW = "plan/dashboard";

	/**
	 * The dashboard lists at most this many bottlenecks (the priority ones come first).
	 */
	static final int MAX_BOTTLENECKS = 100;

	private final PlanPages pages;

	private final PlanItems items;

	private final StatusRounds rounds;

	private final Indicators indicators;

	private final MessageSource messages;

	private final ObjectProvider<FinancialFigures> finance;

	PlanDashboardController(PlanPages pages, PlanItems items, StatusRounds rounds, Indicators indicators,
			MessageSource messages, ObjectProvider<FinancialFigures> finance) {
		this.pages = pages;
		this.items = items;
		this.rounds = rounds;
		this.indicators = indicators;
		this.messages = messages;
		this.finance = finance;
	}

	@GetMapping("/dashboard")
	String dashboard(Tenant tenant, Model model, Locale locale) {
		Plan plan = pages.plan(tenant);
		List<PlanItem> all = items.all(plan);
		PlanTree tree = new PlanTree(all, rounds.latest(plan, false), rounds.latest(plan, true));
		model.addAttribute("plan", plan);
		model.addAttribute("tree", tree);
		model.addAttribute("statuses", ItemStatus.values());
		model.addAttribute("goals", tree.roots());
		List<PlanTree.Node> bottlenecks = tree.flatten()
			.stream()
			.filter(n -> n.update() != null && n.update().bottlenecks() != null)
			.sorted(Comparator.comparing((PlanTree.Node n) -> !n.item().priority()))
			.toList();
		model.addAttribute("bottleneckCount", bottlenecks.size());
		model.addAttribute("bottlenecks",
				bottlenecks.size() > MAX_BOTTLENECKS ? bottlenecks.subList(0, MAX_BOTTLENECKS) : bottlenecks);
		List<Map.Entry<StatusRound, PlanTree>> overRounds = rounds.progressOverRounds(plan, all);
		model.addAttribute("overRounds", overRounds);
		List<Release> overdue = indicators.overdue(plan, LocalDate.now());
		model.addAttribute("overdueCount", overdue.size());
		model.addAttribute("overdue", overdue.size() > MAX_BOTTLENECKS ? overdue.subList(0, MAX_BOTTLENECKS) : overdue);
		// Charts: status distribution per goal (stacked bars), progress over rounds
		// (line).
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

}
