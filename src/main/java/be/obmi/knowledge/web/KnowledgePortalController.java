package be.obmi.knowledge.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import be.obmi.knowledge.domain.Theme;
import be.obmi.knowledge.domain.Themes;
import be.obmi.knowledge.news.NewsItem;
import be.obmi.knowledge.news.NewsItems;
import be.obmi.knowledge.news.PortalCases;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The Kenniscentrum's portal: its home (latest news, upcoming events, recently published
 * cases, the featured study of the week, the themes and the ways in), a theme's page and
 * the member cities with their published cases. Only published content is shown.
 */
@Controller
class KnowledgePortalController {

	private final NewsItems news;

	private final PortalCases cases;

	private final Themes themes;

	private final Tenants tenants;

	KnowledgePortalController(NewsItems news, PortalCases cases, Themes themes, Tenants tenants) {
		this.news = news;
		this.cases = cases;
		this.themes = themes;
		this.tenants = tenants;
	}

	/** A member city with its number of published cases. */
	record City(Tenant tenant, long cases) {
	}

	@GetMapping("/kennis")
	String home(Model model) {
		model.addAttribute("news", news.latestNews(5));
		model.addAttribute("events", news.upcomingEvents(5));
		model.addAttribute("cases", cases.latest(6));
		model.addAttribute("featured", cases.featured(PortalCases.isoWeek(LocalDate.now(NewsItem.ZONE))).orElse(null));
		model.addAttribute("themes", themes.all());
		model.addAttribute("zone", NewsItem.ZONE);
		return "knowledge/portal-home";
	}

	@GetMapping("/kennis/themas/{code}")
	String theme(@PathVariable String code, Model model) {
		Theme theme = themes.all()
			.stream()
			.filter(t -> t.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("theme", theme);
		model.addAttribute("news", news.published(NewsItem.Kind.NEWS, code, 20));
		model.addAttribute("events", news.published(NewsItem.Kind.EVENT, code, 20));
		model.addAttribute("cases", cases.ofTheme(code, 30));
		model.addAttribute("zone", NewsItem.ZONE);
		return "knowledge/portal-theme";
	}

	@GetMapping("/kennis/steden")
	String cities(Model model) {
		Map<Long, Long> counts = cases.publishedPerCity();
		List<City> cities = tenants.all()
			.stream()
			.filter(t -> t.kind() == Tenant.Kind.GEMEENTE || t.kind() == Tenant.Kind.GEMEENSCHAPSCOMMISSIE)
			.sorted(Comparator.comparing(Tenant::name))
			.map(t -> new City(t, counts.getOrDefault(t.id(), 0L)))
			.toList();
		model.addAttribute("cities", cities);
		return "knowledge/portal-cities";
	}

}
