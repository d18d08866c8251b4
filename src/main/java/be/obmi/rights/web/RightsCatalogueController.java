package be.obmi.rights.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.rights.catalogue.CityParameters;
import be.obmi.rights.catalogue.ExampleHouseholds;
import be.obmi.rights.catalogue.ExampleResult;
import be.obmi.rights.catalogue.ExamplesFailedException;
import be.obmi.rights.catalogue.Publication;
import be.obmi.rights.catalogue.RightEntry;
import be.obmi.rights.catalogue.RightForm;
import be.obmi.rights.catalogue.RuleVersion;
import be.obmi.rights.catalogue.RuleVersions;
import be.obmi.rights.catalogue.Rights;
import be.obmi.rights.domain.Answers;
import be.obmi.rights.domain.SocialStatute;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A city's catalogue of rights for its staff: its readers see its own and the shared
 * rights with their rules and example households; its redacteurs write its own rights,
 * save dated rule versions (the examples run at once), publish them (refused with 409
 * while an example fails) and set the city's top-up on shared rights.
 */
@Controller
@RequestMapping("/{slug}/rechten")
class RightsCatalogueController {

	private final TenantAccess access;

	private final Rights rights;

	private final RuleVersions versions;

	private final Publication publication;

	private final ExampleHouseholds examples;

	private final CityParameters parameters;

	private final MessageSource messages;

	RightsCatalogueController(TenantAccess access, Rights rights, RuleVersions versions, Publication publication,
			ExampleHouseholds examples, CityParameters parameters, MessageSource messages) {
		this.access = access;
		this.rights = rights;
		this.versions = versions;
		this.publication = publication;
		this.examples = examples;
		this.parameters = parameters;
		this.messages = messages;
	}

	@ModelAttribute("editor")
	boolean editor(@PathVariable String slug) {
		return access.has(slug, Role.REDACTEUR);
	}

	@GetMapping
	String list(Tenant tenant, Model model) {
		model.addAttribute("rights", rights.visibleTo(tenant.id()));
		return "rights/catalogue";
	}

	@GetMapping("/nieuw")
	String create(Tenant tenant, Model model) {
		access.require(tenant.slug(), Role.REDACTEUR);
		model.addAttribute("right", null);
		return "rights/right-form";
	}

	@PostMapping("/nieuw")
	String create(Tenant tenant, RightForm form, RedirectAttributes redirect, Locale locale) {
		access.require(tenant.slug(), Role.REDACTEUR);
		RightEntry created = rights.create(tenant.id(), form, false);
		return done(tenant, created, "rights.done.saved", redirect, locale);
	}

	@GetMapping("/{id}")
	String show(Tenant tenant, @PathVariable long id, @RequestParam(required = false) Long versie, Model model) {
		RightEntry right = rights.require(id, tenant.id());
		return page(tenant, right, versie, model);
	}

	@GetMapping("/{id}/bewerken")
	String edit(Tenant tenant, @PathVariable long id, Model model) {
		access.require(tenant.slug(), Role.REDACTEUR);
		model.addAttribute("right", own(tenant, id));
		return "rights/right-form";
	}

	@PostMapping("/{id}")
	String update(Tenant tenant, @PathVariable long id, RightForm form, @RequestParam int version,
			RedirectAttributes redirect, Locale locale) {
		access.require(tenant.slug(), Role.REDACTEUR);
		RightEntry saved = rights.update(own(tenant, id), form, version);
		return done(tenant, saved, "rights.done.saved", redirect, locale);
	}

	@PostMapping("/{id}/regels")
	String draft(Tenant tenant, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
			@RequestParam(required = false) String legalBasis, @RequestParam MultiValueMap<String, String> params) {
		ObmiUser user = access.require(tenant.slug(), Role.REDACTEUR);
		RightEntry right = own(tenant, id);
		RuleVersion draft = versions.draft(right, validFrom, validTo, RuleFormFields.json(params), legalBasis,
				user.getUsername());
		return "redirect:/" + tenant.slug() + "/rechten/" + id + "?versie=" + draft.id();
	}

	/**
	 * Saves a dated draft version decided by a DMN model, uploaded or pasted; refused
	 * (400) with the engine's message when it does not parse or compile.
	 */
	@PostMapping("/{id}/regels/dmn")
	String draftDmn(Tenant tenant, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
			@RequestParam(required = false) String legalBasis, @RequestParam(required = false) String rule,
			@RequestParam(required = false) String dmn, @RequestParam(required = false) MultipartFile dmnFile) {
		ObmiUser user = access.require(tenant.slug(), Role.REDACTEUR);
		RightEntry right = own(tenant, id);
		RuleVersion draft = versions.draft(right, validFrom, validTo, rule, DmnUpload.text(dmn, dmnFile), legalBasis,
				user.getUsername());
		return "redirect:/" + tenant.slug() + "/rechten/" + id + "?versie=" + draft.id();
	}

