package be.obmi.knowledge.search;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The one search of the knowledge bank, seen from the reader's side: text, facets, dates
 * and a map area over cases, news, events and newsletter issues. Behind this interface so
 * another engine could replace PostgreSQL's text search ({@link SearchIndex} is the
 * writing side). Unpublished documents are found only when the query asks for them
 * ({@link SearchQuery#includeDrafts()}), which only a Kenniscentrum editor may.
 */
public interface KnowledgeSearch {

	/** One page of hits with the facets of the whole result; never null. */
	SearchResults search(SearchQuery query, Locale locale);

	/**
	 * Every hit of the query (not only one page), at most {@code limit}, in the query's
	 * order, each with the case's field values for exports.
	 */
	void forEachHit(SearchQuery query, int limit, Consumer<SearchResults.Hit> consumer);

	/**
	 * Published titles like {@code text} (typos forgiven), best first, for type-ahead.
	 */
	List<SearchResults.Suggestion> suggestions(String text, int limit);

}
