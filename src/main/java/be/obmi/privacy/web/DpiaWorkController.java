package be.obmi.privacy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import be.obmi.plan.PlanActions;
import be.obmi.privacy.domain.DpiaMeasures;
import be.obmi.privacy.domain.DpiaRisks;
import be.obmi.privacy.domain.MeasureForm;
import be.obmi.privacy.domain.RiskForm;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The risks and measures of a DPIA (redacteurs), and putting a measure in the city's
 * multi-year plan as an action (through {@link PlanActions}), after which the measure
 * links to that action.
 */
@Controller
@RequestMapping("/{slug}/privacy/dpia/{id}")
class DpiaWorkController {

	private final DpiaRisks risks;

	private final DpiaMeasures measures;

	private final DpiaPages pages;

	DpiaWorkController(DpiaRisks risks, DpiaMeasures measures, DpiaPages pages) {
		this.risks = risks;
		this.measures = measures;
		this.pages = pages;
	}

	@PostMapping("/risicos")
	String addRisk(Tenant tenant, @PathVariable long id, @Valid @ModelAttribute RiskForm form) {
		pages.requireEditor(tenant);
		long riskId = risks.add(tenant, id, form);
		return DpiaPages.redirect(tenant, id, "risk-" + riskId);
	}

	@PostMapping("/risicos/{riskId}")
	String updateRisk(Tenant tenant, @PathVariable long id, @PathVariable long riskId,
			@Valid @ModelAttribute RiskForm form) {
		pages.requireEditor(tenant);
		risks.update(tenant, id, riskId, form);
		return DpiaPages.redirect(tenant, id, "risk-" + riskId);
	}

	@PostMapping("/risicos/{riskId}/verwijderen")
	String deleteRisk(Tenant tenant, @PathVariable long id, @PathVariable long riskId) {
		pages.requireEditor(tenant);
		risks.delete(tenant, id, riskId);
		return DpiaPages.redirect(tenant, id, "risks");
	}

	@PostMapping("/maatregelen")
	String addMeasure(Tenant tenant, @PathVariable long id, @Valid @ModelAttribute MeasureForm form) {
		pages.requireEditor(tenant);
		long measureId = measures.add(tenant, id, form);
		return DpiaPages.redirect(tenant, id, "measure-" + measureId);
	}

	@PostMapping("/maatregelen/{measureId}")
	String updateMeasure(Tenant tenant, @PathVariable long id, @PathVariable long measureId,
			@Valid @ModelAttribute MeasureForm form) {
		pages.requireEditor(tenant);
		measures.update(tenant, id, measureId, form);
		return DpiaPages.redirect(tenant, id, "measure-" + measureId);
	}

	/**
	 * "Opnemen in het meerjarenplan": the measure becomes an action under the chosen
	 * action plan, in one transaction with the measure remembering its code.
	 */
	@PostMapping("/maatregelen/{measureId}/meerjarenplan")
	String toPlan(Tenant tenant, @PathVariable long id, @PathVariable long measureId, @RequestParam String actionPlan,
			@RequestParam int version) {
		pages.requireEditor(tenant);
		measures.putInPlan(tenant, id, measureId, actionPlan, version, pages.username());
		return DpiaPages.redirect(tenant, id, "measure-" + measureId);
	}

	@ExceptionHandler({ ConcurrentChangeException.class, IllegalStateException.class, IllegalArgumentException.class })
	String refused(Tenant tenant, RuntimeException ex, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return pages.refused(tenant, ex, model, request, response);
	}

}
