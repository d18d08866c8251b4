package be.obmi.rights.web;

import java.util.List;

import be.obmi.identity.PublicRoutes;

import org.springframework.stereotype.Component;

/**
 * The Rechtenverkenner is public and anonymous: the start with the postcode and each
 * city's questionnaire, whose steps are posts that store nothing.
 */
@Component
class RightsPublicRoutes implements PublicRoutes {

	@Override
	public List<String> patterns() {
		return List.of("/rechtenverkenner", "/{slug}/rechtenverkenner");
	}

	@Override
	public List<String> anonymousPosts() {
		return List.of("/{slug}/rechtenverkenner");
	}

}
