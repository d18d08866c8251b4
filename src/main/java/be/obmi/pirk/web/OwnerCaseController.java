package be.obmi.pirk.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.identity.TenantFunction;
import be.obmi.knowledge.TemporaryUseCases;
import be.obmi.pirk.mobilisation.OwnerAccessLog;
import be.obmi.pirk.mobilisation.OwnerAccessPurpose;
import be.obmi.pirk.mobilisation.OwnerCase;
import be.obmi.pirk.mobilisation.OwnerCases;
import be.obmi.pirk.mobilisation.OwnerContacts;
import be.obmi.pirk.mobilisation.OwnerForm;
import be.obmi.pirk.mobilisation.OwnerStatus;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.PlausibleDate;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
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
 * The mobilisation cases with their owner data: only for members with the function
 * OWNER_DATA (a beheerder without it is refused); every page that shows owner data logs
 * each case it shows. The log itself is for the tenant's DPO and beheerder.
 */
@Controller
class OwnerCaseController {

	static final String LIST = "pirk/owners";

	static final String DETAIL = "pirk/owner-case";

	static final String LOG = "pirk/owners-log";

	private final OwnerCases cases;

	private final OwnerContacts contacts;

	private final OwnerAccessLog log;

	private final TemporaryUseCases temporaryUse;

	private final TenantAccess access;

	private final MessageSource messages;

