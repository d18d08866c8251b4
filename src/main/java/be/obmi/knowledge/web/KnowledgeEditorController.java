package be.obmi.knowledge.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import be.obmi.identity.TenantAccess;
import be.obmi.knowledge.domain.Collection;
import be.obmi.knowledge.domain.Collections;
import be.obmi.knowledge.domain.FieldForm;
import be.obmi.knowledge.domain.FieldType;
import be.obmi.knowledge.domain.KnowledgeCases;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Kenniscentrum's editors: their landing page, the collections with their field
 * templates (add, edit, move, remove a field) and the published cases not verified for
 * twelve months.
 */
@Controller
class KnowledgeEditorController {

	private final TenantAccess access;

	private final Collections collections;

	private final KnowledgeCases cases;

	private final CasePages pages;

	private final Tenants tenants;

	private final MessageSource messages;

	KnowledgeEditorController(TenantAccess access, Collections collections, KnowledgeCases cases, CasePages pages,
			Tenants tenants, MessageSource messages) {
		this.access = access;
		this.collections = collections;
		this.cases = cases;
		this.pages = pages;
		this.tenants = tenants;
		this.messages = messages;
	}

	@GetMapping("/kenniscentrum")
	String landing() {
		access.requireKenniscentrum();
		return "knowledge/k1-landing";
	}

	@GetMapping("/kenniscentrum/kennisbank")
	String collections(Model model) {
		access.requireKenniscentrum();
		model.addAttribute("collections", collections.all());
		return "knowledge/k1-collections";
	}

	@GetMapping("/kenniscentrum/kennisbank/te-controleren")
	String unverified(Model model) {
		access.requireKenniscentrum();
		LocalDate since = LocalDate.now().minusMonths(12);
		model.addAttribute("since", since);
		model.addAttribute("cases", cases.notVerifiedSince(since));
		model.addAttribute("codes", codes());
		return "knowledge/k1-unverified";
	}

	@GetMapping("/kenniscentrum/kennisbank/{code}")
	String collection(@PathVariable String code, Model model) {
		access.requireKenniscentrum();
		return template(collections.require(code), model);
	}

	@PostMapping("/kenniscentrum/kennisbank/{code}/velden")
	String addField(@PathVariable String code, FieldForm form, Model model, Locale locale, RedirectAttributes redirect,
			HttpServletResponse response) {
		access.requireKenniscentrum();
		Collection collection = collections.require(code);
		if (pages.attempt(() -> collections.addField(code, form), model, locale, response) == null) {
			model.addAttribute("fieldForm", form);
			return template(collection, model);
		}
		return saved(code, redirect, locale);
	}

	@PostMapping("/kenniscentrum/kennisbank/{code}/velden/{field}")
	String editField(@PathVariable String code, @PathVariable String field, FieldForm form, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		access.requireKenniscentrum();
		Collection collection = collections.require(code);
		if (pages.attempt(() -> collections.updateField(code, field, form), model, locale, response) == null) {
			return template(collection, model);
		}
		return saved(code, redirect, locale);
	}

	@PostMapping("/kenniscentrum/kennisbank/{code}/velden/{field}/verplaatsen")
	String moveField(@PathVariable String code, @PathVariable String field, @RequestParam int direction,
			RedirectAttributes redirect, Locale locale) {
		access.requireKenniscentrum();
		collections.moveField(code, field, direction);
		return saved(code, redirect, locale);
	}

	@PostMapping("/kenniscentrum/kennisbank/{code}/velden/{field}/verwijderen")
	String removeField(@PathVariable String code, @PathVariable String field, RedirectAttributes redirect,
			Locale locale) {
		access.requireKenniscentrum();
		collections.removeField(code, field);
		return saved(code, redirect, locale);
	}

	private String saved(String code, RedirectAttributes redirect, Locale locale) {
		redirect.addFlashAttribute("done", messages.getMessage("knowledge.k1.template.saved", null, locale));
		return "redirect:/kenniscentrum/kennisbank/" + code;
	}

	private String template(Collection collection, Model model) {
		model.addAttribute("collection", collection);
		model.addAttribute("fields", collections.fields(collection.id()));
		model.addAttribute("types", FieldType.values());
		model.addAttribute("cases", cases.ofCollection(collection.id(), false));
		model.addAttribute("cities", tenants.all().stream().collect(Collectors.toMap(Tenant::id, Tenant::name)));
		if (!model.containsAttribute("fieldForm")) {
			model.addAttribute("fieldForm", new FieldForm("", "", "", "TEXT", "", false, false));
		}
		return "knowledge/k1-collection";
	}

	private Map<Long, String> codes() {
		return collections.all().stream().collect(Collectors.toMap(Collection::id, Collection::code));
	}

}
