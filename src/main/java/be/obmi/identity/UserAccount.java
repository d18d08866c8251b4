package be.obmi.identity;

import java.time.Instant;

/**
 * An account as a tenant admin sees it, with its role in that tenant.
 * {@code otherTenants}: the account also has a role elsewhere (then only the platform
 * admin may unlock it).
 */
public record UserAccount(long id, String username, String displayName, String email, boolean enabled, boolean demo,
		Instant lockedUntil, Instant lastLoginAt, Role role, int version, boolean platformAdmin, boolean otherTenants) {

	public boolean locked() {
		return lockedUntil != null && lockedUntil.isAfter(Instant.now());
	}

}
