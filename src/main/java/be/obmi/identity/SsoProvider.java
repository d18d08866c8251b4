package be.obmi.identity;

import java.util.Map;
import java.util.Optional;

/**
 * A tenant's OpenID Connect identity provider. The client secret is only held sealed
 * ({@link SecretBox}); it is never shown back.
 *
 * @param userClaim the claim that identifies a person: {@code sub} or {@code email}
 * @param groupClaim the claim with the person's groups, or {@code null} for no group
 * mapping
 * @param groupRoles the role in the tenant that each group gives
 */
public record SsoProvider(long tenantId, String slug, String tenantName, String issuer, String clientId,
		String sealedSecret, String userClaim, String groupClaim, boolean enabled, int version,
		Map<String, Role> groupRoles) {

	/**
	 * The highest role the groups give, if any of them is mapped.
	 */
	Optional<Role> roleFor(Iterable<String> groups) {
		Role best = null;
		for (String group : groups) {
			Role role = groupRoles.get(group);
			if (role != null && (best == null || role.includes(best))) {
				best = role;
			}
		}
		return Optional.ofNullable(best);
	}

}
