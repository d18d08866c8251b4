package be.obmi.identity;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The credentials a request brings in its {@code Authorization} header: HTTP Basic or a
 * bearer (API) token. Any other scheme authenticates nobody, so such a request is
 * anonymous for every rule (CSRF, the anonymous limits, the public response cache).
 */
public final class RequestCredentials {

	private RequestCredentials() {
	}

	/**
	 * Whether the request brings HTTP Basic or a bearer token (checked later by Spring
	 * Security).
	 */
	public static boolean carried(HttpServletRequest request) {
		return basic(request) || bearer(request);
	}

	static boolean basic(HttpServletRequest request) {
		return scheme(request, "Basic ");
	}

	static boolean bearer(HttpServletRequest request) {
		return scheme(request, "Bearer ");
	}

	private static boolean scheme(HttpServletRequest request, String scheme) {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, scheme, 0, scheme.length());
	}

}
