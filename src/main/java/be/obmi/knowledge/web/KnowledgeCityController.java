package be.obmi.knowledge.web;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.knowledge.domain.CaseStatus;
import be.obmi.knowledge.domain.Collection;
import be.obmi.knowledge.domain.Collections;
import be.obmi.knowledge.domain.KnowledgeCase;
import be.obmi.knowledge.domain.KnowledgeCases;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A city's own cases in the collections that take cases from cities: its readers see
 * them, its redacteurs write them and send them to review; the Kenniscentrum publishes
 * them. A city reaches only its own cases (another city's answer 404).
 */
@Controller
@RequestMapping("/{slug}/kennis")
class KnowledgeCityController {

	private final TenantAccess access;

	private final Collections collections;

	private final KnowledgeCases cases;

	private final CasePages pages;

	private final MessageSource messages;

	KnowledgeCityController(TenantAccess access, Collections collections, KnowledgeCases cases, CasePages pages,
			MessageSource messages) {
		this.access = access;
		this.collections = collections;
		this.cases = cases;
		this.pages = pages;
		this.messages = messages;
	}

	/** Whether the current user writes the city's cases (its redacteur). */
	@ModelAttribute("editor")
	boolean editor(@PathVariable String slug) {
		return access.has(slug, Role.REDACTEUR);
	}

	@GetMapping
	String list(Tenant tenant, Model model) {
		Map<Long, Collection> byId = collections.all().stream().collect(Collectors.toMap(Collection::id, c -> c));
		model.addAttribute("cases", cases.ofCity(tenant));
		model.addAttribute("collectionsById", byId);
		model.addAttribute("open",
				byId.values()
					.stream()
					.filter(Collection::citiesContribute)
					.sorted((a, b) -> Integer.compare(a.position(), b.position()))
					.toList());
		return "knowledge/k1-city-cases";
	}

	@GetMapping("/{code}/nieuw")
	String create(Tenant tenant, @PathVariable String code, Model model, Locale locale) {
		access.require(tenant.slug(), Role.REDACTEUR);
		return pages.form(model, open(code), null, null, base(tenant) + "/" + code + "/nieuw", locale);
	}

	@PostMapping("/{code}/nieuw")
	String create(Tenant tenant, @PathVariable String code, @RequestParam MultiValueMap<String, String> params,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		ObmiUser user = access.require(tenant.slug(), Role.REDACTEUR);
		Collection collection = open(code);
		KnowledgeCase created = pages.attempt(
				() -> cases.create(code, tenant, CasePages.parse(params), user.getUsername(), false), model, locale,
				response);
		if (created == null) {
			return pages.form(model, collection, null, params, base(tenant) + "/" + code + "/nieuw", locale);
		}
		return done(tenant, created, redirect, locale);
	}

	@GetMapping("/cases/{publicId}")
	String edit(Tenant tenant, @PathVariable String publicId, Model model, Locale locale) {
		KnowledgeCase c = cases.require(CasePages.uuid(publicId), tenant);
		return pages.form(model, collectionOf(c), c, null, base(tenant) + "/cases/" + publicId, locale);
	}

	@PostMapping("/cases/{publicId}")
	String edit(Tenant tenant, @PathVariable String publicId, @RequestParam MultiValueMap<String, String> params,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		ObmiUser user = access.require(tenant.slug(), Role.REDACTEUR);
		UUID id = CasePages.uuid(publicId);
		KnowledgeCase before = cases.require(id, tenant);
		KnowledgeCase saved = pages.attempt(() -> cases.update(id, tenant, CasePages.parse(params), user.getUsername()),
				model, locale, response);
		if (saved == null) {
			return pages.form(model, collectionOf(before), before, params, base(tenant) + "/cases/" + publicId, locale);
		}
		return done(tenant, saved, redirect, locale);
	}

	@PostMapping("/cases/{publicId}/status")
	String move(Tenant tenant, @PathVariable String publicId, @RequestParam CaseStatus to, @RequestParam int version,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		ObmiUser user = access.require(tenant.slug(), Role.REDACTEUR);
		UUID id = CasePages.uuid(publicId);
		KnowledgeCase before = cases.require(id, tenant);
		KnowledgeCase moved = pages.attempt(() -> cases.move(id, tenant, to, version, user.getUsername()), model,
				locale, response);
		if (moved == null) {
			return pages.form(model, collectionOf(before), before, null, base(tenant) + "/cases/" + publicId, locale);
		}
		return done(tenant, moved, redirect, locale);
	}

	@PostMapping("/cases/{publicId}/bestanden")
	String upload(Tenant tenant, @PathVariable String publicId, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String field, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		ObmiUser user = access.require(tenant.slug(), Role.REDACTEUR);
		KnowledgeCase c = cases.require(CasePages.uuid(publicId), tenant);
		Boolean stored = pages.attempt(() -> {
			pages.upload(c, field, file, user.getUsername());
			return true;
		}, model, locale, response);
		if (stored == null) {
			return pages.form(model, collectionOf(c), c, null, base(tenant) + "/cases/" + publicId, locale);
		}
		return done(tenant, c, redirect, locale);
	}

	private Collection open(String code) {
		return collections.byCode(code)
			.filter(Collection::citiesContribute)
			.orElseThrow(() -> new NotFoundException(Reason.of("knowledge.refused.collectionUnknown")));
	}

	private Collection collectionOf(KnowledgeCase c) {
		return collections.byId(c.collectionId());
	}

	private String done(Tenant tenant, KnowledgeCase c, RedirectAttributes redirect, Locale locale) {
		redirect.addFlashAttribute("done", messages.getMessage("knowledge.k1.case.saved", null, locale));
		return "redirect:" + base(tenant) + "/cases/" + c.publicId();
	}

	private static String base(Tenant tenant) {
		return "/" + tenant.slug() + "/kennis";
	}

}
