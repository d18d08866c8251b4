package be.obmi.privacy.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import be.obmi.privacy.domain.Agreement;
import be.obmi.privacy.domain.AgreementForm;
import be.obmi.privacy.domain.Agreements;
import be.obmi.privacy.domain.Breaches;
import be.obmi.privacy.domain.CaseActivities;
import be.obmi.shared.Downloads;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The processor agreements of a city: the list with each one's status, a form to add or
 * edit one (the DPO and redacteurs), and its signed PDF.
 */
@Controller
@RequestMapping("/{slug}/privacy/overeenkomsten")
class AgreementController {

	static final String LIST = "privacy/agreements";

	static final String FORM = "privacy/agreement";

	private final Agreements agreements;

	private final CaseActivities activities;

	private final PrivacyCasePages pages;

	private final MessageSource messages;

	AgreementController(Agreements agreements, CaseActivities activities, PrivacyCasePages pages,
			MessageSource messages) {
		this.agreements = agreements;
		this.activities = activities;
		this.pages = pages;
		this.messages = messages;
	}

	@GetMapping
	String list(Tenant tenant, Model model) {
		model.addAttribute("agreements", agreements.of(tenant));
		model.addAttribute("today", LocalDate.now(Breaches.BELGIUM));
		model.addAttribute("reminderDays", agreements.reminderDays());
		model.addAttribute("canEdit", pages.canEdit(tenant));
		return LIST;
	}

	@GetMapping("/nieuw")
	String create(Tenant tenant, Model model) {
		pages.requireEditor(tenant);
		return form(tenant, null, AgreementForm.empty(), null, model);
	}

	@PostMapping
	String add(Tenant tenant, @Valid @ModelAttribute("form") AgreementForm form, BindingResult errors, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		pages.requireEditor(tenant);
		return pages.save(errors, model, locale, response, () -> {
			long id = agreements.create(tenant, form, false);
			redirect.addFlashAttribute("done", messages.getMessage("privacy.agreement.saved", null, locale));
			return "/" + tenant.slug() + "/privacy/overeenkomsten/" + id;
		}, () -> form(tenant, null, form, errors, model));
	}

	@GetMapping("/{id}")
	String show(Tenant tenant, @PathVariable long id, Model model) {
		Agreement agreement = agreement(tenant, id);
		return form(tenant, agreement,
				AgreementForm.of(agreement,
						agreements.activities(tenant, id).stream().map(CaseActivities.Choice::id).toList()),
				null, model);
	}

	@PostMapping("/{id}")
	String edit(Tenant tenant, @PathVariable long id, @Valid @ModelAttribute("form") AgreementForm form,
			BindingResult errors, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		pages.requireEditor(tenant);
		Agreement agreement = agreement(tenant, id);
		return pages.save(errors, model, locale, response, () -> {
			agreements.update(tenant, id, form);
			redirect.addFlashAttribute("done", messages.getMessage("privacy.agreement.saved", null, locale));
			return "/" + tenant.slug() + "/privacy/overeenkomsten/" + id;
		}, () -> form(tenant, agreement, form, errors, model));
	}

	@PostMapping("/{id}/document")
	String upload(Tenant tenant, @PathVariable long id, @RequestParam("file") MultipartFile file, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		pages.requireEditor(tenant);
		Agreement agreement = agreement(tenant, id);
		try {
			agreements.attach(tenant, id, file.getOriginalFilename(), file.getBytes());
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("documentError", Texts.reason(messages, ex, locale));
			return show(tenant, agreement.id(), model);
		}
		redirect.addFlashAttribute("done", messages.getMessage("privacy.agreement.documentSaved", null, locale));
		return "redirect:/" + tenant.slug() + "/privacy/overeenkomsten/" + id;
	}

	@GetMapping("/{id}/document")
	ResponseEntity<byte[]> download(Tenant tenant, @PathVariable long id) {
		Agreements.Document document = agreements.document(tenant, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return Downloads.privateFile(MediaType.APPLICATION_PDF, document.filename(), document.bytes());
	}

	private Agreement agreement(Tenant tenant, long id) {
		return agreements.byId(tenant, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String form(Tenant tenant, Agreement agreement, AgreementForm form, BindingResult errors, Model model) {
		model.addAttribute("agreement", agreement);
		pages.bind(model, form, AgreementForm.empty(), errors);
		model.addAttribute("choices", activities.choices(tenant));
		model.addAttribute("canEdit", pages.canEdit(tenant));
		model.addAttribute("today", LocalDate.now(Breaches.BELGIUM));
		model.addAttribute("reminderDays", agreements.reminderDays());
		model.addAttribute("maxMegabytes", agreements.maxDocumentSize().toMegabytes());
		return FORM;
	}

}
