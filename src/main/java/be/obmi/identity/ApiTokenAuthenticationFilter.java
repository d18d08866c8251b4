package be.obmi.identity;

import org.springframework.http.HttpStatus;

import be.obmi.shared.ApiProblem;
import be.obmi.shared.Reason;

import java.io.IOException;
import java.util.Optional;

import be.obmi.shared.DatabaseFailure;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer obmi_…} requests with a personal API token.
 * A presented but invalid token is answered with 401 at once rather than silently treated
 * as anonymous.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final LoginRateLimit limit;

	ApiTokenAuthenticationFilter(ApiTokens tokens, LoginRateLimit limit) {
		this.tokens = tokens;
		this.limit = limit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (RequestCredentials.basic(request)) {
			// HTTP Basic authenticates this request afresh: a session cookie sent along
			// must not stand in for it
			// (BasicAuthenticationFilter would skip the check when the session holds the
			// same user)
			SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
		}
		if (RequestCredentials.bearer(request)) {
			Optional<ObmiUser> user;
			try {
				user = tokens.authenticate(header.substring(7).strip());
			}
			catch (RuntimeException ex) {
				Optional<DatabaseFailure> failure = DatabaseFailure.of(ex);
				if (failure.isEmpty()) {
					throw ex;
				}
				failure.get().answer(request, response);
				return;
			}
			if (user.isEmpty()) {
				limit.failed(request.getRemoteAddr());
				response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
				ApiProblem.write(request, response, HttpStatus.UNAUTHORIZED, Reason.of("identity.refused.apiToken"));
				return;
			}
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities()));
			SecurityContextHolder.setContext(context);
			try {
				chain.doFilter(request, response);
			}
			finally {
				SecurityContextHolder.clearContext();
			}
			return;
		}
		chain.doFilter(request, response);
	}

}
