package be.obmi.identity;

import java.time.Instant;

/** An account as a tenant admin sees it, with its role in that tenant. */
public record UserAccount(long id, String username, String displayName, String email, boolean enabled,
		boolean demo, Instant lockedUntil, Instant lastLoginAt, Role role, int version) {

	public boolean locked() {
		return lockedUntil != null && lockedUntil.isAfter(Instant.now());
	}

}
