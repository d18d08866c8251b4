package be.obmi.identity;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Principals for web slice tests: the project's own {@link ObmiUser} (its constructor is
 * package-private), as the login would build it, with roles per tenant slug. Spring
 * Security's {@code @WithMockUser} is no use here: the route rules and
 * {@link TenantAccess} read the roles from an {@code ObmiUser}.
 */
public final class WebUsers {

	private WebUsers() {
	}

	/** An account with one role in one tenant, e.g. {@code redacteur.mechelen}. */
	public static ObmiUser member(String slug, Role role) {
		String username = role.name().toLowerCase() + "." + slug;
		return new ObmiUser(Math.abs(username.hashCode()), username, "Demo " + username, null, false, true, null,
				Map.of(slug, role), 0, 0);
	}

	/** An account with the given roles per tenant slug. */
	public static ObmiUser withRoles(long id, String username, Map<String, Role> roles) {
		return new ObmiUser(id, username, "Demo " + username, null, false, true, null, roles, 0, 0);
	}

	/** The DPO of a tenant: lezer there, with the DPO function. */
	public static ObmiUser dpo(String slug) {
		return new ObmiUser(Math.abs(("dpo." + slug).hashCode()), "dpo." + slug, "Demo DPO " + slug, null, false, true,
				null, Map.of(slug, Role.LEZER), Set.of(slug), false, 0, 0);
	}

	/** A member with a role and one function (mandate) in a tenant. */
	public static ObmiUser withFunction(String slug, Role role, TenantFunction function) {
		String username = function.name().toLowerCase() + "." + slug;
		return new ObmiUser(Math.abs(username.hashCode()), username, "Demo " + username, null, false, true, null,
				Map.of(slug, role), Set.of(), false, Map.of(slug, Set.of(function)), 0, 0);
	}

	/** A Kenniscentrum editor without any tenant role. */
	public static ObmiUser kenniscentrum() {
		return new ObmiUser(2, "kenniscentrum", "Redactie Kenniscentrum", null, false, true, null, Map.of(), Set.of(),
				true, 0, 0);
	}

	public static ObmiUser platformAdmin() {
		return new ObmiUser(1, "platformbeheerder", "Platformbeheerder", null, true, true, null, Map.of(), 0, 0);
	}

	/** The request as sent by a logged-in session of {@code user}. */
	public static RequestPostProcessor as(ObmiUser user) {
		return user(user);
	}

	/**
	 * Lets {@code SessionRightsRefresh} keep a test's session: every account is enabled
	 * and its stamps are those of the principals above (a mocked {@link UserAccounts}
	 * answers "no such account", which would end the session).
	 */
	public static void keepSessions(UserAccounts accounts) {
		when(accounts.stamps(anyLong())).thenReturn(Optional.of(new UserAccounts.AccountStamps(true, 0, 0)));
	}

}
