package be.obmi.identity;

import java.util.Optional;

/**
 * Where a user of one tenant lands after logging in, by role; a module that has the
 * user's daily work offers it (the plan module: a contributor's tasks, a manager's
 * dashboard, an editor's plan). Identity asks every one in order and takes the first
 * answer; without one the user lands on the tenant's home page.
 */
public interface LandingPage {

	/**
	 * @param slug the tenant
	 * @param role the user's role in it
	 * @return the path to land on, or empty when this module has none for the role
	 */
	Optional<String> pathFor(String slug, Role role);

}
