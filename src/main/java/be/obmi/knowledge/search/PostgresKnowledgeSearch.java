package be.obmi.knowledge.search;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link KnowledgeSearch} on PostgreSQL: the generated, weighted {@code search_vector} of
 * {@code knowledge.search_document} (Dutch stemming, accents removed), filtered by
 * {@link SearchFilter}, facets counted by {@link SearchFacets}, and typos forgiven by
 * matching unknown words against {@code knowledge.search_word} with {@code pg_trgm}'s
 * similarity.
 */
@Service
class PostgresKnowledgeSearch implements KnowledgeSearch {

	static final int PAGE_SIZE = 20;

	/** Fewer hits than this and the search looks for a better spelling. */
	static final int FEW = 3;

	/** How close a known word must be to a misspelt one (trigram similarity, 0–1). */
	static final double SIMILARITY = 0.45;

	static final String CONFIG = "'knowledge.dutch_unaccent'::regconfig";

	static final String TSQUERY = "websearch_to_tsquery(" + CONFIG + ", :q)";

	private static final String MARK_START = "\u0001";

	private static final String MARK_END = "\u0002";

	private static final String HEADLINE = "StartSel=" + MARK_START + ", StopSel=" + MARK_END
			+ ", MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Tenants tenants;

	private final SearchFacets facets;

	PostgresKnowledgeSearch(JdbcClient jdbc, JsonMapper json, Tenants tenants, SearchFacets facets) {
		this.jdbc = jdbc;
		this.json = json;
		this.tenants = tenants;
		this.facets = facets;
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
		return new SearchResults(hits, total, facets.of(query, locale, cities), suggestion, corrected);
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
		SearchFilter filter = new SearchFilter(query, null);
		return jdbc.sql("select count(*) from knowledge.search_document d where " + filter.sql)
			.params(filter.params)
			.query(Long.class)
			.single();
	}

	private List<SearchResults.Hit> hits(SearchQuery query, int limit, int offset, boolean withValues,
			Map<String, String> cities) {
		SearchFilter filter = new SearchFilter(query, null);
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

	private Map<String, String> cityNames() {
		return tenants.all().stream().collect(Collectors.toMap(Tenant::slug, Tenant::name, (a, b) -> a));
	}

}
