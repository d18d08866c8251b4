package be.obmi.stats.web;

import java.util.List;

import be.obmi.identity.PublicRoutes;

import org.springframework.stereotype.Component;

/**
 * The public statistics site and the public read API (published indicators only, with
 * disclosure control) and the imported datasets.
 */
@Component
class StatsPublicRoutes implements PublicRoutes {

	@Override
	public List<String> patterns() {
		return List.of("/{slug}/cijfers", "/{slug}/cijfers/**", "/cijfers/catalogus.ttl", "/cijfers/catalogus.jsonld",
				"/api/v1/{slug}/stats/observations", "/api/v1/{slug}/stats/observations/query",
				"/api/v1/{slug}/stats/indicators", "/api/v1/{slug}/stats/indicators/*/data",
				"/api/v1/{slug}/stats/indicators/*/breakdowns", "/api/v1/{slug}/stats/data",
				"/api/v1/{slug}/stats/catalogue", "/api/v1/{slug}/stats/geo/**", "/api/v1/{slug}/datasets",
				"/api/v1/{slug}/datasets/*", "/api/v1/{slug}/stats/search");
	}

}
