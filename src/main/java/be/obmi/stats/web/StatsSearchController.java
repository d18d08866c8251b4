package be.obmi.stats.web;

import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.Size;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.StatsAccess;
import be.obmi.stats.query.StatsSearch;
import be.obmi.stats.query.StatsSite;
import be.obmi.tenancy.Tenant;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Search on the public statistics site: indicators, themes and areas, accents ignored and
 * typos forgiven ({@link StatsSearch}); as a page and as JSON for the public API.
 */
@Controller
class StatsSearchController {

	/**
	 * An indicator found, with its page; name, theme and unit in the request's language.
	 *
	 * @param lang {@code nl} when an English answer gives the Dutch name for want of an
	 * English one, else null
	 */
	record IndicatorHit(String code, String name, String theme, String unit, String url, String lang) {
	}

	/** An area found, with its report (steekkaart). */
	record AreaHit(String level, String code, String name, String url) {
	}

	record SearchJson(String query, List<IndicatorHit> indicators, List<AreaHit> areas) {
	}

	private final StatsSearch search;

	private final StatsSite site;

	StatsSearchController(StatsSearch search, StatsSite site) {
		this.search = search;
		this.site = site;
	}

	@GetMapping("/{slug}/cijfers/zoeken")
	String page(Tenant tenant, @RequestParam(name = "q", required = false) @Size(max = 100) String query, Model model) {
		StatsSearch.Results results = search.search(StatsAccess.of(tenant), site.city(tenant), query);
		model.addAttribute("results", results);
		model.addAttribute("hits", json(tenant, results));
		return "stats/search";
	}

	@GetMapping("/api/v1/{slug}/stats/search")
	@ResponseBody
	SearchJson api(Tenant tenant, @RequestParam(name = "q") @Size(max = 100) String query) {
		return json(tenant, search.search(StatsAccess.of(tenant), site.city(tenant), query));
	}

	private static SearchJson json(Tenant tenant, StatsSearch.Results results) {
		String base = "/" + tenant.slug() + "/cijfers";
		List<IndicatorHit> indicators = results.indicators()
			.stream()
			.map((Indicator i) -> hit(i, base, LocaleContextHolder.getLocale()))
			.toList();
		List<AreaHit> areas = results.areas()
			.stream()
			.map((Area a) -> new AreaHit(a.level(), a.code(), a.name(), base + "/gebied/" + a.level() + "/" + a.code()))
			.toList();
		return new SearchJson(results.query(), indicators, areas);
	}

	private static IndicatorHit hit(Indicator i, String base, Locale locale) {
		Indicator.Label name = i.nameIn(locale);
		return new IndicatorHit(i.code(), name.text(), i.themeIn(locale).text(), i.unitIn(locale).text(),
				base + "/indicator/" + i.code(), name.lang());
	}

}
