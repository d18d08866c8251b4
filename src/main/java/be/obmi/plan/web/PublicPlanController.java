package be.obmi.plan.web;

import java.util.List;

import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.PlanTree;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public progress page: the plan's goals, action plans and actions for which a
 * published update exists, with only published updates and progress rolled up from those.
 * Anyone may read it (see {@link PlanPublicRoutes}).
 */
@Controller
class PublicPlanController {

	static final String PUBLIC_VIEW = "plan/public";

	private final Plans plans;

	private final PlanItems items;

	private final StatusRounds rounds;

	PublicPlanController(Plans plans, PlanItems items, StatusRounds rounds) {
		this.plans = plans;
		this.items = items;
		this.rounds = rounds;
	}

	@GetMapping("/{slug}/plan/publiek")
	String publicPage(Tenant tenant, Model model) {
		Plan plan = plans.current(tenant).orElse(null);
		model.addAttribute("plan", plan);
		model.addAttribute("statuses", ItemStatus.values());
		if (plan == null) {
			model.addAttribute("goals", List.of());
			return PUBLIC_VIEW;
		}
		PlanTree tree = new PlanTree(items.all(plan), rounds.latest(plan, true));
		List<PlanTree.Node> published = tree.matching(node -> node.update() != null);
		model.addAttribute("tree", tree);
		model.addAttribute("rows", published);
		model.addAttribute("goals", published.stream().filter(n -> n.item().parentId() == null).toList());
		return PUBLIC_VIEW;
	}

}
