package be.obmi.privacy.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.privacy.domain.ActivityField;
import be.obmi.privacy.domain.ActivityForm;
import be.obmi.privacy.domain.ContentDiff;
import be.obmi.privacy.domain.Audience;
import be.obmi.privacy.domain.LegalBasis;
import be.obmi.privacy.domain.LinkedOrganisations;
import be.obmi.privacy.domain.OrganisationRole;
import be.obmi.privacy.domain.ProcessingActivities;
import be.obmi.privacy.domain.ProcessingActivities.Activity;
import be.obmi.privacy.domain.Register;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One processing activity: new, edit (a changed content is a new version), its versions
 * and history, and the state steps. Redacteurs (the services) edit and complete; the
 * tenant's DPO checks, publishes and unpublishes; every member reads.
 */
@Controller
class ActivityController {

	private static final String FORM = "privacy/activity-form";

	private static final String DETAIL = "privacy/activity";

	private final ProcessingActivities activities;

	private final LinkedOrganisations organisations;

	private final TenantAccess access;

	private final MessageSource messages;

	ActivityController(ProcessingActivities activities, LinkedOrganisations organisations, TenantAccess access,
			MessageSource messages) {
		this.activities = activities;
		this.organisations = organisations;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/{slug}/privacy/verwerkingen/nieuw")
	String newActivity(Tenant tenant, Model model) {
		access.require(tenant.slug(), Role.REDACTEUR);
		return form(tenant, ActivityForm.empty(), null, model);
	}

	@PostMapping("/{slug}/privacy/verwerkingen/nieuw")
	String create(Tenant tenant, @Valid @ModelAttribute("form") ActivityForm form, BindingResult errors, Model model,
			HttpServletResponse response, Locale locale, RedirectAttributes redirect) {
		ObmiUser user = access.require(tenant.slug(), Role.REDACTEUR);
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(tenant, form, null, model);
		}
		try {
			Activity created = activities.create(tenant, form, user.getUsername());
			redirect.addFlashAttribute("done", messages.getMessage("privacy.activity.created", null, locale));
			return redirect(tenant, created.publicId());
		}
		catch (IllegalArgumentException ex) {
			refused(ex, response, model, locale);
			return form(tenant, form, null, model);
		}
	}

	@GetMapping("/{slug}/privacy/verwerkingen/{publicId}")
	String detail(Tenant tenant, @PathVariable("publicId") String id, Model model) {
		UUID publicId = publicId(id);
		Activity activity = activities.require(tenant, publicId);
		model.addAttribute("activity", activity);
		model.addAttribute("shown", activity.content());
		model.addAttribute("texts", ContentDiff.texts(activity.content()));
		model.addAttribute("shownNumber", activity.currentVersion());
		model.addAttribute("shownValidFrom", activity.validFrom());
		model.addAttribute("history", activities.history(tenant, publicId));
		model.addAttribute("fields", ActivityField.values());
		model.addAttribute("canEdit", access.has(tenant.slug(), Role.REDACTEUR));
		model.addAttribute("dpo", access.dpo(tenant.slug()));
		return DETAIL;
	}

	@GetMapping("/{slug}/privacy/verwerkingen/{publicId}/versies/{number}")
	String version(Tenant tenant, @PathVariable("publicId") String id, @PathVariable int number, Model model) {
		UUID publicId = publicId(id);
		detail(tenant, id, model);
		ProcessingActivities.ActivityVersion version = activities.version(tenant, publicId, number);
		model.addAttribute("shown", version.content());
		model.addAttribute("texts", ContentDiff.texts(version.content()));
		model.addAttribute("shownNumber", version.number());
		model.addAttribute("shownValidFrom", version.validFrom());
		model.addAttribute("older", version.number() != ((Activity) model.getAttribute("activity")).currentVersion());
		return DETAIL;
	}

	@GetMapping("/{slug}/privacy/verwerkingen/{publicId}/bewerken")
	String edit(Tenant tenant, @PathVariable("publicId") String id, Model model) {
		access.require(tenant.slug(), Role.REDACTEUR);
		Activity activity = activities.require(tenant, publicId(id));
		return form(tenant, ActivityForm.of(activity.content(), activity.register(), activity.audience(),
				activity.organisationId(), activity.role(), activity.version()), activity, model);
	}