	OwnerCaseController(OwnerCases cases, OwnerContacts contacts, OwnerAccessLog log, TemporaryUseCases temporaryUse,
			TenantAccess access, MessageSource messages) {
		this.cases = cases;
		this.contacts = contacts;
		this.log = log;
		this.temporaryUse = temporaryUse;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/{slug}/pirk/eigenaars")
	String list(Tenant tenant, @RequestParam(name = "status", required = false) OwnerStatus status, Model model,
			HttpServletRequest request) {
		ObmiUser user = access.require(tenant.slug(), TenantFunction.OWNER_DATA);
		model.addAttribute("cases", cases.list(tenant, status, user.getUsername(), request.getRequestURI()));
		model.addAttribute("counts", cases.counts(tenant));
		model.addAttribute("statuses", OwnerStatus.values());
		model.addAttribute("status", status);
		return LIST;
	}

	@PostMapping("/{slug}/pirk/eigenaars")
	String open(Tenant tenant, @RequestParam("object") long objectId) {
		ObmiUser user = writer(tenant);
		OwnerCase opened = cases.open(tenant, objectId, user.getUsername(), false);
		return redirect(tenant, opened.id());
	}

	@GetMapping("/{slug}/pirk/eigenaars/{caseId}")
	String detail(Tenant tenant, @PathVariable long caseId, Model model, HttpServletRequest request) {
		ObmiUser user = access.require(tenant.slug(), TenantFunction.OWNER_DATA);
		OwnerCases.Detail detail = cases.detail(tenant, caseId, user.getUsername(), OwnerAccessPurpose.CASE_VIEW,
				request.getRequestURI());
		model.addAttribute("detail", detail);
		model.addAttribute("statuses", OwnerStatus.values());
		model.addAttribute("canEdit", access.has(tenant.slug(), Role.REDACTEUR));
		model.addAttribute("temporaryUseCases", temporaryUse.all());
		model.addAttribute("temporaryUse", temporaryUse.find(detail.ownerCase().temporaryUseCase()).orElse(null));
		model.addAttribute("temporaryUseCollection", TemporaryUseCases.collectionPath());
		model.addAttribute("today", LocalDate.now());
		if (!model.containsAttribute("ownerForm")) {
			model.addAttribute("ownerForm", OwnerForm.empty());
		}
		return DETAIL;
	}

	@PostMapping("/{slug}/pirk/eigenaars/{caseId}/status")
	String move(Tenant tenant, @PathVariable long caseId, @RequestParam("status") OwnerStatus status,
			@RequestParam("version") int version,
			@RequestParam(name = "note", required = false) @Size(max = 2000) String note, Locale locale,
			RedirectAttributes redirect) {
		ObmiUser user = writer(tenant);
		try {
			cases.move(tenant, caseId, status, version, note, user.getUsername());
			redirect.addFlashAttribute("done", messages.getMessage("pirk.owner.moved", null, locale));
		}
		catch (RuntimeException ex) {
			refused(ex, locale, redirect);
		}
		return redirect(tenant, caseId);
	}

	@PostMapping("/{slug}/pirk/eigenaars/{caseId}/notities")
	String note(Tenant tenant, @PathVariable long caseId,
			@RequestParam("kind") @Pattern(regexp = "NOTE|LETTER|CALL|VISIT|MAIL") String kind,
			@RequestParam(name = "on",
					required = false) @PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam("text") @NotBlank @Size(max = 2000) String text, Locale locale, RedirectAttributes redirect) {
		ObmiUser user = writer(tenant);
		cases.addNote(tenant, caseId, kind, on, text.strip(), user.getUsername());
		redirect.addFlashAttribute("done", messages.getMessage("pirk.owner.noted", null, locale));
		return redirect(tenant, caseId);
	}

	@PostMapping("/{slug}/pirk/eigenaars/{caseId}/eigenaars")
	String addOwner(Tenant tenant, @PathVariable long caseId, @Valid @ModelAttribute("ownerForm") OwnerForm form,
			BindingResult errors, Model model, Locale locale, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		ObmiUser user = writer(tenant);
		if (errors.hasErrors()) {
			return invalid(tenant, caseId, errors, model, locale, request, response);
		}
		contacts.add(tenant, caseId, form, user.getUsername());
		redirect.addFlashAttribute("done", messages.getMessage("pirk.owner.added", null, locale));
		return redirect(tenant, caseId);
	}

	@PostMapping("/{slug}/pirk/eigenaars/{caseId}/eigenaars/{ownerId}")
	String changeOwner(Tenant tenant, @PathVariable long caseId, @PathVariable long ownerId,
			@Valid @ModelAttribute("ownerForm") OwnerForm form, BindingResult errors, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		ObmiUser user = writer(tenant);
		if (errors.hasErrors()) {
			return invalid(tenant, caseId, errors, model, locale, request, response);
		}
		try {
			contacts.change(tenant, caseId, ownerId, form, user.getUsername());
			redirect.addFlashAttribute("done", messages.getMessage("pirk.owner.changed", null, locale));
		}
		catch (RuntimeException ex) {
			refused(ex, locale, redirect);
		}
		return redirect(tenant, caseId);
	}

	@PostMapping("/{slug}/pirk/eigenaars/{caseId}/eigenaars/{ownerId}/verwijderen")
	String removeOwner(Tenant tenant, @PathVariable long caseId, @PathVariable long ownerId, Locale locale,
			RedirectAttributes redirect) {
		ObmiUser user = writer(tenant);
		contacts.remove(tenant, caseId, ownerId, user.getUsername());
		redirect.addFlashAttribute("done", messages.getMessage("pirk.owner.removed", null, locale));
		return redirect(tenant, caseId);
	}

	@PostMapping("/{slug}/pirk/eigenaars/{caseId}/tijdelijk-gebruik")
	String linkTemporaryUse(Tenant tenant, @PathVariable long caseId,
			@RequestParam(name = "case", required = false) UUID publicId, @RequestParam("version") int version,
			Locale locale, RedirectAttributes redirect) {
		ObmiUser user = writer(tenant);
		try {
			cases.linkTemporaryUse(tenant, caseId, publicId, version, user.getUsername());
			redirect.addFlashAttribute("done", messages.getMessage("pirk.owner.linked", null, locale));
		}
		catch (RuntimeException ex) {
			refused(ex, locale, redirect);
		}
		return redirect(tenant, caseId);
	}

	@GetMapping("/{slug}/pirk/toegangslog")
	String accessLog(Tenant tenant, @RequestParam(name = "user", required = false) @Size(max = 100) String username,
			Model model) {
		if (!access.dpo(tenant.slug()) && !access.has(tenant.slug(), Role.BEHEERDER)) {
			throw new AccessDeniedException("Onvoldoende rechten");
		}
		String who = username == null || username.isBlank() ? null : username.strip();
		model.addAttribute("accesses", log.latest(tenant, who, 500));
		model.addAttribute("user", who);
		return LOG;
	}

	/** A refused owner form: the case page again, with the first error, answered 400. */
	private String invalid(Tenant tenant, long caseId, BindingResult errors, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("error", messages.getMessage(errors.getAllErrors().getFirst(), locale));
		return detail(tenant, caseId, model, request);
	}

	/** A change of owner data: the function and at least redacteur. */
	private ObmiUser writer(Tenant tenant) {
		ObmiUser user = access.require(tenant.slug(), TenantFunction.OWNER_DATA);
		access.require(tenant.slug(), Role.REDACTEUR);
		return user;
	}

	private void refused(RuntimeException ex, Locale locale, RedirectAttributes redirect) {
		if (ex instanceof NotFoundException || !(ex instanceof IllegalArgumentException
				|| ex instanceof IllegalStateException || ex instanceof ConcurrentChangeException)) {
			throw ex;
		}
		redirect.addFlashAttribute("error", Texts.reason(messages, ex, locale));
	}

	private static String redirect(Tenant tenant, long caseId) {
		return "redirect:/" + tenant.slug() + "/pirk/eigenaars/" + caseId;
	}

}
