package be.obmi.identity;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An answer to an authenticated request (a session, HTTP Basic or a token) is never kept
 * by a shared cache: whatever {@code Cache-Control} a handler sets (open-data exports say
 * {@code public} for anonymous readers), it is turned into {@code private} here, and an
 * answer without one gets {@code private} with Spring Security's strict default.
 */
final class PrivateAnswers extends OncePerRequestFilter {

	static final String STRICT = "private, no-cache, no-store, max-age=0, must-revalidate";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			chain.doFilter(request, response);
			return;
		}
		// Spring Security's header writer keeps a Cache-Control that is already there, so
		// this is the default
		response.setHeader("Cache-Control", STRICT);
		HttpServletResponseWrapper privateResponse = new HttpServletResponseWrapper(response) {
			@Override
			public void setHeader(String name, String value) {
				super.setHeader(name, "Cache-Control".equalsIgnoreCase(name) ? privately(value) : value);
			}

			@Override
			public void addHeader(String name, String value) {
				super.addHeader(name, "Cache-Control".equalsIgnoreCase(name) ? privately(value) : value);
			}
		};
		chain.doFilter(request, privateResponse);
	}

	/**
	 * {@code public} becomes {@code private}; a value without either gets {@code private}
	 * in front.
	 */
	static String privately(String cacheControl) {
		if (cacheControl == null) {
			return null;
		}
		String lower = cacheControl.toLowerCase(Locale.ROOT);
		if (lower.contains("private")) {
			return cacheControl;
		}
		String withoutPublic = cacheControl.replaceAll("(?i)\\bpublic\\b\\s*,?\\s*", "")
			.replaceAll(",\\s*$", "")
			.strip();
		return withoutPublic.isEmpty() ? "private" : "private, " + withoutPublic;
	}

}
