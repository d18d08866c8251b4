package be.obmi.buildings.web;

import java.util.List;

import be.obmi.identity.PublicRoutes;

import org.springframework.stereotype.Component;

/**
 * The Schillenboek's fiches for anonymous readers: the list, a fiche's page and
 * downloads, and the read API. Members-only fiches are filtered by the controllers (404
 * for anonymous visitors).
 */
@Component
class BuildingsFichePublicRoutes implements PublicRoutes {

	@Override
	public List<String> patterns() {
		return List.of("/schillenboek", "/schillenboek/fiches/**", "/schillenboek/fiche-context.jsonld",
				"/api/v1/schillenboek/fiches", "/api/v1/schillenboek/fiches/**");
	}

}
