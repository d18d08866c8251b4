package be.obmi.rights.web;

import java.util.List;

import be.obmi.identity.PublicRoutes;

import org.springframework.stereotype.Component;

/**
 * The open parts of the catalogue of rights: a city's published rights as JSON-LD
 * (CPSV-AP) and the shape of that export, for anyone to read.
 */
@Component
class RightsCatalogueRoutes implements PublicRoutes {

	@Override
	public List<String> patterns() {
		return List.of("/{slug}/rechtenverkenner/catalogus.jsonld", "/api/v1/{slug}/rechten/catalogus.jsonld",
				"/rechtenverkenner/catalogus-shape.ttl");
	}

}
