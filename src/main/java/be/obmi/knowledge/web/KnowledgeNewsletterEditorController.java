package be.obmi.knowledge.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import be.obmi.identity.TenantAccess;
import be.obmi.knowledge.newsletter.IssueForm;
import be.obmi.knowledge.newsletter.NewsletterDispatch;
import be.obmi.knowledge.newsletter.NewsletterIssue;
import be.obmi.knowledge.newsletter.NewsletterIssues;
import be.obmi.knowledge.newsletter.Subscribers;

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
 * The Kenniscentrum's editors and the newsletter: the issues with their status and
 * progress, composing a draft with a preview, and sending it (the mails go out in the
 * background, see {@link NewsletterDispatch}).
 */
@Controller
class KnowledgeNewsletterEditorController {

	private static final String FORM = "knowledge/newsletter-editor-issue";

	private static final int CANDIDATES = 200;

	private final TenantAccess access;

	private final NewsletterIssues issues;

	private final Subscribers subscribers;

	private final NewsletterDispatch dispatch;

	private final CasePages pages;

	KnowledgeNewsletterEditorController(TenantAccess access, NewsletterIssues issues, Subscribers subscribers,
			NewsletterDispatch dispatch, CasePages pages) {
		this.access = access;
		this.issues = issues;
		this.subscribers = subscribers;
		this.dispatch = dispatch;
		this.pages = pages;
	}

	@GetMapping("/kenniscentrum/nieuwsbrief")
	String list(Model model) {
		access.requireKenniscentrum();
		model.addAttribute("issues", issues.all());
		model.addAttribute("subscribers", subscribers.active());
		return "knowledge/newsletter-editor-list";
	}

	@GetMapping("/kenniscentrum/nieuwsbrief/nieuw")
	String create(Model model) {
		access.requireKenniscentrum();
		return form(model, null, new IssueForm("", "", List.of(), 0));
	}

	@PostMapping("/kenniscentrum/nieuwsbrief/nieuw")
	String create(IssueForm form, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		String author = access.requireKenniscentrum().getUsername();
		NewsletterIssue created = pages.attempt(() -> issues.create(form, author), model, locale, response);
		if (created == null) {
			return form(model, null, form);
		}
		redirect.addFlashAttribute("done", "knowledge.newsletter.saved");
		return "redirect:/kenniscentrum/nieuwsbrief/" + created.id();
	}

	@GetMapping("/kenniscentrum/nieuwsbrief/{id}")
	String issue(@PathVariable String id, Model model) {
		access.requireKenniscentrum();
		NewsletterIssue issue = require(id);
		return form(model, issue, IssueForm.of(issue));
	}

	@PostMapping("/kenniscentrum/nieuwsbrief/{id}")
	String update(@PathVariable String id, IssueForm form, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		access.requireKenniscentrum();
		NewsletterIssue issue = require(id);
		if (pages.attempt(() -> issues.update(issue.id(), form), model, locale, response) == null) {
			return form(model, issue, form);
		}
		redirect.addFlashAttribute("done", "knowledge.newsletter.saved");
		return "redirect:/kenniscentrum/nieuwsbrief/" + issue.id();
	}

	@PostMapping("/kenniscentrum/nieuwsbrief/{id}/verzenden")
	String send(@PathVariable String id, @RequestParam(defaultValue = "-1") int version, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		access.requireKenniscentrum();
		NewsletterIssue issue = require(id);
		if (pages.attempt(() -> issues.send(issue.id(), version), model, locale, response) == null) {
			return form(model, issue, IssueForm.of(issue));
		}
		dispatch.trigger();
		redirect.addFlashAttribute("done", "knowledge.newsletter.sending");
		return "redirect:/kenniscentrum/nieuwsbrief/" + issue.id();
	}

	private NewsletterIssue require(String id) {
		if (!id.matches("[0-9]{1,18}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return issues.byId(Long.parseLong(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String form(Model model, NewsletterIssue issue, IssueForm form) {
		model.addAttribute("issue", issue);
		model.addAttribute("form", form);
		model.addAttribute("candidates", issue == null || issue.draft() ? issues.candidates(CANDIDATES) : List.of());
		model.addAttribute("subscribers", subscribers.active());
		return FORM;
	}

}
