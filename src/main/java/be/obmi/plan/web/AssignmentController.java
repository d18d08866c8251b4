package be.obmi.plan.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.constraints.Size;

import be.obmi.plan.domain.Assignments;
import be.obmi.plan.domain.Assignments.Assignment;
import be.obmi.plan.domain.ItemType;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Assigning contributors to actions (redacteur): the actions without one, assigned in
 * place on the rounds page and a round's page, and one contributor for every action under
 * a goal or of a department at once, after a preview that asks for confirmation. Each
 * form carries the versions of the items it showed; a changed item refuses the whole
 * step.
 */
@Controller
@RequestMapping("/{slug}/plan/toewijzingen")
class AssignmentController {

	static final String VIEW = "plan/assignments";

	private final PlanPages pages;

	private final Assignments assignments;

	private final PlanItems items;

	private final MessageSource messages;

	AssignmentController(PlanPages pages, Assignments assignments, PlanItems items, MessageSource messages) {
		this.pages = pages;
		this.assignments = assignments;
		this.items = items;
		this.messages = messages;
	}

	/**
	 * Assigns each listed item ({@code item}) the contributor chosen in its row
	 * ({@code contributor-<id>}, at {@code version-<id>}); back to the round
	 * ({@code round}) or the rounds page.
	 */
	@PostMapping
	String assign(Tenant tenant, @RequestParam(name = "item", required = false) List<Long> ids,
			@RequestParam(required = false) Long round, @RequestParam Map<String, String> params,
			RedirectAttributes redirect, Locale locale) {
		pages.requireEditor(tenant);
		List<Assignment> list = new ArrayList<>();
		for (long id : ids == null ? List.<Long>of() : ids) {
			list.add(new Assignment(id, version(params.get("version-" + id)), params.get("contributor-" + id)));
		}
		try {
			List<PlanItem> done = assignments.assign(tenant, list);
			redirect.addFlashAttribute("assigned", done.size());
		}
		catch (ConcurrentChangeException | IllegalArgumentException | IllegalStateException ex) {
			redirect.addFlashAttribute("error", Texts.reason(messages, ex, locale));
		}
		return "redirect:/" + tenant.slug() + "/plan/rondes" + (round == null ? "" : "/" + round);
	}

	/**
	 * The bulk page: choose a goal or a department and a contributor; with both, the
	 * actions that would be assigned, to confirm.
	 */
	@GetMapping
	String page(Tenant tenant, @RequestParam(required = false) Long goal,
			@RequestParam(required = false) @Size(max = 200) String department,
			@RequestParam(required = false) @Size(max = 200) String contributor, Model model, Locale locale) {
		pages.requireEditor(tenant);
		Plan plan = pages.plan(tenant);
		model.addAttribute("plan", plan);
		model.addAttribute("goals", items.all(plan).stream().filter(i -> i.type() == ItemType.BD).toList());
		model.addAttribute("departments", assignments.departments(plan));
		model.addAttribute("candidates", assignments.candidates(tenant));
		model.addAttribute("goal", goal);
		model.addAttribute("department", department);
		model.addAttribute("contributor", contributor);
		boolean chosen = goal != null || (department != null && !department.isBlank());
		if (chosen && contributor != null && !contributor.isBlank()) {
			try {
				model.addAttribute("chosenContributor", assignments.checked(tenant, contributor));
				model.addAttribute("preview", goal != null ? assignments.actionsUnder(tenant, plan, goal)
						: assignments.actionsOf(plan, department));
			}
			catch (IllegalArgumentException ex) {
				model.addAttribute("error", Texts.reason(messages, ex, locale));
			}
		}
		return VIEW;
	}

	/** Applies a confirmed preview: every listed action gets the contributor. */
	@PostMapping("/bulk")
	String bulk(Tenant tenant, @RequestParam(name = "item", required = false) List<Long> ids,
			@RequestParam @Size(max = 200) String contributor, @RequestParam Map<String, String> params,
			RedirectAttributes redirect, Locale locale) {
		pages.requireEditor(tenant);
		List<Assignment> list = new ArrayList<>();
		for (long id : ids == null ? List.<Long>of() : ids) {
			list.add(new Assignment(id, version(params.get("version-" + id)), contributor));
		}
		try {
			if (list.isEmpty()) {
				throw new RefusedValueException(Reason.of("plan.refused.bulkEmpty"));
			}
			assignments.assign(tenant, list);
			redirect.addFlashAttribute("bulkDone", list.size());
			redirect.addFlashAttribute("bulkContributor", contributor);
		}
		catch (ConcurrentChangeException | IllegalArgumentException | IllegalStateException ex) {
			redirect.addFlashAttribute("error", Texts.reason(messages, ex, locale));
		}
		return "redirect:/" + tenant.slug() + "/plan/toewijzingen";
	}

	private static int version(String value) {
		try {
			return value == null ? -1 : Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
