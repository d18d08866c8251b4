package be.obmi.pirk.web;

import java.util.List;

import be.obmi.identity.PublicRoutes;

import org.springframework.stereotype.Component;

/**
 * PIRK's public aggregates (vacancy per wijk or sector per half-year, with disclosure
 * control; no address or owner): anonymous visitors may read them.
 */
@Component
class PirkPublicAggregateRoutes implements PublicRoutes {

	@Override
	public List<String> patterns() {
		return List.of("/{slug}/pirk/publiek", "/api/v1/{slug}/pirk/publiek");
	}

}
