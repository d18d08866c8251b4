package be.obmi.knowledge.search;

/**
 * The one search of the knowledge bank, seen from the content's side: every part that
 * keeps content (cases, news, events, newsletter issues) tells the index of each change.
 * Behind this interface so another engine could replace PostgreSQL's text search. Calls
 * join the caller's transaction: a change and its index entry commit together.
 */
public interface SearchIndex {

	/** Adds or replaces the document of {@code (kind, refId)}. */
	void put(SearchDocument document);

	/** Removes the document of {@code (kind, refId)}, if any. */
	void remove(SearchDocument.Kind kind, long refId);

}