	@PostMapping("/{slug}/privacy/verwerkingen/{publicId}")
	String save(Tenant tenant, @PathVariable("publicId") String id, @Valid @ModelAttribute("form") ActivityForm form,
			BindingResult errors, Model model, HttpServletResponse response, Locale locale,
			RedirectAttributes redirect) {
		ObmiUser user = access.require(tenant.slug(), Role.REDACTEUR);
		UUID publicId = publicId(id);
		Activity activity = activities.require(tenant, publicId);
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(tenant, form, activity, model);
		}
		try {
			activities.edit(tenant, publicId, form, user.getUsername());
			redirect.addFlashAttribute("done", messages.getMessage("privacy.activity.saved", null, locale));
			return redirect(tenant, publicId);
		}
		catch (IllegalArgumentException | ConcurrentChangeException ex) {
			refused(ex, response, model, locale);
			return form(tenant, form, activity, model);
		}
	}

	@PostMapping("/{slug}/privacy/verwerkingen/{publicId}/voltooien")
	String complete(Tenant tenant, @PathVariable("publicId") String id, @RequestParam int version, Model model,
			HttpServletResponse response, Locale locale, RedirectAttributes redirect) {
		access.require(tenant.slug(), Role.REDACTEUR);
		UUID publicId = publicId(id);
		return step(tenant, publicId, model, response, locale, redirect,
				() -> activities.complete(tenant, publicId, version));
	}

	@PostMapping("/{slug}/privacy/verwerkingen/{publicId}/nazien")
	String check(Tenant tenant, @PathVariable("publicId") String id, @RequestParam int version, Model model,
			HttpServletResponse response, Locale locale, RedirectAttributes redirect) {
		access.requireDpo(tenant.slug());
		UUID publicId = publicId(id);
		return step(tenant, publicId, model, response, locale, redirect,
				() -> activities.check(tenant, publicId, version));
	}

	@PostMapping("/{slug}/privacy/verwerkingen/{publicId}/publiceren")
	String publish(Tenant tenant, @PathVariable("publicId") String id, @RequestParam int version, Model model,
			HttpServletResponse response, Locale locale, RedirectAttributes redirect) {
		access.requireDpo(tenant.slug());
		UUID publicId = publicId(id);
		return step(tenant, publicId, model, response, locale, redirect,
				() -> activities.publish(tenant, publicId, version, true));
	}

	@PostMapping("/{slug}/privacy/verwerkingen/{publicId}/depubliceren")
	String unpublish(Tenant tenant, @PathVariable("publicId") String id, @RequestParam int version, Model model,
			HttpServletResponse response, Locale locale, RedirectAttributes redirect) {
		access.requireDpo(tenant.slug());
		UUID publicId = publicId(id);
		return step(tenant, publicId, model, response, locale, redirect,
				() -> activities.publish(tenant, publicId, version, false));
	}

	private String step(Tenant tenant, UUID publicId, Model model, HttpServletResponse response, Locale locale,
			RedirectAttributes redirect, Runnable step) {
		try {
			step.run();
			redirect.addFlashAttribute("done", messages.getMessage("privacy.activity.stepDone", null, locale));
			return redirect(tenant, publicId);
		}
		catch (IllegalStateException | ConcurrentChangeException ex) {
			refused(ex, response, model, locale);
			return detail(tenant, publicId.toString(), model);
		}
	}

	private void refused(RuntimeException ex, HttpServletResponse response, Model model, Locale locale) {
		response.setStatus(ex instanceof ConcurrentChangeException ? HttpServletResponse.SC_CONFLICT
				: ex instanceof IllegalStateException ? HttpServletResponse.SC_CONFLICT
						: HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("error", Texts.reason(messages, ex, locale));
	}

	private String form(Tenant tenant, ActivityForm form, Activity activity, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("activity", activity);
		model.addAttribute("article6", LegalBasis.article6());
		model.addAttribute("article9", LegalBasis.article9());
		model.addAttribute("registers", Register.values());
		model.addAttribute("audiences", Audience.values());
		model.addAttribute("roles", OrganisationRole.values());
		model.addAttribute("organisations", organisations.all(tenant));
		model.addAttribute("maxText", ActivityForm.MAX_TEXT);
		model.addAttribute("selectedBases", form.legalBases() == null ? List.of() : form.legalBases());
		model.addAttribute("selectedConditions",
				form.specialCategoryConditions() == null ? List.of() : form.specialCategoryConditions());
		return FORM;
	}

	/**
	 * A public id from the address; an unparseable one is an activity that is not there.
	 */
	static UUID publicId(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException(Reason.of("privacy.refused.activityNotFound"));
		}
	}

	private static String redirect(Tenant tenant, UUID publicId) {
		return "redirect:/" + tenant.slug() + "/privacy/verwerkingen/" + publicId;
	}

}
