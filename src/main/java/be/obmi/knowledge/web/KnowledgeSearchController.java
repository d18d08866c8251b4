package be.obmi.knowledge.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import be.obmi.identity.TenantAccess;
import be.obmi.knowledge.search.KnowledgeSearch;
import be.obmi.knowledge.search.SearchQuery;
import be.obmi.knowledge.search.SearchResults;
import be.obmi.knowledge.search.SearchTemplates;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The knowledge bank's search pages: {@code /kennis/zoeken} over everything,
 * {@code /kennis/collecties/{code}} over one collection with the facets of its template
 * and a map synchronised with the list, {@code /kennis/collecties} listing the
 * collections, and type-ahead suggestions as JSON. Plain GET forms; htmx replaces only
 * the facets and results ({@code HtmxPartials} renders the page's content fragment).
 */
@Controller
class KnowledgeSearchController {

	/** Facets a collection's page does not show: it is one collection of cases. */
	private static final Set<String> COLLECTION_HIDES = Set.of("soort", "collectie");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final KnowledgeSearch search;

	private final SearchTemplates templates;

	private final TenantAccess access;

	private final String tileUrl;

	private final String tileAttribution;

	KnowledgeSearchController(KnowledgeSearch search, SearchTemplates templates, TenantAccess access,
			@Value("${obmi.stats.map.tile-url:}") String tileUrl,
			@Value("${obmi.stats.map.tile-attribution:}") String tileAttribution) {
		this.search = search;
		this.templates = templates;
		this.access = access;
		this.tileUrl = tileUrl.isBlank() ? null : tileUrl.strip();
		this.tileAttribution = tileAttribution.isBlank() ? null : tileAttribution.strip();
	}

	@GetMapping("/kennis/zoeken")
	String everything(@RequestParam MultiValueMap<String, String> request, Locale locale, Model model) {
		return page(KnowledgeSearchParams.of(request), null, "/kennis/zoeken", locale, model);
	}

	@GetMapping("/kennis/collecties/{code}")
	String collection(@PathVariable String code, @RequestParam MultiValueMap<String, String> request, Locale locale,
			Model model) {
		SearchTemplates.Collection collection = templates.collection(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("collection", collection);
		return page(KnowledgeSearchParams.of(request), collection, "/kennis/collecties/" + code, locale, model);
	}

	@GetMapping("/kennis/collecties")
	String collections(Model model) {
		model.addAttribute("collections", templates.collections());
		return "knowledge/search-collections";
	}

	@GetMapping("/kennis/zoeken/suggesties")
	@ResponseBody
	List<SearchResults.Suggestion> suggestions(@RequestParam(name = "q", defaultValue = "") String q) {
		return search.suggestions(q.length() > 100 ? q.substring(0, 100) : q, 8);
	}

	private String page(KnowledgeSearchParams params, SearchTemplates.Collection collection, String base, Locale locale,
			Model model) {
		boolean editor = access.kenniscentrum();
		SearchQuery query = params.query(collection == null ? null : collection.code(), editor);
		SearchResults results = search.search(query, locale);
		List<SearchResults.Facet> facets = results.facets()
			.stream()
			.filter(f -> collection == null || !COLLECTION_HIDES.contains(f.code()))
			.toList();
		Map<String, String> clear = new LinkedHashMap<>();
		facets.forEach(f -> clear.put(f.field(), params.without(base, f.field())));
		long pages = Math.max(1, (results.total() + 19) / 20);
		model.addAttribute("base", base);
		model.addAttribute("query", query);
		model.addAttribute("params", params);
		model.addAttribute("results", results);
		model.addAttribute("facets", facets);
		model.addAttribute("clear", clear);
		model.addAttribute("clearAll", params.filtered() ? params.clearAll(base) : null);
		model.addAttribute("clearDates", params.without(base, "van", "tot"));
		model.addAttribute("clearBox", query.box() == null ? null : params.without(base, "bbox"));
		model.addAttribute("badDate", params.badDate());
		model.addAttribute("pages", pages);
		model.addAttribute("previous", query.page() > 1 ? params.page(base, query.page() - 1) : null);
		model.addAttribute("next", query.page() < pages ? params.page(base, query.page() + 1) : null);
		String exportBase = base.equals("/kennis/zoeken") ? "/kennis/zoeken/resultaten" : base + "/resultaten";
		String exportQuery = params.queryString();
		Map<String, String> exports = new LinkedHashMap<>();
		for (String format : List.of("csv", "xlsx", "geojson")) {
			exports.put(format, exportBase + "." + format + (exportQuery.isEmpty() ? "" : "?" + exportQuery));
		}
		model.addAttribute("exports", exports);
		model.addAttribute("editor", editor);
		model.addAttribute("sorts", SearchQuery.Sort.values());
		model.addAttribute("mapHits", mapHits(results));
		model.addAttribute("tileUrl", tileUrl);
		model.addAttribute("tileAttribution", tileAttribution);
		return "knowledge/search";
	}

	/**
	 * The page's hits with coordinates for the map: id (of the list item), title, path,
	 * position.
	 */
	private static String mapHits(SearchResults results) {
		return JSON.writeValueAsString(results.hits()
			.stream()
			.filter(SearchResults.Hit::located)
			.map(h -> Map.of("id", "hit-" + h.kind().name().toLowerCase(Locale.ROOT) + "-" + h.refId(), "title",
					h.title(), "path", h.path(), "lat", h.latitude(), "lon", h.longitude()))
			.toList());
	}

}
