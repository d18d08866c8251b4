package be.obmi.pirk.web;

import java.util.List;
import java.util.Locale;

import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.domain.RealEstateKind;
import be.obmi.pirk.domain.RegisterEntries;
import be.obmi.pirk.domain.RegisterEntry;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The work queue: register entries no object matched, each with the objects near it or in
 * its street; staff link one to an object or make a new object of it.
 */
@Controller
class QueueController {

	static final String VIEW = "pirk/queue";

	static final int LIMIT = 100;

	private final RegisterEntries entries;

	private final TenantAccess access;

	private final MessageSource messages;

	QueueController(RegisterEntries entries, TenantAccess access, MessageSource messages) {
		this.entries = entries;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/{slug}/pirk/wachtrij")
	String queue(Tenant tenant, Model model) {
		List<RegisterEntry> queued = entries.queue(tenant, LIMIT);
		model.addAttribute("entries", queued);
		model.addAttribute("candidates", entries.candidates(tenant, queued));
		model.addAttribute("size", entries.queueSize(tenant));
		model.addAttribute("kinds", RealEstateKind.values());
		model.addAttribute("canEdit", access.has(tenant.slug(), Role.REDACTEUR));
		return VIEW;
	}

	@PostMapping("/{slug}/pirk/wachtrij/{id}/koppelen")
	String link(Tenant tenant, @PathVariable long id, @RequestParam long object, @RequestParam int version,
			RedirectAttributes redirect, Locale locale) {
		access.require(tenant.slug(), Role.REDACTEUR);
		try {
			entries.link(tenant, id, object, version);
			redirect.addFlashAttribute("linked", object);
		}
		catch (ConcurrentChangeException | RefusedStateException ex) {
			redirect.addFlashAttribute("queueError", Texts.reason(messages, ex, locale));
		}
		catch (NotFoundException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:/" + tenant.slug() + "/pirk/wachtrij";
	}

	@PostMapping("/{slug}/pirk/wachtrij/{id}/nieuw-object")
	String create(Tenant tenant, @PathVariable long id, @RequestParam RealEstateKind kind, @RequestParam int version,
			RedirectAttributes redirect, Locale locale) {
		access.require(tenant.slug(), Role.REDACTEUR);
		try {
			RealEstate created = entries.createObject(tenant, id, kind, version);
			redirect.addFlashAttribute("created", created.id());
		}
		catch (ConcurrentChangeException | RefusedStateException ex) {
			redirect.addFlashAttribute("queueError", Texts.reason(messages, ex, locale));
		}
		catch (NotFoundException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:/" + tenant.slug() + "/pirk/wachtrij";
	}

}
