package be.obmi.identity;

import java.time.Instant;
import java.util.Map;

/**
 * An account as its holder and a platform admin see it: the account itself and its roles
 * per tenant (by slug).
 */
public record AccountDetails(long id, String username, String displayName, String email, boolean enabled,
		boolean platformAdmin, boolean demo, Instant lockedUntil, Instant lastLoginAt, int version,
		Map<String, Role> roles) {

	public boolean locked() {
		return lockedUntil != null && lockedUntil.isAfter(Instant.now());
	}

}
