package be.obmi.plan.web;

import java.util.List;

import be.obmi.identity.PublicRoutes;

import org.springframework.stereotype.Component;

/**
 * The public plan portal of a tenant (overview, goal and action pages, map): anonymous
 * visitors may read it.
 */
@Component
class PlanPublicRoutes implements PublicRoutes {

	@Override
	public List<String> patterns() {
		return List.of("/{slug}/plan/publiek", "/{slug}/plan/publiek/**");
	}

}
