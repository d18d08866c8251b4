package be.obmi.privacy.web;

import java.util.List;

import be.obmi.identity.PublicRoutes;

import org.springframework.stereotype.Component;

/**
 * A city's public register of processing activities (only the fields its DPO made
 * public), as pages, JSON and RDF: anonymous visitors may read it.
 */
@Component
class PrivacyPublicRoutes implements PublicRoutes {

	@Override
	public List<String> patterns() {
		return List.of("/{slug}/privacy/publiek", "/{slug}/privacy/publiek/**", "/api/v1/{slug}/privacy/publiek",
				"/api/v1/{slug}/privacy/publiek/**", "/api/v1/{slug}/privacy/publiek.ttl",
				"/api/v1/{slug}/privacy/publiek.jsonld");
	}

}
