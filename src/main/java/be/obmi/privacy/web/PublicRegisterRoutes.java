package be.obmi.privacy.web;

import java.util.List;

import be.obmi.identity.PublicRoutes;

import org.springframework.stereotype.Component;

/**
 * The public register's RDF files ({@code publiek.ttl}, {@code publiek.jsonld}), which
 * {@link PrivacyPublicRoutes}' patterns do not reach: anonymous visitors may read them.
 */
@Component
class PublicRegisterRoutes implements PublicRoutes {

	@Override
	public List<String> patterns() {
		return List.of("/api/v1/{slug}/privacy/publiek.ttl", "/api/v1/{slug}/privacy/publiek.jsonld");
	}

}
