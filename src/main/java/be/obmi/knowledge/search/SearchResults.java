package be.obmi.knowledge.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One page of hits of a {@link SearchQuery}, the total, the facets with their counts and,
 * for a query that found little, a corrected spelling.
 *
 * @param hits the page's hits
 * @param total the number of hits of the whole query
 * @param facets the facets in the order shown: fixed ones first, then the template's
 * @param suggestion the query with misspelt words replaced ("bedoelde u …"), or null
 * @param corrected whether the hits are those of {@code suggestion} (the typed text found
 * nothing)
 */
public record SearchResults(List<Hit> hits, long total, List<Facet> facets, String suggestion, boolean corrected) {

	/**
	 * A document found.
	 *
	 * @param snippet safe HTML: the text escaped, the matched words in {@code <mark>}
	 * @param fieldValues the case's template values by field code (exports only, else
	 * empty)
	 */
	public record Hit(SearchDocument.Kind kind, long refId, String title, String snippet, String collection,
			String city, LocalDate date, Double latitude, Double longitude, String path, boolean published,
			Map<String, Object> fieldValues) {

		public boolean located() {
			return latitude != null && longitude != null;
		}

	}

	/**
	 * A facet: a fixed one ({@code soort}, {@code collectie}, {@code stad},
	 * {@code thema}, {@code jaar}) or a template field ({@code field} {@code f.<code>}).
	 *
	 * @param field the request parameter that selects its values
	 */
	public record Facet(String code, String field, String label, List<FacetValue> values) {

		public boolean selected() {
			return values.stream().anyMatch(FacetValue::selected);
		}

	}

	/** A value of a facet with the number of hits it would give. */
	public record FacetValue(String code, String label, long count, boolean selected) {
	}

	/** A title for type-ahead. */
	public record Suggestion(String title, String path, String kind) {
	}

}
