package be.obmi.knowledge.search;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import be.obmi.knowledge.SearchContribution;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link KnowledgeSearch} on PostgreSQL: the generated, weighted {@code search_vector} of
 * {@code knowledge.search_document} (Dutch stemming, accents removed), facets counted
 * with one {@code group by} per facet over the result with the other facets' selections
 * applied, and typos forgiven by matching unknown words against
 * {@code knowledge.search_word} with {@code pg_trgm}'s similarity.
 */
@Service
class PostgresKnowledgeSearch implements KnowledgeSearch {

	static final int PAGE_SIZE = 20;

	/** Fewer hits than this and the search looks for a better spelling. */
	static final int FEW = 3;

	/** How close a known word must be to a misspelt one (trigram similarity, 0–1). */
	static final double SIMILARITY = 0.45;

	private static final String CONFIG = "'knowledge.dutch_unaccent'::regconfig";

	private static final String TSQUERY = "websearch_to_tsquery(" + CONFIG + ", :q)";

	private static final String MARK_START = "\u0001";

	private static final String MARK_END = "\u0002";

	private static final String HEADLINE = "StartSel=" + MARK_START + ", StopSel=" + MARK_END
			+ ", MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final SearchTemplates templates;

	private final Tenants tenants;

	private final MessageSource messages;

	private final ObjectProvider<SearchContribution> contributions;

	PostgresKnowledgeSearch(JdbcClient jdbc, JsonMapper json, SearchTemplates templates, Tenants tenants,
			MessageSource messages, ObjectProvider<SearchContribution> contributions) {
		this.jdbc = jdbc;
		this.json = json;
		this.templates = templates;
		this.tenants = tenants;
		this.messages = messages;
		this.contributions = contributions;
	}

	@Override
	@Transactional(readOnly = true)
	public SearchResults search(SearchQuery query, Locale locale) {
		Map<String, String> cities = cityNames();
		long total = count(query);
		String suggestion = null;
		boolean corrected = false;
		if (total < FEW && !query.text().isEmpty()) {
			String better = betterSpelling(query.text());
			if (better != null) {
				suggestion = better;
				if (total == 0) {
					SearchQuery other = query.withText(better);
					long found = count(other);
					if (found > 0) {
						query = other;
						total = found;
						corrected = true;
					}
				}
			}
		}
		List<SearchResults.Hit> hits = hits(query, PAGE_SIZE, (query.page() - 1) * PAGE_SIZE, false, cities);
		return new SearchResults(hits, total, facets(query, locale, cities), suggestion, corrected);
	}

	@Override
	@Transactional(readOnly = true)
	public void forEachHit(SearchQuery query, int limit, Consumer<SearchResults.Hit> consumer) {
		hits(query, limit, 0, true, cityNames()).forEach(consumer);
	}

	@Override
	@Transactional(readOnly = true)
	public List<SearchResults.Suggestion> suggestions(String text, int limit) {
		String q = text == null ? "" : text.strip();
		if (q.length() < 2) {
			return List.of();
		}
		return jdbc.sql("""
				with q as (select knowledge.immutable_unaccent(lower(:q)) as text)
				select d.title, d.path, d.kind from knowledge.search_document d, q
				where d.published
				  and (knowledge.immutable_unaccent(lower(d.title)) like '%' || q.text || '%'
				       or word_similarity(q.text, knowledge.immutable_unaccent(lower(d.title))) >= :similarity)
				order by (knowledge.immutable_unaccent(lower(d.title)) like q.text || '%') desc,
				         word_similarity(q.text, knowledge.immutable_unaccent(lower(d.title))) desc, d.title
				limit :limit""")
			.param("q", q)
			.param("similarity", SIMILARITY)
			.param("limit", limit)
			.query(SearchResults.Suggestion.class)
			.list();
	}

	private long count(SearchQuery query) {
		Filter filter = new Filter(query, null);
		return jdbc.sql("select count(*) from knowledge.search_document d where " + filter.sql)
			.params(filter.params)
			.query(Long.class)
			.single();
	}

