package be.obmi.knowledge.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import be.obmi.knowledge.domain.Themes;
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
 * The newsletter's public pages, without an account: subscribe (double opt-in), confirm
 * and unsubscribe through the links in the mails (a page with a button, so a mail scanner
 * that follows links changes nothing), and the archive of sent issues.
 */
@Controller
class KnowledgeNewsletterController {

	private static final String HOME = "knowledge/newsletter-home";

	private static final String LINK = "knowledge/newsletter-link";

	private final Subscribers subscribers;

	private final NewsletterIssues issues;

	private final Themes themes;

	private final CasePages pages;

	KnowledgeNewsletterController(Subscribers subscribers, NewsletterIssues issues, Themes themes, CasePages pages) {
		this.subscribers = subscribers;
		this.issues = issues;
		this.themes = themes;
		this.pages = pages;
	}

	@GetMapping("/kennis/nieuwsbrief")
	String home(Model model, Locale locale) {
		return home(model, "", locale.getLanguage(), List.of());
	}

	@PostMapping("/kennis/nieuwsbrief/inschrijven")
	String subscribe(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "nl") String language,
			@RequestParam(required = false) List<String> themes, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (pages.attempt(() -> {
			subscribers.subscribe(email, language, themes);
			return true;
		}, model, locale, response) == null) {
			return home(model, email, language, themes == null ? List.of() : themes);
		}
		redirect.addFlashAttribute("done", "knowledge.newsletter.subscribed");
		return "redirect:/kennis/nieuwsbrief";
	}

	@GetMapping("/kennis/nieuwsbrief/bevestigen")
	String confirmPage(@RequestParam(name = "t", defaultValue = "") String token, Model model,
			HttpServletResponse response) {
		return link(model, "confirm", token, subscribers.valid(token, "CONFIRM"), null, response);
	}

	@PostMapping("/kennis/nieuwsbrief/bevestigen")
	String confirm(@RequestParam(name = "t", defaultValue = "") String token, Model model,
			HttpServletResponse response) {
		boolean done = subscribers.confirm(token);
		return link(model, "confirm", token, done, done, response);
	}

	@GetMapping("/kennis/nieuwsbrief/uitschrijven")
	String unsubscribePage(@RequestParam(name = "t", defaultValue = "") String token, Model model,
			HttpServletResponse response) {
		return link(model, "unsubscribe", token, subscribers.valid(token, "MANAGE"), null, response);
	}

	@PostMapping("/kennis/nieuwsbrief/uitschrijven")
	String unsubscribe(@RequestParam(name = "t", defaultValue = "") String token, Model model,
			HttpServletResponse response) {
		boolean done = subscribers.unsubscribe(token);
		return link(model, "unsubscribe", token, done, done, response);
	}

	@GetMapping("/kennis/nieuwsbrief/{number}")
	String issue(@PathVariable String number, Model model) {
		if (!number.matches("[0-9]{1,9}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("issue", issues.sentIssue(Integer.parseInt(number))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return "knowledge/newsletter-issue";
	}

	private String home(Model model, String email, String language, List<String> chosen) {
		model.addAttribute("email", email);
		model.addAttribute("language", "en".equals(language) ? "en" : "nl");
		model.addAttribute("chosen", chosen);
		model.addAttribute("themes", themes.all());
		model.addAttribute("issues", issues.sent());
		return HOME;
	}

	/**
	 * The page of a link: a button while the token is valid ({@code done} null), the
	 * outcome after the button; an invalid or expired token answers 404 with an
	 * explanation.
	 */
	private String link(Model model, String action, String token, boolean valid, Boolean done,
			HttpServletResponse response) {
		if (!valid) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
		}
		model.addAttribute("action", action);
		model.addAttribute("token", token);
		model.addAttribute("valid", valid);
		model.addAttribute("done", done != null && done);
		return LINK;
	}

}
