package be.obmi.identity;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a tenant beheerder or a platform admin enters for the tenant's identity provider.
 * An empty client secret keeps the stored one; the stored one is never shown.
 *
 * @param groupRoles one mapping a line, {@code group = role} (role: beheerder, redacteur,
 * bijdrager or lezer)
 */
public record SsoProviderForm(@NotBlank(message = "{sso.issuer.required}") @Size(max = 500) String issuer,
		@NotBlank(message = "{sso.clientId.required}") @Size(max = 200) String clientId,
		@Size(max = 500) String clientSecret,
		@Pattern(regexp = "sub|email", message = "{sso.userClaim.invalid}") String userClaim,
		@Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9_:./-]*$",
				message = "{sso.groupClaim.invalid}") String groupClaim,
		@Size(max = 5000) String groupRoles, Boolean enabled, Integer version) {

	boolean on() {
		return Boolean.TRUE.equals(enabled);
	}

	static SsoProviderForm empty() {
		return new SsoProviderForm("", "", "", "sub", "", "", true, null);
	}

	static SsoProviderForm of(SsoProvider provider) {
		StringBuilder lines = new StringBuilder();
		provider.groupRoles()
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach(
					e -> lines.append(e.getKey()).append(" = ").append(e.getValue().name().toLowerCase()).append('\n'));
		return new SsoProviderForm(provider.issuer(), provider.clientId(), "", provider.userClaim(),
				provider.groupClaim() == null ? "" : provider.groupClaim(), lines.toString(), provider.enabled(),
				provider.version());
	}

}
