package be.obmi.identity;

import java.util.List;

/**
 * Modules declare the routes that anonymous visitors may read (GET and HEAD only) by
 * providing a bean of this type, e.g. {@code /{slug}/cijfers/**}. Everything not declared
 * public needs a login and a role in the tenant.
 */
public interface PublicRoutes {

	/** Path patterns in Spring's {@code PathPattern} syntax; never null. */
	List<String> patterns();

	/**
	 * Path patterns where anonymous visitors may also POST (a newsletter subscription);
	 * each handler guards itself (CSRF still applies). Empty by default.
	 */
	default List<String> anonymousPosts() {
		return List.of();
	}

	/**
	 * Of the {@link #anonymousPosts()}, those a mail client sends without a page: a
	 * one-click unsubscribe (RFC 8058) carries its own secret token as the credential, so
	 * no CSRF token is asked. The handler must change nothing without a valid token.
	 * Empty by default.
	 */
	default List<String> oneClickPosts() {
		return List.of();
	}

}
