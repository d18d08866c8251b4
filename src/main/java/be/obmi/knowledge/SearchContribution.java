package be.obmi.knowledge;

/**
 * Implemented by a module that adds records to the knowledge bank's search through
 * {@link KnowledgeSearchEntries}: names its source and the message code of the label the
 * search's collection facet shows for it.
 */
public interface SearchContribution {

	/** The source code of the module's {@link SearchEntry entries}. */
	String source();

	/** The message code of the source's label (in the contributing module's bundle). */
	String labelCode();

}
