package be.obmi.knowledge.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.TenantAccess;
import be.obmi.knowledge.domain.Themes;
import be.obmi.knowledge.news.NewsForm;
import be.obmi.knowledge.news.NewsItem;
import be.obmi.knowledge.news.NewsItems;
import be.obmi.knowledge.news.PageViews;
import be.obmi.knowledge.news.PortalCases;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Kenniscentrum's editors' pages for news ({@code /kenniscentrum/nieuws}) and events
 * ({@code /kenniscentrum/agenda}): list, create, edit (a stale version shows the
 * conflict, 409), publish or withdraw, delete; the featured study of the week
 * ({@code /kenniscentrum/uitgelicht}) and the visitor figures
 * ({@code /kenniscentrum/bezoekers}).
 */
@Controller
class KnowledgeNewsEditorController {

	private static final String NEWS = "/kenniscentrum/nieuws";

	private static final String AGENDA = "/kenniscentrum/agenda";

	private static final String FORM = "knowledge/news-editor-form";

	private final TenantAccess access;

	private final NewsItems news;

	private final Themes themes;

	private final PortalCases cases;

	private final PageViews views;

	private final CasePages pages;

	private final MessageSource messages;

	KnowledgeNewsEditorController(TenantAccess access, NewsItems news, Themes themes, PortalCases cases,
			PageViews views, CasePages pages, MessageSource messages) {
		this.access = access;
		this.news = news;
		this.themes = themes;
		this.cases = cases;
		this.views = views;
		this.pages = pages;
		this.messages = messages;
	}

	@GetMapping({ NEWS, AGENDA })
	String list(HttpServletRequest request, Model model) {
		access.requireKenniscentrum();
		NewsItem.Kind kind = kind(request);
		model.addAttribute("kind", kind);
		model.addAttribute("base", base(kind));
		model.addAttribute("items", news.all(kind));
		model.addAttribute("zone", NewsItem.ZONE);
		return "knowledge/news-editor-list";
	}

	@GetMapping({ NEWS + "/nieuw", AGENDA + "/nieuw" })
	String blank(HttpServletRequest request, Model model) {
		access.requireKenniscentrum();
		return form(kind(request), null, NewsForm.empty(), model);
	}

	@PostMapping({ NEWS, AGENDA })
	String create(HttpServletRequest request, @RequestParam MultiValueMap<String, String> params, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		ObmiUser user = access.requireKenniscentrum();
		NewsItem.Kind kind = kind(request);
		NewsItem created = pages.attempt(() -> news.create(kind, parse(params), user.getUsername(), false), model,
				locale, response);
		if (created == null) {
			return form(kind, null, lenient(params), model);
		}
		return saved(created, redirect, locale);
	}

	@GetMapping({ NEWS + "/{id}", AGENDA + "/{id}" })
	String edit(HttpServletRequest request, @PathVariable String id, Model model) {
		access.requireKenniscentrum();
		NewsItem item = require(request, id);
		return form(item.kind(), item, NewsForm.of(item), model);
	}

	@PostMapping({ NEWS + "/{id}", AGENDA + "/{id}" })
	String update(HttpServletRequest request, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> params, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		access.requireKenniscentrum();
		NewsItem item = require(request, id);
		NewsItem saved = pages.attempt(() -> news.update(item.id(), parse(params)), model, locale, response);
		if (saved == null) {
			return form(item.kind(), news.byId(item.id()).orElse(item), lenient(params), model);
		}
		return saved(saved, redirect, locale);
	}

	@PostMapping({ NEWS + "/{id}/publiceren", AGENDA + "/{id}/publiceren" })
	String publish(HttpServletRequest request, @PathVariable String id,
			@RequestParam(defaultValue = "") String published, @RequestParam(defaultValue = "-1") String version,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		access.requireKenniscentrum();
		NewsItem item = require(request, id);
		NewsItem saved = pages.attempt(() -> news.publish(item.id(), "true".equals(published), number(version)), model,
				locale, response);
		if (saved == null) {
			NewsItem current = news.byId(item.id()).orElse(item);
			return form(item.kind(), current, NewsForm.of(current), model);
		}
		return saved(saved, redirect, locale);
	}

