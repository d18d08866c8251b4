package be.obmi.stats.query;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Search over the published indicators with values in a scope (name, theme, definition in
 * Dutch and English, code) and the areas of a city (its deelgemeenten, wijken and
 * sectors) plus every municipality: PostgreSQL's text search with accents ignored
 * ({@code unaccent}) and typos forgiven (trigram {@code word_similarity} of
 * {@code pg_trgm}), best match first.
 */
@Service
public class StatsSearch {

	/** How close a misspelt word must be to a word of a name (0–1). */
	static final double SIMILARITY = 0.45;

	static final int LIMIT = 25;

	/** An indicator and an area found, best first. */
	public record Results(String query, List<Indicator> indicators, List<Area> areas) {

		public boolean empty() {
			return indicators.isEmpty() && areas.isEmpty();
		}

	}

	private final JdbcClient jdbc;

	private final Indicators indicators;

	StatsSearch(JdbcClient jdbc, Indicators indicators) {
		this.jdbc = jdbc;
		this.indicators = indicators;
	}

	/**
	 * @param city the tenant's municipality, or null (the platform, the VGC): then only
	 * municipalities are searched among the areas
	 */
	@Transactional(readOnly = true)
	public Results search(Scope scope, Area city, String query) {
		String q = query == null ? "" : query.strip();
		if (q.length() < 2) {
			return new Results(q, List.of(), List.of());
		}
		Map<Long, Indicator> visible = indicators.withData(scope)
			.stream()
			.collect(Collectors.toMap(Indicator::id, Function.identity(), (a, b) -> a));
		List<Indicator> found = visible.isEmpty() ? List.of()
				: jdbc
					.sql("""
							with q as (select unaccent(lower(:q)) as text, plainto_tsquery('simple', unaccent(lower(:q))) as ts)
							select i.id from stats.indicator i, q
							where i.id = any(:ids)
							  and (to_tsvector('simple', unaccent(lower(i.name || ' ' || i.theme || ' ' || coalesce(i.definition, '')
							         || ' ' || i.code || ' ' || coalesce(i.name_en, '') || ' ' || coalesce(i.theme_en, '')
							         || ' ' || coalesce(i.definition_en, '')))) @@ q.ts
							       or word_similarity(q.text, unaccent(lower(i.name || ' ' || i.theme || ' '
							         || coalesce(i.name_en, '') || ' ' || coalesce(i.theme_en, '')))) >= :similarity)
							order by (to_tsvector('simple', unaccent(lower(i.name || ' ' || coalesce(i.name_en, '')))) @@ q.ts) desc,
							         word_similarity(q.text, unaccent(lower(i.name || ' ' || i.theme || ' '
							           || coalesce(i.name_en, '') || ' ' || coalesce(i.theme_en, '')))) desc, i.name
							limit :limit""")
					.param("q", q)
					.param("ids", visible.keySet().toArray(Long[]::new))
					.param("similarity", SIMILARITY)
					.param("limit", LIMIT)
					.query(Long.class)
					.list()
					.stream()
					.map(visible::get)
					.toList();
		List<Area> areas = jdbc
			.sql("""
					with q as (select unaccent(lower(:q)) as text)
					select a.id, a.level, a.code, a.name, a.parent_id, a.mapped from stats.area a, q
					where a.valid_to is null and a.mapped
					  and (a.level = 'gemeente'
					       or exists (select 1 from stats.area_ancestor x where x.area_id = a.id and x.ancestor_id = :city))
					  and (unaccent(lower(a.name)) like '%' || q.text || '%' or a.code = :q
					       or word_similarity(q.text, unaccent(lower(a.name))) >= :similarity)
					order by (unaccent(lower(a.name)) like q.text || '%') desc, word_similarity(q.text, unaccent(lower(a.name))) desc,
					         case a.level when 'gemeente' then 0 when 'deelgemeente' then 1 when 'wijk' then 2 else 3 end, a.name
					limit :limit""")
			.param("q", q)
			.param("city", city == null ? -1L : city.id())
			.param("similarity", SIMILARITY)
			.param("limit", LIMIT)
			.query(Area.class)
			.list();
		return new Results(q, found, areas);
	}

}
