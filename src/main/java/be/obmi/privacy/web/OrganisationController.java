package be.obmi.privacy.web;

import java.util.Locale;

import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.privacy.domain.LinkedOrganisations;
import be.obmi.privacy.domain.OrganisationKind;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
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
 * The organisations linked to a city (OCMW, AGB, police zone, intermunicipal body), by
 * KBO number: every member reads the list, redacteurs add and change them.
 */
@Controller
class OrganisationController {

	private static final String VIEW = "privacy/organisations";

	private final LinkedOrganisations organisations;

	private final TenantAccess access;

	private final MessageSource messages;

	OrganisationController(LinkedOrganisations organisations, TenantAccess access, MessageSource messages) {
		this.organisations = organisations;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/{slug}/privacy/organisaties")
	String list(Tenant tenant, @RequestParam(required = false) Long edit, Model model) {
		model.addAttribute("organisations", organisations.all(tenant));
		model.addAttribute("kinds", OrganisationKind.values());
		model.addAttribute("canEdit", access.has(tenant.slug(), Role.REDACTEUR));
		model.addAttribute("chosen", edit == null ? null : organisations.find(tenant, edit)
			.orElseThrow(() -> new NotFoundException(Reason.of("privacy.refused.organisationNotFound"))));
		return VIEW;
	}

	@PostMapping("/{slug}/privacy/organisaties")
	String add(Tenant tenant, @RequestParam String kbo, @RequestParam String name,
			@RequestParam(required = false) OrganisationKind kind,
			@RequestParam(defaultValue = "false") boolean ownRegister, Model model, HttpServletResponse response,
			Locale locale, RedirectAttributes redirect) {
		access.require(tenant.slug(), Role.REDACTEUR);
		try {
			organisations.add(tenant, kbo, name, kind, ownRegister);
			redirect.addFlashAttribute("done", messages.getMessage("privacy.organisations.added", null, locale));
			return "redirect:/" + tenant.slug() + "/privacy/organisaties";
		}
		catch (IllegalArgumentException ex) {
			return refused(tenant, null, ex, model, response, locale);
		}
	}

	@PostMapping("/{slug}/privacy/organisaties/{id}")
	String update(Tenant tenant, @PathVariable long id, @RequestParam int version, @RequestParam String kbo,
			@RequestParam String name, @RequestParam(required = false) OrganisationKind kind,
			@RequestParam(defaultValue = "false") boolean ownRegister, Model model, HttpServletResponse response,
			Locale locale, RedirectAttributes redirect) {
		access.require(tenant.slug(), Role.REDACTEUR);
		try {
			organisations.update(tenant, id, version, kbo, name, kind, ownRegister);
			redirect.addFlashAttribute("done", messages.getMessage("privacy.organisations.saved", null, locale));
			return "redirect:/" + tenant.slug() + "/privacy/organisaties";
		}
		catch (IllegalArgumentException | ConcurrentChangeException ex) {
			return refused(tenant, id, ex, model, response, locale);
		}
	}

	private String refused(Tenant tenant, Long id, RuntimeException ex, Model model, HttpServletResponse response,
			Locale locale) {
		response.setStatus(ex instanceof ConcurrentChangeException ? HttpServletResponse.SC_CONFLICT
				: HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("error", Texts.reason(messages, ex, locale));
		return list(tenant, id, model);
	}

}
