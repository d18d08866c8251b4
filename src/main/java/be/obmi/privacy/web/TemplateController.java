package be.obmi.privacy.web;

import java.util.Locale;
import java.util.UUID;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.privacy.domain.PrivacyTemplates;
import be.obmi.privacy.domain.ProcessingActivities;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A city and the Kenniscentrum's templates: the list with what the city adopted, adopting
 * an activity template (a draft copy), and per adopted activity the fields a newer
 * template version changed, each accepted or rejected. Redacteurs adopt and decide.
 */
@Controller
class TemplateController {

	private final PrivacyTemplates templates;

	private final ProcessingActivities activities;

	private final TenantAccess access;

	private final MessageSource messages;

	TemplateController(PrivacyTemplates templates, ProcessingActivities activities, TenantAccess access,
			MessageSource messages) {
		this.templates = templates;
		this.activities = activities;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/{slug}/privacy/sjablonen")
	String list(Tenant tenant, Model model) {
		model.addAttribute("templates", templates.all());
		model.addAttribute("adopted", templates.adopted(tenant));
		model.addAttribute("canEdit", access.has(tenant.slug(), Role.REDACTEUR));
		return "privacy/templates";
	}

	@PostMapping("/{slug}/privacy/sjablonen/{id}/overnemen")
	String adopt(Tenant tenant, @PathVariable long id, Model model, HttpServletResponse response, Locale locale,
			RedirectAttributes redirect) {
		ObmiUser user = access.require(tenant.slug(), Role.REDACTEUR);
		try {
			ProcessingActivities.Activity adopted = templates.adopt(tenant, id, user.getUsername());
			redirect.addFlashAttribute("done", messages.getMessage("privacy.templates.adopted", null, locale));
			return "redirect:/" + tenant.slug() + "/privacy/verwerkingen/" + adopted.publicId();
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", Texts.reason(messages, ex, locale));
			return list(tenant, model);
		}
	}

	@GetMapping("/{slug}/privacy/sjablonen/verwerkingen/{publicId}")
	String update(Tenant tenant, @PathVariable UUID publicId, Model model) {
		model.addAttribute("activity", activities.require(tenant, publicId));
		model.addAttribute("update", templates.update(tenant, publicId).orElse(null));
		model.addAttribute("canEdit", access.has(tenant.slug(), Role.REDACTEUR));
		return "privacy/template-update";
	}

	@PostMapping("/{slug}/privacy/sjablonen/verwerkingen/{publicId}")
	String decide(Tenant tenant, @PathVariable UUID publicId, @RequestParam String field, @RequestParam boolean accept,
			@RequestParam int version, Model model, HttpServletResponse response, Locale locale,
			RedirectAttributes redirect) {
		ObmiUser user = access.require(tenant.slug(), Role.REDACTEUR);
		try {
			templates.decide(tenant, publicId, field, accept, version, user.getUsername());
			redirect.addFlashAttribute("done", messages.getMessage("privacy.templates.decided", null, locale));
			return "redirect:/" + tenant.slug() + "/privacy/sjablonen/verwerkingen/" + publicId;
		}
		catch (IllegalArgumentException | IllegalStateException | ConcurrentChangeException ex) {
			response.setStatus(ex instanceof IllegalArgumentException ? HttpServletResponse.SC_BAD_REQUEST
					: HttpServletResponse.SC_CONFLICT);
			model.addAttribute("error", Texts.reason(messages, ex, locale));
			return update(tenant, publicId, model);
		}
	}

}
