package be.obmi.buildings.web;

import java.util.List;

import be.obmi.identity.PublicRoutes;

import org.springframework.stereotype.Component;

/**
 * The comparison matrix {@code /schillenboek/vergelijking/**} is for members (any
 * logged-in account), not a tenant's users: the security filter lets it through as it
 * does public routes, and {@link ComparisonMatrixController} refuses anonymous visitors
 * (redirect to the login), so no tenant role is asked for.
 */
@Component
class BuildingsComparisonPublicRoutes implements PublicRoutes {

	@Override
	public List<String> patterns() {
		return List.of("/schillenboek/vergelijking", "/schillenboek/vergelijking/**");
	}

}
