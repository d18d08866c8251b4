package be.obmi.plan.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanTree;
import be.obmi.plan.domain.Projects;
import be.obmi.plan.domain.Releases;
import be.obmi.tenancy.Tenant;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Seeing the plan, for its readers: the list of the actions that pass a
 * {@link PlanFilter} (where the dashboard's counts lead), their timeline with projects
 * and releases (planned against realised) and the map of the located ones. Every page has
 * the dashboard's filter form.
 */
@Controller
@RequestMapping("/{slug}/plan")
class PlanViewsController {

	static final String ACTIONS_VIEW = "plan/actions";

	static final String TIMELINE_VIEW = "plan/timeline";

	static final String MAP_VIEW = "plan/map";

	/**
	 * At most this many actions are listed; the page asks to refine the filters beyond.
	 */
	static final int MAX_ACTIONS = 500;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * A located action for the map: by its point, or else by its wijk (placed by the
	 * script at the wijk's centre).
	 */
	record MapPoint(long id, String code, String title, Double lat, Double lng, String wijk, String rag,
			String status) {
	}

	private final PlanSelections selections;

	private final Projects projects;

	private final Releases releases;

	private final MessageSource messages;

	PlanViewsController(PlanSelections selections, Projects projects, Releases releases, MessageSource messages) {
		this.selections = selections;
		this.projects = projects;
		this.releases = releases;
		this.messages = messages;
	}

	@GetMapping("/acties")
	String actions(Tenant tenant, @ModelAttribute("filter") PlanFilter filter, BindingResult errors, Model model,
			Locale locale, HttpServletResponse response) {
		PlanSelections.Selection selection = selections.select(tenant, filter, errors, model, locale, response);
		List<PlanTree.Node> actions = selection.actions();
		model.addAttribute("tree", selection.tree());
		model.addAttribute("selected", selection.selected());
		model.addAttribute("actionCount", actions.size());
		model.addAttribute("actions", actions.size() > MAX_ACTIONS ? actions.subList(0, MAX_ACTIONS) : actions);
		model.addAttribute("statuses", ItemStatus.values());
		return ACTIONS_VIEW;
	}

	@GetMapping("/tijdlijn")
	String timeline(Tenant tenant, @ModelAttribute("filter") PlanFilter filter, BindingResult errors, Model model,
			Locale locale, HttpServletResponse response) {
		PlanSelections.Selection selection = selections.select(tenant, filter, errors, model, locale, response);
		model.addAttribute("timeline", Timeline.of(selection.actions(), projects.ofPlan(selection.plan()),
				releases.ofPlan(selection.plan()), LocalDate.now()));
		return TIMELINE_VIEW;
	}

	@GetMapping("/kaart")
	String map(Tenant tenant, @ModelAttribute("filter") PlanFilter filter, BindingResult errors, Model model,
			Locale locale, HttpServletResponse response) {
		PlanSelections.Selection selection = selections.select(tenant, filter, errors, model, locale, response);
		List<PlanTree.Node> located = selection.actions().stream().filter(n -> located(n.item())).toList();
		model.addAttribute("located", located);
		model.addAttribute("actionCount", selection.actions().size());
		model.addAttribute("points", JSON.writeValueAsString(located.stream().map(n -> point(n, locale)).toList()));
		return MAP_VIEW;
	}

	private static boolean located(PlanItem item) {
		return item.located() || (item.wijk() != null && !item.wijk().isBlank());
	}

	private MapPoint point(PlanTree.Node node, Locale locale) {
		PlanItem item = node.item();
		ItemStatus status = node.status();
		return new MapPoint(item.id(), item.code(), item.title(), item.latitude(), item.longitude(),
				item.located() ? null : item.wijk(), status == null ? "grey" : status.rag(),
				messages.getMessage(status == null ? "plan.status.none" : status.messageKey(), null, locale));
	}

}
