package be.obmi.plan.web;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;

import be.obmi.plan.PolicyField;
import be.obmi.plan.PolicyFields;
import be.obmi.plan.domain.Indicator;
import be.obmi.plan.domain.Indicators;
import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.ItemType;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.PlanTree;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.Projects;
import be.obmi.plan.domain.PublicPlan;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.domain.StatusUpdate;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The public plan portal: the plan's goals with their progress, the published actions
 * with filters and search, a page per goal and per action, and a map. Anyone may read it
 * (see {@link PlanPublicRoutes}).
 * <p>
 * Only what is published is shown: goals, action plans and actions with a published
 * update (under them), the published updates themselves (status, progress, narrative and
 * round) and the item's public fields (code, title, description, priority, policy field,
 * political owner, dates, wijk and location). Contributors, administrative owners,
 * concept, submitted and approved updates, remarks, bottlenecks and who approved what
 * never appear; progress comes from the one roll-up rule in {@link PlanTree}, over
 * published updates only. An item that is not shown is not found (404), as is an id of
 * another tenant.
 */
@Controller
class PublicPlanController {

	static final String PUBLIC_VIEW = "plan/public";

	static final String GOAL_VIEW = "plan/public-goal";

	static final String ACTION_VIEW = "plan/public-action";

	static final String MAP_VIEW = "plan/public-map";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Plans plans;

	private final PlanItems items;

	private final StatusRounds rounds;

	private final PublicPlan publicPlan;

	private final PolicyFields policyFields;

	private final Indicators indicators;

	private final Projects projects;

	private final MessageSource messages;

	PublicPlanController(Plans plans, PlanItems items, StatusRounds rounds, PublicPlan publicPlan,
			PolicyFields policyFields, Indicators indicators, Projects projects, MessageSource messages) {
		this.plans = plans;
		this.items = items;
		this.rounds = rounds;
		this.publicPlan = publicPlan;
		this.policyFields = policyFields;
		this.indicators = indicators;
		this.projects = projects;
		this.messages = messages;
	}

	/** A point of the map: an action located by its coordinates or its wijk. */
	record MapPoint(long id, String code, String title, String wijk, Double lat, Double lon, String status) {
	}

	/**
	 * The portal's overview: goal cards, status distribution and the published actions
	 * that match the filters.
	 */
	@GetMapping("/{slug}/plan/publiek")
	String publicPage(Tenant tenant, @ModelAttribute("filter") PortalFilter filter, BindingResult errors, Model model,
			HttpServletResponse response) {
		Plan plan = plans.current(tenant).orElse(null);
		model.addAttribute("plan", plan);
		model.addAttribute("statuses", ItemStatus.values());
		if (errors.hasErrors()) {
			model.addAttribute("filterError", true);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			filter = new PortalFilter(null, null, null, null, null);
			model.addAttribute("filter", filter);
		}
		if (plan == null) {
			model.addAttribute("goals", List.of());
			model.addAttribute("rows", List.of());
			return PUBLIC_VIEW;
		}
		PlanTree tree = publicTree(plan);
		List<PlanTree.Node> published = publishedActions(tree);
		Set<Long> found = filter.searching() ? publicPlan.searchActions(plan, filter.q()) : Set.of();
		PortalFilter applied = filter;
		model.addAttribute("tree", tree);
		model.addAttribute("goals", shownGoals(tree));
		model.addAttribute("rows", published.stream().filter(n -> applied.matches(tree, n, found)).toList());
		model.addAttribute("lastPublished", publicPlan.lastPublished(plan).orElse(null));
		model.addAttribute("fields", fieldsOf(published));
		model.addAttribute("wijken", wijkenOf(published));
		return PUBLIC_VIEW;
	}

	/** A goal with its action plans and their published actions. */
	@GetMapping("/{slug}/plan/publiek/doelen/{id}")
	String goal(Tenant tenant, @PathVariable long id, Model model) {
		Plan plan = plans.current(tenant).orElseThrow(PublicPlanController::notFound);
		PlanTree tree = publicTree(plan);
		PlanTree.Node goal = shown(tree, id, ItemType.BD);
		model.addAttribute("plan", plan);
		model.addAttribute("goal", goal);
		model.addAttribute("actionPlans", goal.children().stream().filter(n -> n.countedActions() > 0).toList());
		model.addAttribute("policyField", policyFields.byCode(goal.item().policyField()).orElse(null));
		return GOAL_VIEW;
	}

