package be.obmi.plan.web;

import java.util.List;

import be.obmi.identity.PublicRoutes;

import org.springframework.stereotype.Component;

/** The public progress page of a tenant's plan: anonymous visitors may read it. */
@Component
class PlanPublicRoutes implements PublicRoutes {

	@Override
	public List<String> patterns() {
		return List.of("/{slug}/plan/publiek");
	}

}
