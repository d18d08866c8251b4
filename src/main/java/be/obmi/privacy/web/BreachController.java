package be.obmi.privacy.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import be.obmi.privacy.domain.Breach;
import be.obmi.privacy.domain.BreachForm;
import be.obmi.privacy.domain.Breaches;
import be.obmi.privacy.domain.CaseActivities;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The breach register of a city (art. 33(5)) with the 72-hour clock to the DPA. It is
 * confidential: only the DPO and redacteurs see it, a lezer gets 403.
 */
@Controller
@RequestMapping("/{slug}/privacy/datalekken")
class BreachController {

	static final String LIST = "privacy/breaches";

	static final String FORM = "privacy/breach";

	private final Breaches breaches;

	private final CaseActivities activities;

	private final PrivacyCasePages pages;

	private final MessageSource messages;

	BreachController(Breaches breaches, CaseActivities activities, PrivacyCasePages pages, MessageSource messages) {
		this.breaches = breaches;
		this.activities = activities;
		this.pages = pages;
		this.messages = messages;
	}

	@GetMapping
	String list(Tenant tenant, Model model) {
		pages.requireConfidential(tenant);
		model.addAttribute("breaches", breaches.of(tenant));
		model.addAttribute("now", OffsetDateTime.now());
		return LIST;
	}

	@GetMapping("/nieuw")
	String create(Tenant tenant, Model model) {
		pages.requireConfidential(tenant);
		return form(tenant, null, BreachForm.empty(LocalDateTime.now(Breaches.BELGIUM).truncatedTo(ChronoUnit.MINUTES)),
				null, model);
	}

	@PostMapping
	String add(Tenant tenant, @Valid @ModelAttribute("form") BreachForm form, BindingResult errors, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		pages.requireConfidential(tenant);
		return pages.save(errors, model, locale, response, () -> {
			long id = breaches.create(tenant, form, false);
			redirect.addFlashAttribute("done", messages.getMessage("privacy.breach.saved", null, locale));
			return "/" + tenant.slug() + "/privacy/datalekken/" + id;
		}, () -> form(tenant, null, form, errors, model));
	}

	@GetMapping("/{id}")
	String show(Tenant tenant, @PathVariable long id, Model model) {
		pages.requireConfidential(tenant);
		Breach breach = breach(tenant, id);
		return form(tenant, breach,
				BreachForm.of(breach, breaches.activities(tenant, id).stream().map(CaseActivities.Choice::id).toList()),
				null, model);
	}

	@PostMapping("/{id}")
	String edit(Tenant tenant, @PathVariable long id, @Valid @ModelAttribute("form") BreachForm form,
			BindingResult errors, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		pages.requireConfidential(tenant);
		Breach breach = breach(tenant, id);
		return pages.save(errors, model, locale, response, () -> {
			breaches.update(tenant, id, form);
			redirect.addFlashAttribute("done", messages.getMessage("privacy.breach.saved", null, locale));
			return "/" + tenant.slug() + "/privacy/datalekken/" + id;
		}, () -> form(tenant, breach, form, errors, model));
	}

	private Breach breach(Tenant tenant, long id) {
		return breaches.byId(tenant, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String form(Tenant tenant, Breach breach, BreachForm form, BindingResult errors, Model model) {
		model.addAttribute("breach", breach);
		pages.bind(model, form, BreachForm.empty(LocalDateTime.now(Breaches.BELGIUM).truncatedTo(ChronoUnit.MINUTES)),
				errors);
		model.addAttribute("choices", activities.choices(tenant));
		model.addAttribute("now", OffsetDateTime.now());
		model.addAttribute("natures", new String[] { "CONFIDENTIALITY", "INTEGRITY", "AVAILABILITY" });
		return FORM;
	}

}
