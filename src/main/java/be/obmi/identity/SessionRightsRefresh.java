package be.obmi.identity;

import java.io.IOException;
import java.util.Optional;

import be.obmi.shared.DatabaseFailure;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes a change of an account take effect on the next request of every open session of
 * that account. The principal in a session carries the account's stamps from when it was
 * loaded; the database moves them on at every change of roles, memberships, enabled flag
 * or password (migration V2_2). When the rights stamp moved on, the principal is reloaded
 * with its current roles; when the account was disabled or deleted, or its password
 * changed (by anyone but this very session), the session is ended and the request goes on
 * anonymous. One primary-key lookup per request of a logged-in session; API tokens and
 * HTTP Basic load the account afresh on every request anyway.
 */
final class SessionRightsRefresh extends OncePerRequestFilter {

	private final UserAccounts accounts;

	private static final SecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

	SessionRightsRefresh(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (session != null && authentication != null && authentication.getPrincipal() instanceof ObmiUser user) {
			Optional<UserAccounts.AccountStamps> stamps;
			try {
				stamps = accounts.stamps(user.id());
			}
			catch (RuntimeException ex) {
				if (DatabaseFailure.of(ex).isEmpty()) {
					throw ex;
				}
				// the database is down: the request goes on and gets the usual 503 where
				// it needs data
				chain.doFilter(request, response);
				return;
			}
			if (stamps.isEmpty() || !stamps.get().enabled() || stamps.get().credential() != user.credentialStamp()) {
				endSession(session);
			}
			else if (stamps.get().security() != user.securityStamp()) {
				Optional<ObmiUser> current = accounts.reloadPrincipal(user.id()).map(user::sameScope);
				if (current.isEmpty() || !current.get().isEnabled()) {
					endSession(session);
				}
				else {
					renew(current.get(), request, response);
				}
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * Puts the account's current principal into this session (also after its holder
	 * changed their own password).
	 */
	static void renew(ObmiUser current, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(current, null, current.getAuthorities()));
		SecurityContextHolder.setContext(context);
		SESSIONS.saveContext(context, request, response);
	}

	private static void endSession(HttpSession session) {
		SecurityContextHolder.clearContext();
		try {
			session.invalidate();
		}
		catch (IllegalStateException alreadyInvalid) {
			// another request of the same session ended it first
		}
	}

}
