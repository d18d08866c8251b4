package be.obmi.privacy.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.plan.PlanActions;
import be.obmi.privacy.domain.Dpia;
import be.obmi.privacy.domain.DpiaAttachments;
import be.obmi.privacy.domain.DpiaMeasure;
import be.obmi.privacy.domain.DpiaMeasures;
import be.obmi.privacy.domain.DpiaModels;
import be.obmi.privacy.domain.DpiaRisk;
import be.obmi.privacy.domain.DpiaRisks;
import be.obmi.privacy.domain.Dpias;
import be.obmi.privacy.domain.MeasureStatus;
import be.obmi.privacy.domain.RiskKind;
import be.obmi.privacy.domain.ScreeningAnswer;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * What the DPIA pages share: the page's model, who may do what, and the answer to a
 * refused step (the page again with the reason: 409 for a concurrent change or a step the
 * state does not allow, 400 for a refused value).
 */
@Component
class DpiaPages {

	static final String VIEW = "privacy/dpia";

	private final Dpias dpias;

	private final DpiaRisks risks;

	private final DpiaMeasures measures;

	private final DpiaAttachments attachments;

	private final DpiaModels models;

	private final PlanActions planActions;

	private final TenantAccess access;

	private final MessageSource messages;

	DpiaPages(Dpias dpias, DpiaRisks risks, DpiaMeasures measures, DpiaAttachments attachments, DpiaModels models,
			PlanActions planActions, TenantAccess access, MessageSource messages) {
		this.dpias = dpias;
		this.risks = risks;
		this.measures = measures;
		this.attachments = attachments;
		this.models = models;
		this.planActions = planActions;
		this.access = access;
		this.messages = messages;
	}

	/** The DPIA page of one DPIA of the tenant. */
	String page(Tenant tenant, long id, Model model) {
		Dpia dpia = dpias.require(tenant, id);
		List<DpiaRisk> riskList = risks.of(tenant, id);
		model.addAttribute("dpia", dpia);
		model.addAttribute("screening", dpias.screening(tenant, id));
		model.addAttribute("metCount", dpias.screening(tenant, id).stream().filter(ScreeningAnswer::met).count());
		model.addAttribute("risks", riskList);
		model.addAttribute("riskMap", DpiaRiskMap.of(riskList, false));
		model.addAttribute("residualMap", DpiaRiskMap.of(riskList, true));
		List<DpiaMeasure> measureList = measures.of(tenant, id);
		model.addAttribute("measures", measureList);
		Map<String, Long> planLinks = new HashMap<>();
		measureList.stream()
			.filter(DpiaMeasure::inPlan)
			.forEach(m -> planActions.action(tenant, m.planItemCode()).ifPresent(a -> planLinks.put(a.code(), a.id())));
		model.addAttribute("planLinks", planLinks);
		model.addAttribute("attachment", attachments.info(tenant, id).orElse(null));
		model.addAttribute("model", models.byCode(dpia.modelCode()).orElse(null));
		model.addAttribute("riskKinds", RiskKind.values());
		model.addAttribute("measureStatuses", MeasureStatus.values());
		model.addAttribute("actionPlans", planActions.actionPlans(tenant));
		model.addAttribute("canEdit", access.has(tenant.slug(), Role.REDACTEUR) && dpia.state().editable());
		model.addAttribute("isEditor", access.has(tenant.slug(), Role.REDACTEUR));
		model.addAttribute("isDpo", access.dpo(tenant.slug()));
		model.addAttribute("isBeheerder", access.has(tenant.slug(), Role.BEHEERDER));
		return VIEW;
	}

	/** The page again with the reason of a refused step. */
	String refused(Tenant tenant, RuntimeException ex, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Locale locale = RequestContextUtils.getLocale(request);
		response.setStatus(
				ex instanceof IllegalArgumentException ? HttpStatus.BAD_REQUEST.value() : HttpStatus.CONFLICT.value());
		model.addAttribute("error", Texts.reason(messages, ex, locale));
		return page(tenant, pathId(request), model);
	}

	@SuppressWarnings("unchecked")
	private static long pathId(HttpServletRequest request) {
		var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		return Long.parseLong(variables.get("id"));
	}

	/** The user name of the signed-in user (the route guard made sure there is one). */
	String username() {
		return access.currentUser().map(ObmiUser::getUsername).orElseThrow();
	}

	void requireEditor(Tenant tenant) {
		access.require(tenant.slug(), Role.REDACTEUR);
	}

	void requireBeheerder(Tenant tenant) {
		access.require(tenant.slug(), Role.BEHEERDER);
	}

	void requireDpo(Tenant tenant) {
		access.requireDpo(tenant.slug());
	}

	static String redirect(Tenant tenant, long id, String anchor) {
		return "redirect:/" + tenant.slug() + "/privacy/dpia/" + id + (anchor == null ? "" : "#" + anchor);
	}

}