	/**
	 * An action with its published updates (the history of published rounds), indicators
	 * with their measurements up to its latest published round, projects and releases.
	 */
	@GetMapping("/{slug}/plan/publiek/acties/{id}")
	String action(Tenant tenant, @PathVariable long id, Model model, Locale locale) {
		Plan plan = plans.current(tenant).orElseThrow(PublicPlanController::notFound);
		PlanTree tree = publicTree(plan);
		PlanTree.Node action = shown(tree, id, ItemType.AC);
		model.addAttribute("plan", plan);
		model.addAttribute("action", action);
		model.addAttribute("actionPlan", tree.node(action.item().parentId()));
		model.addAttribute("goal", tree.goalOf(action));
		model.addAttribute("policyField", policyFields.byCode(action.item().policyField()).orElse(null));
		model.addAttribute("updates", rounds.history(tenant, id, true));
		List<Indicator.Details> shown = publishedMeasurements(indicators.of(tenant, id), action.published());
		model.addAttribute("indicators", shown);
		String measured = messages.getMessage("plan.chart.measured", null, locale);
		String target = messages.getMessage("plan.chart.target", null, locale);
		Map<Long, String> charts = new HashMap<>();
		shown.stream()
			.filter(d -> !d.text() && d.measurements().stream().anyMatch(m -> m.value() != null))
			.forEach(d -> charts.put(d.indicator().id(), Charts.indicator(d, measured, target)));
		model.addAttribute("charts", charts);
		model.addAttribute("projects", projects.of(tenant, id));
		model.addAttribute("releases", indicators.releases(tenant, id));
		return ACTION_VIEW;
	}

	/**
	 * The published actions on a map (by coordinates or at their wijk's centre), and as a
	 * list.
	 */
	@GetMapping("/{slug}/plan/publiek/kaart")
	String map(Tenant tenant, Model model, Locale locale) {
		Plan plan = plans.current(tenant).orElse(null);
		model.addAttribute("plan", plan);
		List<PlanTree.Node> located = plan == null ? List.of()
				: publishedActions(publicTree(plan)).stream()
					.filter(n -> n.item().located() || n.item().wijk() != null)
					.sorted(Comparator.comparing((PlanTree.Node n) -> Objects.toString(n.item().wijk(), ""))
						.thenComparing(n -> n.item().code()))
					.toList();
		model.addAttribute("located", located);
		model.addAttribute("points",
				JSON.writeValueAsString(located.stream()
					.map(n -> new MapPoint(n.item().id(), n.item().code(), n.item().title(), n.item().wijk(),
							n.item().latitude(), n.item().longitude(),
							messages.getMessage(n.published().status().messageKey(), null, locale)))
					.toList()));
		return MAP_VIEW;
	}

	private PlanTree publicTree(Plan plan) {
		return new PlanTree(items.all(plan), rounds.latest(plan, true));
	}

	/** The goals with at least one action with a published update. */
	static List<PlanTree.Node> shownGoals(PlanTree tree) {
		return tree.roots().stream().filter(g -> g.countedActions() > 0).toList();
	}

	static List<PlanTree.Node> publishedActions(PlanTree tree) {
		return tree.flatten().stream().filter(n -> n.item().type() == ItemType.AC && n.published() != null).toList();
	}

	/** The node of a shown item of the given type, or 404. */
	private static PlanTree.Node shown(PlanTree tree, long id, ItemType type) {
		PlanTree.Node node = tree.node(id);
		if (node == null || node.item().type() != type || node.countedActions() == 0) {
			throw notFound();
		}
		return node;
	}

	/**
	 * The indicators with only the measurements up to the reference date of the latest
	 * published round: a measurement given with an update that is not published yet is
	 * stored at once, dated on its round's reference date, and must not show.
	 */
	static List<Indicator.Details> publishedMeasurements(List<Indicator.Details> list, StatusUpdate published) {
		return list.stream()
			.map(d -> new Indicator.Details(d.indicator(), d.targets(), d.measurements()
				.stream()
				.filter(m -> published.referenceDate() != null && !m.measuredOn().isAfter(published.referenceDate()))
				.toList()))
			.toList();
	}

	private Map<String, String> fieldsOf(List<PlanTree.Node> actions) {
		Map<String, String> fields = new TreeMap<>();
		actions.stream()
			.map(n -> n.item().policyField())
			.filter(Objects::nonNull)
			.forEach(code -> fields.put(code, policyFields.byCode(code).map(PolicyField::label).orElse(code)));
		return fields;
	}

	private static List<String> wijkenOf(List<PlanTree.Node> actions) {
		return actions.stream().map(n -> n.item().wijk()).filter(Objects::nonNull).distinct().sorted().toList();
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
