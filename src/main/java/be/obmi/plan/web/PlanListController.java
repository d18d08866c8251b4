package be.obmi.plan.web;

import java.util.List;
import java.util.Locale;

import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.Plans;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tenant's multi-year plans (2020–2025 next to 2026–2031): the list with a switch to
 * each, and starting a new one (editors), which then becomes the plan the editor works in
 * ({@link PlanSwitch}) so that the next import fills it.
 */
@Controller
@RequestMapping("/{slug}/plan/plannen")
class PlanListController {

	static final String VIEW = "plan/plans";

	private final Plans plans;

	private final PlanPages pages;

	private final MessageSource messages;

	PlanListController(Plans plans, PlanPages pages, MessageSource messages) {
		this.plans = plans;
		this.pages = pages;
		this.messages = messages;
	}

	@GetMapping
	String list(Tenant tenant, Model model) {
		model.addAttribute("plans", plans.all(tenant.id()));
		model.addAttribute("current", plans.current(tenant).orElse(null));
		model.addAttribute("latest", plans.latest(tenant.id()).orElse(null));
		model.addAttribute("canEdit", pages.canEdit(tenant));
		return VIEW;
	}

	@PostMapping
	String start(Tenant tenant, @RequestParam String name, @RequestParam String startYear, @RequestParam String endYear,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect, Model model,
			Locale locale) {
		pages.requireEditor(tenant);
		try {
			Plan plan = plans.start(tenant, name, year(startYear), year(endYear));
			redirect.addFlashAttribute("done",
					messages.getMessage("plan.plans.started", new Object[] { plan.name() }, locale));
			return "redirect:/" + tenant.slug() + "/plan/import?" + PlanSwitch.PARAMETER + "=" + plan.id();
		}
		catch (RefusedValueException | DuplicateKeyException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error",
					ex instanceof DuplicateKeyException
							? messages.getMessage("plan.refused.planNameTaken", new Object[] { name.strip() }, locale)
							: Texts.reason(messages, ex, locale));
			model.addAttribute("form", new Form(name, startYear, endYear));
			return list(tenant, model);
		}
	}

	private static int year(String text) {
		String trimmed = text == null ? "" : text.strip();
		if (!trimmed.matches("\\d{4}")) {
			throw new RefusedValueException(Reason.of("plan.refused.planYearsText", trimmed));
		}
		return Integer.parseInt(trimmed);
	}

	/** What the editor typed, shown again after a refusal. */
	record Form(String name, String startYear, String endYear) {
	}

	/** The plans of a tenant for the switch in the plan navigation. */
	@Component("planList")
	static class PlanList {

		private final Plans plans;

		PlanList(Plans plans) {
			this.plans = plans;
		}

		public List<Plan> of(Tenant tenant) {
			return plans.all(tenant.id());
		}

		public Plan current(Tenant tenant) {
			return plans.current(tenant).orElse(null);
		}

	}

}
