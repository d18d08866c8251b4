package be.obmi.knowledge.search;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The where clause of a search query, leaving out the selection of one facet
 * ({@code except}, for that facet's counts); its named parameters in {@code params}.
 */
final class SearchFilter {

	private static final String TSQUERY = PostgresKnowledgeSearch.TSQUERY;

	final Map<String, Object> params = new HashMap<>();

	final String sql;

	SearchFilter(SearchQuery query, String except) {
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
			params.putAll(Map.of("west", query.box().west(), "south", query.box().south(), "east", query.box().east(),
					"north", query.box().north()));
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
