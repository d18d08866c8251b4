package be.obmi.privacy.web;

import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import be.obmi.privacy.domain.Breaches;
import be.obmi.privacy.domain.SubjectRequest;
import be.obmi.privacy.domain.SubjectRequestForm;
import be.obmi.privacy.domain.SubjectRequests;
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
 * The data subjects' requests of a city with their one-month clock. They concern
 * individuals: only the DPO and redacteurs see them.
 */
@Controller
@RequestMapping("/{slug}/privacy/verzoeken")
class SubjectRequestController {

	static final String LIST = "privacy/requests";

	static final String FORM = "privacy/request";

	static final String[] KINDS = { "ACCESS", "RECTIFICATION", "ERASURE", "RESTRICTION", "OBJECTION", "PORTABILITY" };

	private final SubjectRequests requests;

	private final PrivacyCasePages pages;

	private final MessageSource messages;

	SubjectRequestController(SubjectRequests requests, PrivacyCasePages pages, MessageSource messages) {
		this.requests = requests;
		this.pages = pages;
		this.messages = messages;
	}

	@GetMapping
	String list(Tenant tenant, Model model) {
		pages.requireConfidential(tenant);
		model.addAttribute("requests", requests.of(tenant));
		model.addAttribute("today", LocalDate.now(Breaches.BELGIUM));
		return LIST;
	}

	@GetMapping("/nieuw")
	String create(Tenant tenant, Model model) {
		pages.requireConfidential(tenant);
		return form(null, SubjectRequestForm.empty(LocalDate.now(Breaches.BELGIUM)), null, model);
	}

	@PostMapping
	String add(Tenant tenant, @Valid @ModelAttribute("form") SubjectRequestForm form, BindingResult errors, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		pages.requireConfidential(tenant);
		return pages.save(errors, model, locale, response, () -> {
			long id = requests.create(tenant, form, false);
			redirect.addFlashAttribute("done", messages.getMessage("privacy.request.saved", null, locale));
			return "/" + tenant.slug() + "/privacy/verzoeken/" + id;
		}, () -> form(null, form, errors, model));
	}

	@GetMapping("/{id}")
	String show(Tenant tenant, @PathVariable long id, Model model) {
		pages.requireConfidential(tenant);
		SubjectRequest request = request(tenant, id);
		return form(request, SubjectRequestForm.of(request), null, model);
	}

	@PostMapping("/{id}")
	String edit(Tenant tenant, @PathVariable long id, @Valid @ModelAttribute("form") SubjectRequestForm form,
			BindingResult errors, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		pages.requireConfidential(tenant);
		SubjectRequest request = request(tenant, id);
		return pages.save(errors, model, locale, response, () -> {
			requests.update(tenant, id, form);
			redirect.addFlashAttribute("done", messages.getMessage("privacy.request.saved", null, locale));
			return "/" + tenant.slug() + "/privacy/verzoeken/" + id;
		}, () -> form(request, form, errors, model));
	}

	private SubjectRequest request(Tenant tenant, long id) {
		return requests.byId(tenant, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String form(SubjectRequest request, SubjectRequestForm form, BindingResult errors, Model model) {
		model.addAttribute("subjectRequest", request);
		pages.bind(model, form, SubjectRequestForm.empty(LocalDate.now(Breaches.BELGIUM)), errors);
		model.addAttribute("today", LocalDate.now(Breaches.BELGIUM));
		model.addAttribute("kinds", KINDS);
		return FORM;
	}

}
