package be.obmi.knowledge.search;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import be.obmi.knowledge.SearchContribution;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The facets of a knowledge search: counted with one {@code group by} per facet over the
 * result with the other facets' selections applied ({@link SearchFilter}).
 */
@Component
class SearchFacets {

	private final JdbcClient jdbc;

	private final SearchTemplates templates;

	private final MessageSource messages;

	private final ObjectProvider<SearchContribution> contributions;

	SearchFacets(JdbcClient jdbc, SearchTemplates templates, MessageSource messages,
			ObjectProvider<SearchContribution> contributions) {
		this.jdbc = jdbc;
		this.templates = templates;
		this.messages = messages;
		this.contributions = contributions;
	}

	/**
	 * The facets of a query's results: kind, collection, city, theme, year, and the facet
	 * fields of the collection when one is chosen.
	 */
	List<SearchResults.Facet> of(SearchQuery query, Locale locale, Map<String, String> cities) {
		List<SearchResults.Facet> facets = new ArrayList<>();
		List<SearchTemplates.Collection> collections = templates.collections();
		Map<String, String> collectionNames = collections.stream()
			.collect(Collectors.toMap(SearchTemplates.Collection::code, c -> c.name(locale), (a, b) -> a,
					LinkedHashMap::new));
		contributions.orderedStream().forEach(c -> collectionNames.put(c.source(), text(c.labelCode(), locale)));
		Map<String, String> kinds = new LinkedHashMap<>();
		for (SearchDocument.Kind kind : SearchDocument.Kind.values()) {
			kinds.put(kind.name(), text("knowledge.search.kind." + kind.name(), locale));
		}
		facets.add(facet("soort", "soort", "d.kind", kinds, true, query.kinds().stream().map(Enum::name).toList(),
				query, locale));
		facets.add(facet("collectie", "collectie", "d.collection", collectionNames, true, query.collections(), query,
				locale));
		Map<String, String> cityLabels = new LinkedHashMap<>();
		cities.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByValue())
			.forEach(e -> cityLabels.put(e.getKey(), e.getValue()));
		facets.add(facet("stad", "stad", "d.tenant_slug", cityLabels, true, query.cities(), query, locale));
		facets.add(facet("thema", "thema", "unnest(d.themes)", themes(locale), true, query.themes(), query, locale));
		facets.add(facet("jaar", "jaar", "extract(year from d.content_date)::int::text", Map.of(), false,
				query.years().stream().map(String::valueOf).toList(), query, locale));
		if (query.collection() != null) {
			for (SearchTemplates.Field field : templates.fields(query.collection())) {
				if (field.facet()) {
					facets.add(fieldFacet(field, query, locale));
				}
			}
		}
		return facets;
	}

	private SearchResults.Facet fieldFacet(SearchTemplates.Field field, SearchQuery query, Locale locale) {
		Map<String, String> labels = new LinkedHashMap<>();
		field.choices().forEach(c -> labels.put(c.code(), c.label(locale)));
		Set<String> selected = query.facets().getOrDefault(field.code(), Set.of());
		String param = "f." + field.code();
		Map<String, Long> counts = counts(param,
				"jsonb_array_elements_text(case when jsonb_typeof(d.facets -> :field) = 'array'"
						+ " then d.facets -> :field else '[]'::jsonb end)",
				Map.of("field", field.code()), query);
		List<SearchResults.FacetValue> values = new ArrayList<>();
		labels.forEach((code, label) -> values
			.add(new SearchResults.FacetValue(code, label, counts.getOrDefault(code, 0L), selected.contains(code))));
		counts.forEach((code, n) -> {
			if (!labels.containsKey(code)) {
				values.add(new SearchResults.FacetValue(code, code, n, selected.contains(code)));
			}
		});
		return new SearchResults.Facet(field.code(), param, field.label(locale), values);
	}

	/**
	 * A fixed facet: its values with their counts, in the order of {@code labels} (else
	 * newest year first); values without hits are left out unless selected.
	 */
	private SearchResults.Facet facet(String code, String param, String expression, Map<String, String> labels,
			boolean labelOrder, Collection<String> selected, SearchQuery query, Locale locale) {
		Map<String, Long> counts = counts(code, expression, Map.of(), query);
		Set<String> codes = new LinkedHashSet<>();
		if (labelOrder) {
			labels.keySet().stream().filter(k -> counts.containsKey(k) || selected.contains(k)).forEach(codes::add);
			counts.keySet().stream().sorted().forEach(codes::add);
		}
		else {
			TreeSet<String> years = new TreeSet<>(Comparator.reverseOrder());
			years.addAll(counts.keySet());
			years.addAll(selected);
			codes.addAll(years);
		}
		codes.addAll(selected);
		List<SearchResults.FacetValue> values = codes.stream()
			.map(v -> new SearchResults.FacetValue(v, labels.getOrDefault(v, v), counts.getOrDefault(v, 0L),
					selected.contains(v)))
			.toList();
		return new SearchResults.Facet(code, param, text("knowledge.search.facet." + code, locale), values);
	}

	/**
	 * The number of hits per value of a facet, with every other facet's selection
	 * applied.
	 */
	private Map<String, Long> counts(String facet, String expression, Map<String, Object> extra, SearchQuery query) {
		SearchFilter filter = new SearchFilter(query, facet);
		Map<String, Object> params = new HashMap<>(filter.params);
		params.putAll(extra);
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("select x.v, count(distinct (d.kind, d.ref_id)) as n from knowledge.search_document d"
				+ " cross join lateral (select " + expression + " as v) x where x.v is not null and " + filter.sql
				+ " group by x.v")
			.params(params)
			.query((ResultSet rs) -> {
				counts.put(rs.getString("v"), rs.getLong("n"));
			});
		return counts;
	}

	private Map<String, String> themes(Locale locale) {
		Map<String, String> themes = new LinkedHashMap<>();
		jdbc.sql("select code, label_nl, label_en from knowledge.theme order by position, code")
			.query((ResultSet rs) -> {
				themes.put(rs.getString("code"),
						rs.getString("en".equals(locale.getLanguage()) ? "label_en" : "label_nl"));
			});
		return themes;
	}

	private String text(String code, Locale locale) {
		return messages.getMessage(code, null, code, locale);
	}

}