	private List<SearchResults.Hit> hits(SearchQuery query, int limit, int offset, boolean withValues,
			Map<String, String> cities) {
		Filter filter = new Filter(query, null);
		boolean text = !query.text().isEmpty();
		String snippet = text ? "ts_headline(" + CONFIG
				+ ", left(d.summary || ' ' || d.body || ' ' || d.attachment_text, 20000), " + TSQUERY + ", :headline)"
				: "left(d.summary, 300)";
		String order = switch (query.sort()) {
			case RELEVANCE ->
				text ? "ts_rank_cd(d.search_vector, " + TSQUERY + ") desc, d.content_date desc nulls last, d.title"
						: "d.content_date desc nulls last, d.title";
			case DATE -> "d.content_date desc nulls last, d.title";
			case TITLE -> "lower(d.title), d.kind, d.ref_id";
		};
		Map<String, Object> params = new HashMap<>(filter.params);
		params.put("headline", HEADLINE);
		params.put("limit", limit);
		params.put("offset", offset);
		return jdbc
			.sql("select d.kind, d.ref_id, d.title, " + snippet + " as snippet, d.collection, d.tenant_slug,"
					+ " d.content_date, d.latitude, d.longitude, d.path, d.published, "
					+ (withValues ? "k.field_values::text" : "null") + " as field_values"
					+ " from knowledge.search_document d"
					+ " left join knowledge.knowledge_case k on d.kind = 'CASE' and k.id = d.ref_id" + " where "
					+ filter.sql + " order by " + order + " limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> hit(rs, cities))
			.list();
	}

	private SearchResults.Hit hit(ResultSet rs, Map<String, String> cities) throws SQLException {
		Date date = rs.getDate("content_date");
		String slug = rs.getString("tenant_slug");
		String values = rs.getString("field_values");
		return new SearchResults.Hit(SearchDocument.Kind.valueOf(rs.getString("kind")), rs.getLong("ref_id"),
				rs.getString("title"), safeSnippet(rs.getString("snippet")), rs.getString("collection"),
				slug == null ? null : cities.getOrDefault(slug, slug), date == null ? null : date.toLocalDate(),
				rs.getObject("latitude", Double.class), rs.getObject("longitude", Double.class), rs.getString("path"),
				rs.getBoolean("published"),
				values == null ? Map.of() : json.readValue(values, new TypeReference<Map<String, Object>>() {
				}));
	}

	/**
	 * The text escaped, then the matched words marked: no HTML of the content gets
	 * through.
	 */
	static String safeSnippet(String text) {
		if (text == null) {
			return "";
		}
		String escaped = text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
		return escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>");
	}

	/**
	 * The text with each word that no published title or summary has replaced by the most
	 * similar one that does; null when nothing was replaced.
	 */
	String betterSpelling(String text) {
		Matcher words = WORD.matcher(text);
		StringBuilder out = new StringBuilder();
		boolean changed = false;
		while (words.find()) {
			String word = words.group();
			String better = word.length() < 3 ? null : similarWord(word);
			changed |= better != null;
			words.appendReplacement(out, Matcher.quoteReplacement(better == null ? word : better));
		}
		words.appendTail(out);
		return changed ? out.toString() : null;
	}

	private String similarWord(String word) {
		return jdbc.sql("""
				with w as (select knowledge.immutable_unaccent(lower(:w)) as text)
				select s.word from knowledge.search_word s, w
				where not exists (select 1 from knowledge.search_word k where k.word = w.text)
				  and s.word % w.text and similarity(s.word, w.text) >= :similarity
				order by similarity(s.word, w.text) desc, s.documents desc, s.word limit 1""")
			.param("w", word)
			.param("similarity", SIMILARITY)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private List<SearchResults.Facet> facets(SearchQuery query, Locale locale, Map<String, String> cities) {
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
		Filter filter = new Filter(query, facet);
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

	private Map<String, String> cityNames() {
		return tenants.all().stream().collect(Collectors.toMap(Tenant::slug, Tenant::name, (a, b) -> a));
	}

	private String text(String code, Locale locale) {
		return messages.getMessage(code, null, code, locale);
	}

	/**
	 * The where clause of a query, leaving out the selection of one facet
	 * ({@code except}, for that facet's counts); its named parameters in {@code params}.
	 */
	private static final class Filter {

		final Map<String, Object> params = new HashMap<>();

		final String sql;

		Filter(SearchQuery query, String except) {
			List<String> where = new ArrayList<>();
			where.add(query.includeDrafts() ? "true" : "d.published");
			if (!query.text().isEmpty()) {
				params.put("q", query.text());
				where.add("(numnode(" + TSQUERY + ") = 0 or d.search_vector @@ " + TSQUERY + ")");
			}
			in(where, except, "soort", "d.kind = any(:soort)", query.kinds().stream().map(Enum::name).toList());
			in(where, except, "collectie", "d.collection = any(:collectie)", query.collections());
			in(where, except, "stad", "d.tenant_slug = any(:stad)", query.cities());
			in(where, except, "thema", "d.themes && cast(:thema as text[])", query.themes());
			if (!query.years().isEmpty() && !"jaar".equals(except)) {
				params.put("jaar", query.years().toArray(Integer[]::new));
				where.add("extract(year from d.content_date)::int = any(:jaar)");
			}
			if (query.from() != null) {
				params.put("van", Date.valueOf(query.from()));
				where.add("d.content_date >= :van");
			}
			if (query.to() != null) {
				params.put("tot", Date.valueOf(query.to()));
				where.add("d.content_date <= :tot");
			}
			if (query.box() != null) {
				params.putAll(Map.of("west", query.box().west(), "south", query.box().south(), "east",
						query.box().east(), "north", query.box().north()));
				where.add("d.longitude between :west and :east and d.latitude between :south and :north");
			}
			int i = 0;
			for (Map.Entry<String, Set<String>> e : query.facets().entrySet()) {
				if (e.getValue().isEmpty() || ("f." + e.getKey()).equals(except)) {
					continue;
				}
				params.put("fk" + i, e.getKey());
				params.put("fv" + i, e.getValue().toArray(String[]::new));
				where.add("jsonb_exists_any(d.facets -> :fk" + i + ", cast(:fv" + i + " as text[]))");
				i++;
			}
			sql = String.join(" and ", where);
		}

		private void in(List<String> where, String except, String name, String condition, Collection<String> values) {
			if (!values.isEmpty() && !name.equals(except)) {
				params.put(name, values.toArray(String[]::new));
				where.add(condition);
			}
		}

	}

}
