package be.obmi.plan.web;

import java.util.Optional;

import be.obmi.identity.LandingPage;
import be.obmi.identity.Role;

import org.springframework.stereotype.Component;

/**
 * Where staff land after logging in: a contributor on Mijn taken (the updates due, with
 * their deadlines), a reader (a manager) on the dashboard, an editor or administrator on
 * the plan.
 */
@Component
class PlanLandingPage implements LandingPage {

	@Override
	public Optional<String> pathFor(String slug, Role role) {
		String plan = "/" + slug + "/plan";
		return Optional.of(switch (role) {
			case BIJDRAGER -> plan + "/taken";
			case LEZER -> plan + "/dashboard";
			case REDACTEUR, BEHEERDER -> plan;
		});
	}

}
