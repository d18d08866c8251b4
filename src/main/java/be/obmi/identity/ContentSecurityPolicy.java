package be.obmi.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Content-Security-Policy of every answer: nothing inline, everything from the
 * application itself. The one exception is the optional basemap of the statistics maps
 * ({@code obmi.stats.map.tile-url}): when it is set, {@code img-src} also allows exactly
 * the host of that URL template, so no other outside image can be loaded.
 */
final class ContentSecurityPolicy {

	private static final String BEFORE_IMAGES = "default-src 'self'; script-src 'self'; style-src 'self'; ";

	private static final String AFTER_IMAGES = "; font-src 'self'; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * A host name with an optional wildcard first label and port: nothing a CSP could
	 * misread.
	 */
	private static final Pattern HOST = Pattern
		.compile("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\\d{1,5})?");

	private ContentSecurityPolicy() {
	}

	/**
	 * The policy for a tile URL template; null or blank for none (no basemap, nothing
	 * fetched from outside).
	 * @throws IllegalArgumentException when the template is not an http(s) URL with a
	 * host
	 */
	static String withTiles(String tileUrl) {
		String tiles = tileSource(tileUrl);
		return BEFORE_IMAGES + "img-src 'self' data: blob:" + (tiles == null ? "" : " " + tiles) + AFTER_IMAGES;
	}

	/**
	 * The CSP source of a tile URL template such as
	 * {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png}: its scheme and host
	 * ({@code https://tile.openstreetmap.org}); a placeholder subdomain
	 * ({@code {s}.tile.…}) becomes a wildcard ({@code https://*.tile.…}), the only form a
	 * CSP knows for it. Null for no template.
	 */
	static String tileSource(String tileUrl) {
		if (tileUrl == null || tileUrl.isBlank()) {
			return null;
		}
		String template = tileUrl.strip();
		int authorityStart = template.indexOf("://");
		if (authorityStart < 0) {
			throw invalid(tileUrl);
		}
		String scheme = template.substring(0, authorityStart).toLowerCase(Locale.ROOT);
		int end = template.indexOf('/', authorityStart + 3);
		String authority = template.substring(authorityStart + 3, end < 0 ? template.length() : end);
		String host = authority.replaceFirst("^\\{[a-z]+\\}\\.", "*.").toLowerCase(Locale.ROOT);
		if (!("https".equals(scheme) || "http".equals(scheme)) || !HOST.matcher(host).matches()) {
			throw invalid(tileUrl);
		}
		return scheme + "://" + host;
	}

	private static IllegalArgumentException invalid(String tileUrl) {
		return new IllegalArgumentException("obmi.stats.map.tile-url must be an http(s) URL template such as "
				+ "https://tile.openstreetmap.org/{z}/{x}/{y}.png, not '" + tileUrl + "'");
	}

}