	@PostMapping("/{id}/regels/{versionId}/publiceren")
	String publishVersion(Tenant tenant, @PathVariable long id, @PathVariable long versionId, Model model,
			HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
		access.require(tenant.slug(), Role.REDACTEUR);
		RightEntry right = own(tenant, id);
		try {
			versions.publish(right, versionId);
		}
		catch (ExamplesFailedException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("failing", ex.failing());
			return page(tenant, right, versionId, model);
		}
		return done(tenant, right, "rights.done.versionPublished", redirect, locale);
	}

	@PostMapping("/{id}/voorbeelden")
	String example(Tenant tenant, @PathVariable long id, @RequestParam String name, @RequestParam String answers,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam String expected, RedirectAttributes redirect, Locale locale) {
		access.require(tenant.slug(), Role.REDACTEUR);
		RightEntry right = own(tenant, id);
		examples.save(right, tenant.id(), name, answers, asOf, expected);
		return done(tenant, right, "rights.done.exampleSaved", redirect, locale);
	}

	@PostMapping("/{id}/parameters")
	String parameter(Tenant tenant, @PathVariable long id, @RequestParam String name,
			@RequestParam(required = false) BigDecimal value, RedirectAttributes redirect, Locale locale) {
		access.require(tenant.slug(), Role.REDACTEUR);
		RightEntry right = rights.require(id, tenant.id());
		parameters.set(tenant.id(), right, name, value);
		return done(tenant, right, "rights.done.parameterSaved", redirect, locale);
	}

	@PostMapping("/{id}/publiceren")
	String publish(Tenant tenant, @PathVariable long id, Model model, HttpServletResponse response,
			RedirectAttributes redirect, Locale locale) {
		access.require(tenant.slug(), Role.REDACTEUR);
		RightEntry right = own(tenant, id);
		try {
			rights.publish(right);
		}
		catch (ExamplesFailedException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("failing", ex.failing());
			return page(tenant, right, null, model);
		}
		return done(tenant, right, "rights.done.published", redirect, locale);
	}

	@PostMapping("/{id}/archiveren")
	String archive(Tenant tenant, @PathVariable long id, RedirectAttributes redirect, Locale locale) {
		access.require(tenant.slug(), Role.REDACTEUR);
		RightEntry right = rights.archive(own(tenant, id));
		return done(tenant, right, "rights.done.archived", redirect, locale);
	}

	/**
	 * A refused change: 400 for a value, 409 for a state (or a concurrent change), with
	 * the reason on the right's page (or the catalogue).
	 */
	@ExceptionHandler({ ConcurrentChangeException.class, RefusedStateException.class, RefusedValueException.class })
	String refused(Tenant tenant, RuntimeException ex, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Locale locale = RequestContextUtils.getLocale(request);
		response.setStatus(ex instanceof IllegalArgumentException ? HttpServletResponse.SC_BAD_REQUEST
				: HttpServletResponse.SC_CONFLICT);
		model.addAttribute("error", Texts.reason(messages, ex, locale));
		model.addAttribute("editor", access.has(tenant.slug(), Role.REDACTEUR));
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String id = variables == null ? null : variables.get("id");
		if (id != null && id.matches("[0-9]{1,18}")) {
			return page(tenant, rights.require(Long.parseLong(id), tenant.id()), null, model);
		}
		return list(tenant, model);
	}

	private String page(Tenant tenant, RightEntry right, Long versionId, Model model) {
		List<RuleVersion> all = publication.versions(right.id(), false);
		RuleVersion candidate = versionId == null ? null
				: all.stream().filter(version -> version.id() == versionId).findFirst().orElse(null);
		List<ExampleResult> results = all.isEmpty() ? List.of() : publication.run(right, candidate);
		model.addAttribute("right", right);
		model.addAttribute("versions", all);
		model.addAttribute("candidate", candidate);
		model.addAttribute("results", results);
		model.addAttribute("examples", examples.of(right.id()));
		model.addAttribute("parameters", parameters.of(tenant.id(), right.id()));
		model.addAttribute("statutes", SocialStatute.values());
		model.addAttribute("housings", Answers.Housing.values());
		return "rights/right";
	}

	/** A right of the city itself: a shared right is edited by the platform. */
	private RightEntry own(Tenant tenant, long id) {
		RightEntry right = rights.require(id, tenant.id());
		if (right.shared()) {
			throw new RefusedStateException(Reason.of("rights.refused.sharedRight"));
		}
		return right;
	}

	private String done(Tenant tenant, RightEntry right, String code, RedirectAttributes redirect, Locale locale) {
		redirect.addFlashAttribute("done", messages.getMessage(code, null, locale));
		return "redirect:/" + tenant.slug() + "/rechten/" + right.id();
	}

}
