package be.obmi.knowledge.web;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.TenantAccess;
import be.obmi.knowledge.domain.CaseStatus;
import be.obmi.knowledge.domain.Collection;
import be.obmi.knowledge.domain.Collections;
import be.obmi.knowledge.domain.KnowledgeCase;
import be.obmi.knowledge.domain.KnowledgeCases;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Kenniscentrum's editors write, review, publish, archive and verify the cases of
 * every collection, and see each case's history.
 */
@Controller
@RequestMapping("/kenniscentrum/kennisbank/{code}/cases")
class KnowledgeCaseEditorController {

	private final TenantAccess access;

	private final Collections collections;

	private final KnowledgeCases cases;

	private final CasePages pages;

	private final MessageSource messages;

	KnowledgeCaseEditorController(TenantAccess access, Collections collections, KnowledgeCases cases, CasePages pages,
			MessageSource messages) {
		this.access = access;
		this.collections = collections;
		this.cases = cases;
		this.pages = pages;
		this.messages = messages;
	}

	@GetMapping("/nieuw")
	String create(@PathVariable String code, Model model, Locale locale) {
		access.requireKenniscentrum();
		return pages.form(model, collections.require(code), null, null, base(code) + "/nieuw", locale);
	}

	@PostMapping("/nieuw")
	String create(@PathVariable String code, @RequestParam MultiValueMap<String, String> params, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		ObmiUser user = access.requireKenniscentrum();
		Collection collection = collections.require(code);
		KnowledgeCase created = pages.attempt(
				() -> cases.create(code, null, CasePages.parse(params), user.getUsername(), false), model, locale,
				response);
		if (created == null) {
			return pages.form(model, collection, null, params, base(code) + "/nieuw", locale);
		}
		return done(code, created, redirect, locale);
	}

	@GetMapping("/{publicId}")
	String edit(@PathVariable String code, @PathVariable String publicId, Model model, Locale locale) {
		access.requireKenniscentrum();
		KnowledgeCase c = cases.require(CasePages.uuid(publicId), null);
		return pages.form(model, collections.require(code), c, null, base(code) + "/" + publicId, locale);
	}

	@PostMapping("/{publicId}")
	String edit(@PathVariable String code, @PathVariable String publicId,
			@RequestParam MultiValueMap<String, String> params, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		ObmiUser user = access.requireKenniscentrum();
		UUID id = CasePages.uuid(publicId);
		KnowledgeCase before = cases.require(id, null);
		KnowledgeCase saved = pages.attempt(() -> cases.update(id, null, CasePages.parse(params), user.getUsername()),
				model, locale, response);
		if (saved == null) {
			return pages.form(model, collections.require(code), before, params, base(code) + "/" + publicId, locale);
		}
		return done(code, saved, redirect, locale);
	}

	@PostMapping("/{publicId}/status")
	String move(@PathVariable String code, @PathVariable String publicId, @RequestParam CaseStatus to,
			@RequestParam int version, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		ObmiUser user = access.requireKenniscentrum();
		UUID id = CasePages.uuid(publicId);
		KnowledgeCase before = cases.require(id, null);
		KnowledgeCase moved = pages.attempt(() -> cases.move(id, null, to, version, user.getUsername()), model, locale,
				response);
		if (moved == null) {
			return pages.form(model, collections.require(code), before, null, base(code) + "/" + publicId, locale);
		}
		return done(code, moved, redirect, locale);
	}

	@PostMapping("/{publicId}/gecontroleerd")
	String verified(@PathVariable String code, @PathVariable String publicId, RedirectAttributes redirect,
			Locale locale) {
		ObmiUser user = access.requireKenniscentrum();
		return done(code, cases.markVerified(CasePages.uuid(publicId), user.getUsername()), redirect, locale);
	}

	@PostMapping("/{publicId}/bestanden")
	String upload(@PathVariable String code, @PathVariable String publicId,
			@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String field,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		ObmiUser user = access.requireKenniscentrum();
		KnowledgeCase c = cases.require(CasePages.uuid(publicId), null);
		Boolean stored = pages.attempt(() -> {
			pages.upload(c, field, file, user.getUsername());
			return true;
		}, model, locale, response);
		if (stored == null) {
			return pages.form(model, collections.require(code), c, null, base(code) + "/" + publicId, locale);
		}
		return done(code, c, redirect, locale);
	}

	@GetMapping("/{publicId}/geschiedenis")
	String history(@PathVariable String code, @PathVariable String publicId, Model model) {
		access.requireKenniscentrum();
		KnowledgeCase c = cases.require(CasePages.uuid(publicId), null);
		model.addAttribute("collection", collections.require(code));
		model.addAttribute("knowledgeCase", c);
		model.addAttribute("revisions", cases.history(c));
		return "knowledge/k1-case-history";
	}

	private String done(String code, KnowledgeCase c, RedirectAttributes redirect, Locale locale) {
		redirect.addFlashAttribute("done", messages.getMessage("knowledge.k1.case.saved", null, locale));
		return "redirect:" + base(code) + "/" + c.publicId();
	}

	static String base(String code) {
		return "/kenniscentrum/kennisbank/" + code + "/cases";
	}

}
