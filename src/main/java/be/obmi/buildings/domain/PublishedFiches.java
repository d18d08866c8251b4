package be.obmi.buildings.domain;

import java.util.List;

/**
 * The published fiches of the Schillenboek, for the search and the comparison pages.
 */
public interface PublishedFiches {

	List<FicheSummary> published();

}
