package be.obmi.identity;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Answers whether the current user holds a role in a tenant. Routes are guarded centrally
 * by {@code SecurityConfiguration}; modules use this for finer checks (e.g. only a
 * redacteur may import).
 */
@Component("tenantAccess")
public class TenantAccess {

	/** The logged-in user, if any. */
	public Optional<ObmiUser> currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof ObmiUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	public boolean has(String slug, Role role) {
		return currentUser().map(u -> u.has(slug, role)).orElse(false);
	}

	public boolean has(String slug, String role) {
		return has(slug, Role.valueOf(role));
	}

	/** Whether the current user holds the function in the tenant. */
	public boolean has(String slug, TenantFunction function) {
		return currentUser().map(u -> u.has(slug, function)).orElse(false);
	}

	/**
	 * @throws AccessDeniedException (403) when the current user does not hold the
	 * function in the tenant
	 */
	public ObmiUser require(String slug, TenantFunction function) {
		ObmiUser user = currentUser().orElseThrow(() -> new AccessDeniedException("Niet aangemeld"));
		if (!user.has(slug, function)) {
			throw new AccessDeniedException("Onvoldoende rechten");
		}
		return user;
	}

	/** Whether the current user is the data protection officer (DPO) of the tenant. */
	public boolean dpo(String slug) {
		return currentUser().map(u -> u.dpo(slug)).orElse(false);
	}

	/**
	 * @throws AccessDeniedException (403) when the current user is not the tenant's DPO
	 */
	public ObmiUser requireDpo(String slug) {
		ObmiUser user = currentUser().orElseThrow(() -> new AccessDeniedException("Niet aangemeld"));
		if (!user.dpo(slug)) {
			throw new AccessDeniedException("Onvoldoende rechten");
		}
		return user;
	}

	/** Whether the current user edits the Kenniscentrum's shared content. */
	public boolean kenniscentrum() {
		return currentUser().map(ObmiUser::kenniscentrum).orElse(false);
	}

	/**
	 * @throws AccessDeniedException (403) when the current user is no Kenniscentrum
	 * editor
	 */
	public ObmiUser requireKenniscentrum() {
		ObmiUser user = currentUser().orElseThrow(() -> new AccessDeniedException("Niet aangemeld"));
		if (!user.kenniscentrum()) {
			throw new AccessDeniedException("Onvoldoende rechten");
		}
		return user;
	}

	/**
	 * @throws AccessDeniedException (403) when the current user lacks the role
	 */
	public ObmiUser require(String slug, Role role) {
		ObmiUser user = currentUser().orElseThrow(() -> new AccessDeniedException("Niet aangemeld"));
		if (!user.has(slug, role)) {
			throw new AccessDeniedException("Onvoldoende rechten");
		}
		return user;
	}

}
