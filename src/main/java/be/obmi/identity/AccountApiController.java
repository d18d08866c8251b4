package be.obmi.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import be.obmi.tenancy.Tenant;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets an API client check its credentials: who am I, and what may I do in this tenant.
 */
@RestController
@Tag(name = "Account", description = "Wie ben ik: controle van API-gegevens")
class AccountApiController {

	/** The caller's account and role in the tenant. */
	public record Me(String username, String displayName, String tenant, String role, boolean platformAdmin) {
	}

	@GetMapping("/api/v1/{slug}/account")
	@Operation(summary = "De aangemelde gebruiker en zijn rol in dit bestuur (HTTP Basic of Bearer-token)")
	Me me(Tenant tenant, @AuthenticationPrincipal ObmiUser user) {
		return new Me(user.getUsername(), user.displayName(), tenant.slug(),
				user.roleIn(tenant.slug()).map(Role::name).orElse(user.platformAdmin() ? "PLATFORMBEHEERDER" : null),
				user.platformAdmin());
	}

}
