package be.obmi.platform;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.WebUtils;

/**
 * The language of an API answer: the one chosen on the site (its cookie), else the best
 * of Dutch and English in the request's {@code Accept-Language}, else Dutch. Pages keep
 * the site's choice only, so a browser's own language does not switch the site. It is the
 * request's locale for every API request ({@link WebConfiguration#localeResolver}), so
 * handlers and advice resolve their texts with the request's locale as usual. Only
 * refusals and the warnings of an upload's summary depend on it, never an answer the
 * public response cache keeps (which is not keyed by {@code Accept-Language}).
 */
final class ApiLanguage {

	private ApiLanguage() {
	}

	/** Whether the request is one of the API's ({@code /api/…}). */
	static boolean api(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	static Locale of(HttpServletRequest request, Locale chosen) {
		if (WebUtils.getCookie(request, PublicResponseCache.LANGUAGE_COOKIE) != null) {
			return chosen;
		}
		String header = request.getHeader("Accept-Language");
		if (header == null || header.isBlank()) {
			return chosen;
		}
		try {
			List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
			String language = Locale.lookupTag(ranges, List.of("nl", "en"));
			return language == null ? chosen : "en".equals(language) ? Locale.ENGLISH : WebConfiguration.DUTCH;
		}
		catch (IllegalArgumentException ex) {
			return chosen;
		}
	}

}
