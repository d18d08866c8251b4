package be.obmi.pirk.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import be.obmi.pirk.screening.IndicationKind;
import be.obmi.pirk.screening.Rule;
import be.obmi.pirk.screening.RuleEvaluation;
import be.obmi.pirk.screening.RuleForm;
import be.obmi.pirk.screening.Rules;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The city's screening rules, made without code: conditions on indications with
 * thresholds joined by AND or OR, a score and what a fired rule marks. Saving evaluates
 * the rules on every object again.
 */
@Controller
class ScreeningRuleController {

	static final String LIST = "pirk/rules";

	static final String FORM = "pirk/rules-form";

	private final Rules rules;

	private final RuleEvaluation evaluation;

	private final ScreeningPages pages;

	ScreeningRuleController(Rules rules, RuleEvaluation evaluation, ScreeningPages pages) {
		this.rules = rules;
		this.evaluation = evaluation;
		this.pages = pages;
	}

	@GetMapping("/{slug}/pirk/regels")
	String list(Tenant tenant, Model model) {
		model.addAttribute("rules", rules.of(tenant));
		model.addAttribute("canEdit", pages.canEdit(tenant));
		return LIST;
	}

	@PostMapping("/{slug}/pirk/regels/evalueren")
	String evaluate(Tenant tenant, RedirectAttributes redirect) {
		pages.requireEditor(tenant);
		redirect.addFlashAttribute("evaluated", evaluation.evaluate(tenant));
		return "redirect:/" + tenant.slug() + "/pirk/regels";
	}

	@GetMapping("/{slug}/pirk/regels/nieuw")
	String create(Tenant tenant, Model model) {
		pages.requireEditor(tenant);
		return form(null, RuleForm.empty(), null, model);
	}

	@PostMapping("/{slug}/pirk/regels")
	String add(Tenant tenant, @Valid @ModelAttribute("form") RuleForm form, BindingResult errors, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		pages.requireEditor(tenant);
		return pages.save(errors, model, locale, response, () -> {
			rules.create(tenant, form, false);
			redirect.addFlashAttribute("saved", form.name());
			return "/" + tenant.slug() + "/pirk/regels";
		}, () -> form(null, form, errors, model));
	}

	@GetMapping("/{slug}/pirk/regels/{id}")
	String show(Tenant tenant, @PathVariable long id, Model model) {
		Rule rule = rule(tenant, id);
		model.addAttribute("canEdit", pages.canEdit(tenant));
		return form(rule, RuleForm.of(rule), null, model);
	}

	@PostMapping("/{slug}/pirk/regels/{id}")
	String edit(Tenant tenant, @PathVariable long id, @Valid @ModelAttribute("form") RuleForm form,
			BindingResult errors, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		pages.requireEditor(tenant);
		Rule rule = rule(tenant, id);
		return pages.save(errors, model, locale, response, () -> {
			rules.update(tenant, id, form);
			redirect.addFlashAttribute("saved", form.name());
			return "/" + tenant.slug() + "/pirk/regels";
		}, () -> form(rule, form, errors, model));
	}

	@PostMapping("/{slug}/pirk/regels/{id}/verwijderen")
	String delete(Tenant tenant, @PathVariable long id, RedirectAttributes redirect) {
		pages.requireEditor(tenant);
		Rule rule = rule(tenant, id);
		rules.delete(tenant, id);
		redirect.addFlashAttribute("deleted", rule.name());
		return "redirect:/" + tenant.slug() + "/pirk/regels";
	}

	private Rule rule(Tenant tenant, long id) {
		return rules.find(tenant, id)
			.orElseThrow(() -> new NotFoundException(Reason.of("pirk.refused.ruleUnknown", id)));
	}

	private String form(Rule rule, RuleForm form, BindingResult errors, Model model) {
		model.addAttribute("rule", rule);
		model.addAttribute("form", form);
		if (errors != null) {
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
		}
		model.addAttribute("kinds", IndicationKind.values());
		model.addAttribute("operators", Rule.Operator.values());
		model.addAttribute("slots", RuleForm.SLOTS);
		model.addAttribute("canEdit", model.getAttribute("canEdit") == null || (Boolean) model.getAttribute("canEdit"));
		return FORM;
	}

}
