package be.obmi.plan.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import be.obmi.plan.PolicyFields;
import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.PlanTree;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.domain.StatusUpdate;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * What the filtered plan pages (dashboard, action list, timeline, map) share: the plan as
 * a tree with its internal status and published progress, the {@link PlanFilter} applied
 * to it, and the filter form's choices in the model ({@code filter}, {@code choices}). A
 * filter that cannot be read (an unknown status, a goal that is not a number) is answered
 * with 400 and a message, and the page shows the whole plan.
 */
@Component
class PlanSelections {

	/**
	 * @param tree the whole plan
	 * @param scope the matching actions with their ancestors (every item without filter)
	 * @param selected the selection as a tree: its progress is the roll-up over the
	 * matching actions only
	 */
	record Selection(Plan plan, PlanFilter filter, PlanTree tree, List<PlanItem> scope, PlanTree selected) {

		List<PlanTree.Node> actions() {
			return filter.actions(tree);
		}

	}

	private final PlanPages pages;

	private final PlanItems items;

	private final StatusRounds rounds;

	private final PolicyFields policyFields;

	private final MessageSource messages;

	PlanSelections(PlanPages pages, PlanItems items, StatusRounds rounds, PolicyFields policyFields,
			MessageSource messages) {
		this.pages = pages;
		this.items = items;
		this.rounds = rounds;
		this.policyFields = policyFields;
		this.messages = messages;
	}

	/** The tenant's plan (404 without one) narrowed by the filter. */
	Selection select(Tenant tenant, PlanFilter bound, BindingResult errors, Model model, Locale locale,
			HttpServletResponse response) {
		Plan plan = pages.plan(tenant);
		PlanFilter filter = bound == null ? PlanFilter.NONE : bound;
		if (errors != null && errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("filterError", messages.getMessage("plan.views.filterError", null, locale));
			filter = PlanFilter.NONE;
		}
		Map<Long, StatusUpdate> shown = rounds.latest(plan, false);
		Map<Long, StatusUpdate> published = rounds.latest(plan, true);
		PlanTree tree = new PlanTree(items.all(plan), shown, published);
		List<PlanItem> scope = filter.scope(tree);
		PlanTree selected = filter.active() ? new PlanTree(scope, shown, published) : tree;
		model.addAttribute("plan", plan);
		model.addAttribute("filter", filter);
		model.addAttribute("choices", PlanFilter.Choices.of(tree, policyFields));
		model.addAttribute("statuses", ItemStatus.values());
		return new Selection(plan, filter, tree, scope, selected);
	}

}
