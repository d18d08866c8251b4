package be.obmi.platform;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The key of a public page in {@link PublicResponseCache}: its canonical path, query,
 * language cookie and the request headers that change the answer; and the tenant whose
 * changes make it stale.
 */
final class PublicCacheKey {

	static final List<String> KEY_HEADERS = List.of("Accept", "Origin", "HX-Request", "HX-Boosted", "HX-Target", "Host",
			"X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Port", "X-Forwarded-Prefix", "Forwarded");

	private PublicCacheKey() {
	}

	/**
	 * The slug of {@code /{slug}/…} or {@code /api/v1/{slug}/…}; null for platform-wide
	 * paths.
	 */
	static String owner(String path) {
		String[] parts = path.split("/");
		if (parts.length > 3 && "api".equals(parts[1]) && "v1".equals(parts[2])) {
			return parts[3];
		}
		if (parts.length > 2 && !"cijfers".equals(parts[1])) {
			return parts[1];
		}
		return null;
	}

	/**
	 * Whether the request names its page the one canonical way: the path as sent equals
	 * the path the servlet container decoded and normalised (so no percent-encoding such
	 * as {@code /g%65nt}, no dot segments, no double slashes, no path parameters) and its
	 * tenant slug is lower case. Only then does the key's owner name the tenant whose
	 * changes move the entry's generation on; any other spelling is rendered afresh,
	 * never stored or replayed, so no variant can keep serving data after it was
	 * retracted.
	 */
	static boolean canonical(HttpServletRequest request, String path) {
		String decoded = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
		if (!path.equals(decoded)) {
			return false;
		}
		String owner = owner(path);
		return owner == null || owner.equals(owner.toLowerCase(Locale.ROOT));
	}

	static String key(HttpServletRequest request, String path) {
		StringBuilder key = new StringBuilder(path);
		if (request.getQueryString() != null) {
			key.append('?').append(request.getQueryString());
		}
		key.append("|lang=").append(languageCookie(request));
		for (String header : KEY_HEADERS) {
			String value = request.getHeader(header);
			if (value != null) {
				key.append('|').append(header).append('=').append(value);
			}
		}
		return key.toString();
	}

	static String languageCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (PublicResponseCache.LANGUAGE_COOKIE.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return "";
	}

}