	@PostMapping({ NEWS + "/{id}/verwijderen", AGENDA + "/{id}/verwijderen" })
	String delete(HttpServletRequest request, @PathVariable String id,
			@RequestParam(defaultValue = "-1") String version, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		access.requireKenniscentrum();
		NewsItem item = require(request, id);
		if (pages.attempt(() -> {
			news.delete(item.id(), number(version));
			return item;
		}, model, locale, response) == null) {
			NewsItem current = news.byId(item.id()).orElse(item);
			return form(item.kind(), current, NewsForm.of(current), model);
		}
		redirect.addFlashAttribute("done", messages.getMessage("knowledge.k3b.editor.deleted", null, locale));
		return "redirect:" + base(item.kind());
	}

	@GetMapping("/kenniscentrum/uitgelicht")
	String featured(Model model) {
		access.requireKenniscentrum();
		String week = PortalCases.isoWeek(LocalDate.now(NewsItem.ZONE));
		model.addAttribute("week", week);
		model.addAttribute("picked", cases.picked(week).orElse(null));
		model.addAttribute("featured", cases.featured(week).orElse(null));
		model.addAttribute("studies", cases.studies());
		return "knowledge/news-featured";
	}

	@PostMapping("/kenniscentrum/uitgelicht")
	String feature(@RequestParam(defaultValue = "") String study, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		access.requireKenniscentrum();
		String week = PortalCases.isoWeek(LocalDate.now(NewsItem.ZONE));
		if (pages.attempt(() -> cases.feature(week, CasePages.uuid(study)), model, locale, response) == null) {
			return featured(model);
		}
		redirect.addFlashAttribute("done", messages.getMessage("knowledge.k3b.featured.saved", null, locale));
		return "redirect:/kenniscentrum/uitgelicht";
	}

	@GetMapping("/kenniscentrum/bezoekers")
	String visitors(Model model) {
		access.requireKenniscentrum();
		LocalDate since = LocalDate.now(NewsItem.ZONE).minusDays(29);
		model.addAttribute("since", since);
		model.addAttribute("perDay", views.perGroup(since));
		model.addAttribute("perKey", views.perKey(since, 50));
		return "knowledge/news-visitors";
	}

	private String form(NewsItem.Kind kind, NewsItem item, NewsForm form, Model model) {
		model.addAttribute("kind", kind);
		model.addAttribute("base", base(kind));
		model.addAttribute("item", item);
		model.addAttribute("form", form);
		model.addAttribute("themes", themes.all());
		return FORM;
	}

	private String saved(NewsItem item, RedirectAttributes redirect, Locale locale) {
		redirect.addFlashAttribute("done", messages.getMessage("knowledge.k3b.editor.saved", null, locale));
		return "redirect:" + base(item.kind()) + "/" + item.id();
	}

	private NewsItem require(HttpServletRequest request, String id) {
		NewsItem.Kind kind = kind(request);
		return news.byId(KnowledgeNewsController.id(id))
			.filter(n -> n.kind() == kind)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static NewsItem.Kind kind(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length()).startsWith(AGENDA)
				? NewsItem.Kind.EVENT : NewsItem.Kind.NEWS;
	}

	private static String base(NewsItem.Kind kind) {
		return kind == NewsItem.Kind.EVENT ? AGENDA : NEWS;
	}

	/** The form's parameters; a time that is not one refuses the save. */
	static NewsForm parse(MultiValueMap<String, String> params) {
		return new NewsForm(params.getFirst("title"), params.getFirst("summary"), params.getFirst("body"),
				params.getOrDefault("themes", List.of()), time(params.getFirst("startsAt")),
				time(params.getFirst("endsAt")), params.getFirst("location"), params.getFirst("address"),
				params.getFirst("onlineLink"), params.getFirst("organiser"), params.getFirst("registrationLink"),
				number(params.getFirst("version")));
	}

	/** The parameters as typed, to show them again (a bad time left empty). */
	private static NewsForm lenient(MultiValueMap<String, String> params) {
		return new NewsForm(params.getFirst("title"), params.getFirst("summary"), params.getFirst("body"),
				params.getOrDefault("themes", List.of()), lenientTime(params.getFirst("startsAt")),
				lenientTime(params.getFirst("endsAt")), params.getFirst("location"), params.getFirst("address"),
				params.getFirst("onlineLink"), params.getFirst("organiser"), params.getFirst("registrationLink"),
				number(params.getFirst("version")));
	}

	private static LocalDateTime time(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new RefusedValueException(Reason.of("knowledge.refused.event.times"));
		}
	}

	private static LocalDateTime lenientTime(String text) {
		try {
			return time(text);
		}
		catch (RefusedValueException ex) {
			return null;
		}
	}

	private static int number(String text) {
		try {
			return text == null ? -1 : Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
