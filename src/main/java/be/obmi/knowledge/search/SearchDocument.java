package be.obmi.knowledge.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the search knows of one piece of content: a case, a news item, an event or a
 * newsletter issue. The source module part hands a new document to {@link SearchIndex} at
 * every change (including a change of status), so the index never serves a stale title or
 * a withdrawn item.
 *
 * @param kind the kind of content
 * @param refId the content's id in its own table
 * @param collection the collection's code for a case, else null
 * @param tenantSlug the city the content belongs to, or null for the Kenniscentrum's own
 * @param title the title; must not be null
 * @param summary the summary (plain text), may be empty
 * @param body the body as plain text (HTML tags removed), may be empty
 * @param attachmentText the text extracted from attached files (PDF), may be empty
 * @param published whether anonymous visitors may find it
 * @param facets the values per facet: field code (of the collection's template) → value
 * codes; empty lists are left out
 * @param themes the theme codes
 * @param date the content's date (publication, event start, issue date), may be null
 * @param latitude WGS84 latitude, or null
 * @param longitude WGS84 longitude, or null
 * @param path the public path of the content's page, e.g. {@code /kennis/kerken/<id>}
 */
public record SearchDocument(Kind kind, long refId, String collection, String tenantSlug, String title, String summary,
		String body, String attachmentText, boolean published, Map<String, List<String>> facets, List<String> themes,
		LocalDate date, Double latitude, Double longitude, String path) {

	public SearchDocument {
		summary = summary == null ? "" : summary;
		body = body == null ? "" : body;
		attachmentText = attachmentText == null ? "" : attachmentText;
		facets = facets == null ? Map.of() : Map.copyOf(facets);
		themes = themes == null ? List.of() : List.copyOf(themes);
	}

	/** The kinds of content the search covers. */
	public enum Kind {

		CASE, NEWS, EVENT, NEWSLETTER,
		/**
		 * A public record of another module
		 * ({@code be.obmi.knowledge.KnowledgeSearchEntries}).
		 */
		CONTRIBUTED

	}

}
