package be.obmi.knowledge.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import be.obmi.identity.TenantAccess;
import be.obmi.knowledge.domain.Theme;
import be.obmi.knowledge.domain.Themes;
import be.obmi.knowledge.news.EventCalendar;
import be.obmi.knowledge.news.NewsFeeds;
import be.obmi.knowledge.news.NewsItem;
import be.obmi.knowledge.news.NewsItems;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public news and calendar: the news pages (paged), the agenda (upcoming and past),
 * an item's page, and the feeds: Atom and RSS for the news, iCalendar for all events, a
 * theme's events and one event. An item that is not published does not exist for visitors
 * (404); the Kenniscentrum's editors see it with a notice.
 */
@Controller
class KnowledgeNewsController {

	static final int PAGE_SIZE = 10;

	static final String CALENDAR = "text/calendar; charset=UTF-8";

	private final NewsItems news;

	private final Themes themes;

	private final TenantAccess access;

	private final MessageSource messages;

	KnowledgeNewsController(NewsItems news, Themes themes, TenantAccess access, MessageSource messages) {
		this.news = news;
		this.themes = themes;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/kennis/nieuws")
	String list(@RequestParam(name = "pagina", defaultValue = "1") String page, Model model) {
		int at;
		try {
			at = Math.max(1, Math.min(100_000, Integer.parseInt(page)));
		}
		catch (NumberFormatException ex) {
			at = 1;
		}
		model.addAttribute("page", news.news(at - 1, PAGE_SIZE));
		model.addAttribute("zone", NewsItem.ZONE);
		return "knowledge/news-list";
	}

	@GetMapping("/kennis/agenda")
	String agenda(Model model) {
		model.addAttribute("upcoming", news.upcomingEvents(100));
		model.addAttribute("past", news.pastEvents(30));
		model.addAttribute("themes", themes.all());
		model.addAttribute("zone", NewsItem.ZONE);
		return "knowledge/news-agenda";
	}

	@GetMapping("/kennis/nieuws/{id}")
	String newsItem(@PathVariable String id, Model model, Locale locale) {
		return item(NewsItem.Kind.NEWS, id, model, locale);
	}

	@GetMapping("/kennis/agenda/{id}")
	String event(@PathVariable String id, Model model, Locale locale) {
		return item(NewsItem.Kind.EVENT, id, model, locale);
	}

	private String item(NewsItem.Kind kind, String id, Model model, Locale locale) {
		NewsItem item = news.byId(id(id))
			.filter(n -> n.kind() == kind && (n.published() || access.kenniscentrum()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("item", item);
		model.addAttribute("themeLabels", themes.all().stream().filter(t -> item.themes().contains(t.code())).toList());
		model.addAttribute("zone", NewsItem.ZONE);
		return "knowledge/news-item";
	}

	@GetMapping("/kennis/nieuws.atom")
	void atom(HttpServletResponse response, Locale locale) throws IOException {
		response.setContentType("application/atom+xml;charset=UTF-8");
		NewsFeeds.atom(channel("/kennis/nieuws.atom", locale), news.latestNews(50), response.getOutputStream());
	}

	@GetMapping("/kennis/nieuws.rss")
	void rss(HttpServletResponse response, Locale locale) throws IOException {
		response.setContentType("application/rss+xml;charset=UTF-8");
		NewsFeeds.rss(channel("/kennis/nieuws.rss", locale), news.latestNews(50), response.getOutputStream());
	}

	@GetMapping("/kennis/agenda.ics")
	ResponseEntity<byte[]> calendar(Locale locale) {
		return ics("agenda", text("knowledge.k3b.agenda.title", locale),
				news.published(NewsItem.Kind.EVENT, null, 500));
	}

	@GetMapping("/kennis/agenda/thema/{code}.ics")
	ResponseEntity<byte[]> themeCalendar(@PathVariable String code, Locale locale) {
		Theme theme = themes.all()
			.stream()
			.filter(t -> t.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ics("agenda-" + code, text("knowledge.k3b.agenda.title", locale) + " – " + theme.label(locale),
				news.published(NewsItem.Kind.EVENT, code, 500));
	}

	@GetMapping("/kennis/agenda/{id}.ics")
	ResponseEntity<byte[]> eventCalendar(@PathVariable String id, Locale locale) {
		NewsItem event = news.published(NewsItem.Kind.EVENT, id(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ics("activiteit-" + event.id(), event.title(), List.of(event));
	}

	private ResponseEntity<byte[]> ics(String fileName, String name, List<NewsItem> events) {
		return ResponseEntity.ok()
			.header("Content-Type", CALENDAR)
			.header("Content-Disposition", "inline; filename=\"" + fileName + ".ics\"")
			.body(EventCalendar.of(name, events, link()).getBytes(StandardCharsets.UTF_8));
	}

	private NewsFeeds.Channel channel(String self, Locale locale) {
		return new NewsFeeds.Channel(text("knowledge.k3b.news.feedTitle", locale),
				text("knowledge.k3b.news.feedDescription", locale), self, "/kennis/nieuws", link());
	}

	private static Function<String, String> link() {
		String origin = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		return path -> origin + path;
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	static long id(String text) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}
