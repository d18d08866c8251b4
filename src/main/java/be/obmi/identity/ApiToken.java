package be.obmi.identity;

import java.time.Instant;

/**
 * A personal API token as its owner sees it; the secret itself is shown only once, when
 * created.
 */
public record ApiToken(long id, String name, String tokenPrefix, Instant createdAt, Instant lastUsedAt,
		Instant revokedAt) {

	public boolean active() {
		return revokedAt == null;
	}

}
