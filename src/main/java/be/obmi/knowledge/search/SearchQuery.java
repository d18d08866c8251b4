package be.obmi.knowledge.search;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * What a reader asks the knowledge bank's search. Within one facet the selected values
 * are alternatives (OR), across facets all must hold (AND).
 *
 * @param text the words typed, may be blank (then everything, newest first)
 * @param kinds the kinds of content; empty for all
 * @param collections the collections' codes; empty for all. A collection's page passes
 * its own code, and the template's facets apply when exactly one is selected
 * @param facets selected values per template field code (fields with {@code facet})
 * @param themes theme codes
 * @param cities tenant slugs of the cities
 * @param years years of the content's date
 * @param from first content date, or null
 * @param to last content date, or null
 * @param box the map area, or null
 * @param page the page, from 1
 * @param sort the order
 * @param includeDrafts whether unpublished documents are found: only for Kenniscentrum
 * editors who ask for them
 */
public record SearchQuery(String text, Set<SearchDocument.Kind> kinds, Set<String> collections,
		Map<String, Set<String>> facets, Set<String> themes, Set<String> cities, Set<Integer> years, LocalDate from,
		LocalDate to, BoundingBox box, int page, Sort sort, boolean includeDrafts) {

	public SearchQuery {
		text = text == null ? "" : text.strip();
		kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
		collections = collections == null ? Set.of() : Set.copyOf(collections);
		facets = facets == null ? Map.of() : Map.copyOf(facets);
		themes = themes == null ? Set.of() : Set.copyOf(themes);
		cities = cities == null ? Set.of() : Set.copyOf(cities);
		years = years == null ? Set.of() : Set.copyOf(years);
		page = Math.max(1, page);
		sort = sort == null ? (text.isEmpty() ? Sort.DATE : Sort.RELEVANCE) : sort;
	}

	/** Everything published, newest first. */
	public static SearchQuery all() {
		return new SearchQuery("", null, null, null, null, null, null, null, null, null, 1, null, false);
	}

	/** The same query with other text (a corrected spelling). */
	public SearchQuery withText(String other) {
		return new SearchQuery(other, kinds, collections, facets, themes, cities, years, from, to, box, page,
				sort == Sort.RELEVANCE && other.isBlank() ? Sort.DATE : sort, includeDrafts);
	}

	/** The one collection searched, whose template gives the facets; else null. */
	public String collection() {
		return collections.size() == 1 ? collections.iterator().next() : null;
	}

	/** The order of the hits. */
	public enum Sort {

		RELEVANCE, DATE, TITLE

	}

	/** A map area in WGS84: west, south, east, north. */
	public record BoundingBox(double west, double south, double east, double north) {

		/**
		 * {@code west,south,east,north} as Leaflet's {@code toBBoxString()} writes it;
		 * null when not four numbers in range.
		 */
		public static BoundingBox parse(String text) {
			if (text == null || text.isBlank()) {
				return null;
			}
			String[] parts = text.split(",");
			if (parts.length != 4) {
				return null;
			}
			try {
				double w = Double.parseDouble(parts[0]);
				double s = Double.parseDouble(parts[1]);
				double e = Double.parseDouble(parts[2]);
				double n = Double.parseDouble(parts[3]);
				boolean valid = w >= -180 && e <= 180 && s >= -90 && n <= 90 && w <= e && s <= n;
				return valid ? new BoundingBox(w, s, e, n) : null;
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

		@Override
		public String toString() {
			return west + "," + south + "," + east + "," + north;
		}

	}

}
