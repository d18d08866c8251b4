package be.obmi.rights.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.TenantAccess;
import be.obmi.rights.catalogue.ExampleHouseholds;
import be.obmi.rights.catalogue.ExamplesFailedException;
import be.obmi.rights.catalogue.Publication;
import be.obmi.rights.catalogue.RightEntry;
import be.obmi.rights.catalogue.RightForm;
import be.obmi.rights.catalogue.RuleVersion;
import be.obmi.rights.catalogue.RuleVersions;
import be.obmi.rights.catalogue.Rights;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;
import be.obmi.shared.Texts;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The shared (Flemish and federal) rights, offered in every city, edited by the
 * Kenniscentrum (and the platform admin) at {@code /kenniscentrum/rechten}: the fiche,
 * dated rule versions (typed conditions as JSON, or a DMN model), example households and
 * publication, refused with 409 while an example fails. Cities only set their top-up.
 */
@Controller
@RequestMapping("/kenniscentrum/rechten")
class SharedRightsController {

	static final String BASE = "/kenniscentrum/rechten";

	private final TenantAccess access;

	private final Rights rights;

	private final RuleVersions versions;

	private final Publication publication;

	private final ExampleHouseholds examples;

	private final MessageSource messages;

	SharedRightsController(TenantAccess access, Rights rights, RuleVersions versions, Publication publication,
			ExampleHouseholds examples, MessageSource messages) {
		this.access = access;
		this.rights = rights;
		this.versions = versions;
		this.publication = publication;
		this.examples = examples;
		this.messages = messages;
	}

	@GetMapping
	String list(Model model) {
		access.requireKenniscentrum();
		model.addAttribute("rights", rights.shared());
		return "rights/shared-rights";
	}

	@PostMapping("/nieuw")
	String create(RightForm form, RedirectAttributes redirect, Locale locale) {
		access.requireKenniscentrum();
		return done(rights.create(null, form, false), "rights.done.saved", redirect, locale);
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) Long versie, Model model) {
		access.requireKenniscentrum();
		return page(shared(id), versie, model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, RightForm form, @RequestParam int version, RedirectAttributes redirect,
			Locale locale) {
		access.requireKenniscentrum();
		return done(rights.update(shared(id), form, version), "rights.done.saved", redirect, locale);
	}

	@PostMapping("/{id}/regels")
	String draft(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
			@RequestParam(required = false) String legalBasis, @RequestParam(required = false) String rule,
			@RequestParam(required = false) String dmn, @RequestParam(required = false) MultipartFile dmnFile) {
		ObmiUser user = access.requireKenniscentrum();
		RightEntry right = shared(id);
		boolean decision = (dmn != null && !dmn.isBlank()) || (dmnFile != null && !dmnFile.isEmpty());
		RuleVersion draft = versions.draft(right, validFrom, validTo, rule,
				decision ? DmnUpload.text(dmn, dmnFile) : null, legalBasis, user.getUsername());
		return "redirect:" + BASE + "/" + id + "?versie=" + draft.id();
	}

	@PostMapping("/{id}/regels/{versionId}/publiceren")
	String publishVersion(@PathVariable long id, @PathVariable long versionId, Model model,
			HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
		access.requireKenniscentrum();
		RightEntry right = shared(id);
		try {
			versions.publish(right, versionId);
		}
		catch (ExamplesFailedException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("failing", ex.failing());
			return page(right, versionId, model);
		}
		return done(right, "rights.done.versionPublished", redirect, locale);
	}

	@PostMapping("/{id}/voorbeelden")
	String example(@PathVariable long id, @RequestParam String name, @RequestParam String answers,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam String expected, RedirectAttributes redirect, Locale locale) {
		access.requireKenniscentrum();
		RightEntry right = shared(id);
		examples.save(right, null, name, answers, asOf, expected);
		return done(right, "rights.done.exampleSaved", redirect, locale);
	}

	@PostMapping("/{id}/publiceren")
	String publish(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect,
			Locale locale) {
		access.requireKenniscentrum();
		RightEntry right = shared(id);
		try {
			return done(rights.publish(right), "rights.done.published", redirect, locale);
		}
		catch (ExamplesFailedException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("failing", ex.failing());
			return page(right, null, model);
		}
	}

	@PostMapping("/{id}/archiveren")
	String archive(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
		access.requireKenniscentrum();
		return done(rights.archive(shared(id)), "rights.done.archived", redirect, locale);
	}

	/** A refused change: 400 for a value, 409 for a state, with the reason. */
	@ExceptionHandler({ ConcurrentChangeException.class, RefusedStateException.class, RefusedValueException.class })
	String refused(RuntimeException ex, Model model, HttpServletRequest request, HttpServletResponse response) {
		Locale locale = RequestContextUtils.getLocale(request);
		response.setStatus(ex instanceof IllegalArgumentException ? HttpServletResponse.SC_BAD_REQUEST
				: HttpServletResponse.SC_CONFLICT);
		model.addAttribute("error", Texts.reason(messages, ex, locale));
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String id = variables == null ? null : variables.get("id");
		if (id != null && id.matches("[0-9]{1,18}")) {
			return page(shared(Long.parseLong(id)), null, model);
		}
		model.addAttribute("rights", rights.shared());
		return "rights/shared-rights";
	}

	private String page(RightEntry right, Long versionId, Model model) {
		List<RuleVersion> all = publication.versions(right.id(), false);
		RuleVersion candidate = versionId == null ? null
				: all.stream().filter(version -> version.id() == versionId).findFirst().orElse(null);
		model.addAttribute("right", right);
		model.addAttribute("versions", all);
		model.addAttribute("candidate", candidate);
		model.addAttribute("results", all.isEmpty() ? List.of() : publication.run(right, candidate));
		return "rights/shared-right";
	}

	/** A shared right; 404 for a city's own. */
	private RightEntry shared(long id) {
		return rights.find(id)
			.filter(RightEntry::shared)
			.orElseThrow(() -> new NotFoundException(Reason.of("rights.refused.unknown")));
	}

	private String done(RightEntry right, String code, RedirectAttributes redirect, Locale locale) {
		redirect.addFlashAttribute("done", messages.getMessage(code, null, locale));
		return "redirect:" + BASE + "/" + right.id();
	}

}
