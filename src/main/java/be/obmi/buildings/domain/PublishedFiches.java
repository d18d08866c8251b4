package be.obmi.buildings.domain;

import java.util.List;

/** The published fiches, for the search and other readers inside the module. */
public interface PublishedFiches {

	/**
	 * Every fiche with a published version, public and members-only, by process order.
	 */
	List<FicheSummary> published();

}
