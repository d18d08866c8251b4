package be.obmi.knowledge.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import be.obmi.knowledge.search.SearchDocument;
import be.obmi.knowledge.search.SearchQuery;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The request parameters of the knowledge bank's search pages and exports, read into a
 * {@link SearchQuery}, and the links that change them (clear one facet, clear all,
 * another page). Unknown values are ignored: a stale bookmark still opens.
 */
final class KnowledgeSearchParams {

	static final String FIELD_PREFIX = "f.";

	/** The parameters that are not filters (kept by "clear all"). */
	private static final Set<String> NOT_FILTERS = Set.of("q", "sorteer", "concepten", "lang");

	/** At most this many values of one parameter are read. */
	private static final int MAX_VALUES = 50;

	private final MultiValueMap<String, String> params;

	private KnowledgeSearchParams(MultiValueMap<String, String> params) {
		this.params = params;
	}

	static KnowledgeSearchParams of(MultiValueMap<String, String> request) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		request.forEach((name, values) -> values.stream()
			.filter(v -> v != null && !v.isBlank() && v.length() <= 200)
			.limit(MAX_VALUES)
			.forEach(v -> params.add(name, v.strip())));
		return new KnowledgeSearchParams(params);
	}

	/**
	 * @param collection the collection of the page, or null for the search over
	 * everything
	 * @param editor whether the reader is a Kenniscentrum editor (only then may drafts be
	 * included)
	 */
	SearchQuery query(String collection, boolean editor) {
		Set<SearchDocument.Kind> kinds = EnumSet.noneOf(SearchDocument.Kind.class);
		values("soort").forEach(v -> {
			for (SearchDocument.Kind k : SearchDocument.Kind.values()) {
				if (k.name().equalsIgnoreCase(v)) {
					kinds.add(k);
				}
			}
		});
		Map<String, Set<String>> facets = new LinkedHashMap<>();
		params.forEach((name, values) -> {
			if (name.startsWith(FIELD_PREFIX) && name.length() > FIELD_PREFIX.length()) {
				facets.put(name.substring(FIELD_PREFIX.length()), new LinkedHashSet<>(values));
			}
		});
		Set<Integer> years = new LinkedHashSet<>();
		values("jaar").forEach(v -> {
			if (v.matches("\\d{4}")) {
				years.add(Integer.parseInt(v));
			}
		});
		return new SearchQuery(first("q"), kinds,
				collection != null ? Set.of(collection) : new LinkedHashSet<>(values("collectie")), facets,
				new LinkedHashSet<>(values("thema")), new LinkedHashSet<>(values("stad")), years, date("van"),
				date("tot"), SearchQuery.BoundingBox.parse(first("bbox")), page(), sort(),
				editor && "true".equals(first("concepten")));
	}

	String first(String name) {
		String value = params.getFirst(name);
		return value == null ? "" : value;
	}

	List<String> values(String name) {
		return params.getOrDefault(name, List.of());
	}

	boolean has(String name, String value) {
		return values(name).contains(value);
	}

	/** Whether any filter (not the text, order or language) is set. */
	boolean filtered() {
		return params.keySet().stream().anyMatch(name -> !NOT_FILTERS.contains(name) && !"pagina".equals(name));
	}

	/** The link without some parameters (and on page 1). */
	String without(String base, String... names) {
		Set<String> left = Set.of(names);
		return link(base, n -> !left.contains(n) && !"pagina".equals(n));
	}

	/** The query string of every parameter except the page, without {@code ?}. */
	String queryString() {
		String link = link("/", n -> !"pagina".equals(n));
		int at = link.indexOf('?');
		return at < 0 ? "" : link.substring(at + 1);
	}

	/** The link without any filter: text, order and language stay. */
	String clearAll(String base) {
		return link(base, NOT_FILTERS::contains);
	}

	String page(String base, int page) {
		List<String> keep = List.of(String.valueOf(page));
		MultiValueMap<String, String> copy = new LinkedMultiValueMap<>(params);
		copy.put("pagina", keep);
		return build(base, copy);
	}

	/** Every parameter except the page: the same results in another form (exports). */
	String same(String base) {
		return link(base, n -> !"pagina".equals(n));
	}

	private String link(String base, Predicate<String> keep) {
		MultiValueMap<String, String> copy = new LinkedMultiValueMap<>();
		params.forEach((name, values) -> {
			if (keep.test(name)) {
				copy.put(name, new ArrayList<>(values));
			}
		});
		return build(base, copy);
	}

	private static String build(String base, MultiValueMap<String, String> params) {
		return UriComponentsBuilder.fromPath(base).queryParams(params).encode().build().toUriString();
	}

	private LocalDate date(String name) {
		try {
			return first(name).isEmpty() ? null : LocalDate.parse(first(name));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** Whether a date parameter was given but is no date (yyyy-mm-dd). */
	boolean badDate() {
		return (!first("van").isEmpty() && date("van") == null) || (!first("tot").isEmpty() && date("tot") == null);
	}

	private int page() {
		String page = first("pagina");
		return page.matches("\\d{1,4}") ? Integer.parseInt(page) : 1;
	}

	private SearchQuery.Sort sort() {
		for (SearchQuery.Sort s : SearchQuery.Sort.values()) {
			if (s.name().equalsIgnoreCase(first("sorteer"))) {
				return s;
			}
		}
		return null;
	}

}
