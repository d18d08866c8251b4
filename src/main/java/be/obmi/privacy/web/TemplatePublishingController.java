package be.obmi.privacy.web;

import java.util.Locale;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.TenantAccess;
import be.obmi.privacy.domain.ActivityForm;
import be.obmi.privacy.domain.LegalBasis;
import be.obmi.privacy.domain.PrivacyTemplates;
import be.obmi.privacy.domain.TemplateKind;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.shared.Texts;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Kenniscentrum publishes its shared templates at
 * {@code /kenniscentrum/privacy/sjablonen}: a new template, or a new version of one
 * (published versions never change). An activity template is edited with the register's
 * own form; agreements and DPIA models as JSON.
 */
@Controller
class TemplatePublishingController {

	private static final String VIEW = "privacy/kenniscentrum-templates";

	private final PrivacyTemplates templates;

	private final TenantAccess access;

	private final JsonMapper json;

	private final MessageSource messages;

	TemplatePublishingController(PrivacyTemplates templates, TenantAccess access, JsonMapper json,
			MessageSource messages) {
		this.templates = templates;
		this.access = access;
		this.json = json;
		this.messages = messages;
	}

	@GetMapping("/kenniscentrum/privacy/sjablonen")
	String list(@RequestParam(required = false) Long template, Model model) {
		access.requireKenniscentrum();
		model.addAttribute("templates", templates.all());
		model.addAttribute("kinds", TemplateKind.values());
		model.addAttribute("article6", LegalBasis.article6());
		model.addAttribute("article9", LegalBasis.article9());
		model.addAttribute("maxText", ActivityForm.MAX_TEXT);
		ActivityForm form = ActivityForm.empty();
		if (template != null) {
			PrivacyTemplates.Template chosen = templates.find(template)
				.orElseThrow(() -> new NotFoundException(Reason.of("privacy.refused.templateNotFound")));
			PrivacyTemplates.TemplateVersion latest = templates.version(chosen.id(), chosen.latest());
			model.addAttribute("chosen", chosen);
			model.addAttribute("versions", templates.versions(chosen.id()));
			model.addAttribute("latestJson", latest.content());
			if (chosen.kind() == TemplateKind.ACTIVITY) {
				form = ActivityForm.of(templates.activityContent(latest), null, null, null, null, null);
			}
		}
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", form);
		}
		model.addAttribute("selectedBases", ((ActivityForm) model.getAttribute("form")).legalBases());
		model.addAttribute("selectedConditions",
				((ActivityForm) model.getAttribute("form")).specialCategoryConditions());
		return VIEW;
	}

	@PostMapping("/kenniscentrum/privacy/sjablonen")
	String publish(@RequestParam TemplateKind kind, @RequestParam String code, @RequestParam String title,
			@RequestParam(required = false) String note, @RequestParam(required = false) String contentJson,
			@ModelAttribute("form") ActivityForm form, Model model, HttpServletResponse response, Locale locale,
			RedirectAttributes redirect) {
		ObmiUser user = access.requireKenniscentrum();
		try {
			Object content = kind == TemplateKind.ACTIVITY ? form.content() : parse(contentJson);
			PrivacyTemplates.TemplateVersion published = templates.publish(kind, code, title, content, note,
					user.getUsername());
			redirect.addFlashAttribute("done", messages.getMessage("privacy.templates.published",
					new Object[] { String.valueOf(published.number()) }, locale));
			return "redirect:/kenniscentrum/privacy/sjablonen?template=" + published.templateId();
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", Texts.reason(messages, ex, locale));
			return list(null, model);
		}
	}

	private Object parse(String content) {
		try {
			return json.readTree(content == null || content.isBlank() ? "{}" : content);
		}
		catch (JacksonException ex) {
			throw new RefusedValueException(Reason.of("privacy.refused.templateContent"));
		}
	}

}
