package be.obmi.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static be.obmi.identity.WebUsers.platformAdmin;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * A tenant's identity provider for single sign-on: the beheerder's and the platform's
 * pages.
 */
@IdentityWebTest
class SsoAdministrationControllerWebTests extends WebSliceSupport {

	static final SsoProvider PROVIDER = new SsoProvider(MECHELEN.id(), "mechelen", "Mechelen",
			"https://login.mechelen.be/realms/stad", "obmi", "c2VhbGVk", "sub", "groups", true, 3,
			Map.of("obmi-beheer", Role.BEHEERDER));

	@Autowired
	SsoProviders providers;

	@Autowired
	SsoAccounts ssoAccounts;

	@Test
	void theBeheerderSeesTheProviderWithoutItsSecret() throws Exception {
		when(providers.find(MECHELEN.id())).thenReturn(Optional.of(PROVIDER));
		when(ssoAccounts.waitingForRole(MECHELEN)).thenReturn(List.of());
		mvc.perform(get("/mechelen/beheer/sso").with(as(member("mechelen", Role.BEHEERDER))))
			.andExpect(status().isOk())
			.andExpect(view().name(SsoAdministrationController.FORM_VIEW))
			.andExpect(model().attribute("form",
					new SsoProviderForm(PROVIDER.issuer(), "obmi", "", "sub", "groups", "obmi-beheer = beheerder\n",
							true, 3)))
			.andExpect(model().attribute("redirectUri", "/login/oauth2/code/mechelen"))
			.andExpect(model().attribute("exists", true));
	}

	@Test
	void onlyTheTenantsBeheerderOrAPlatformAdminSetsIt() throws Exception {
		mvc.perform(get("/mechelen/beheer/sso").with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(status().isForbidden());
		mvc.perform(post("/gent/beheer/sso").with(as(member("mechelen", Role.BEHEERDER))).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/platform/sso/mechelen").with(as(member("mechelen", Role.BEHEERDER))))
			.andExpect(status().isForbidden());
		verify(providers, never()).save(any(), any());
	}

	@Test
	void savingRedirectsAndARefusalAnswers422() throws Exception {
		mvc.perform(post("/mechelen/beheer/sso").with(as(member("mechelen", Role.BEHEERDER)))
			.with(csrf())
			.param("issuer", PROVIDER.issuer())
			.param("clientId", "obmi")
			.param("clientSecret", "geheim")
			.param("userClaim", "sub")
			.param("enabled", "true"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/mechelen/beheer/sso"))
			.andExpect(flash().attribute("saved", true));
		when(providers.save(any(), any())).thenThrow(new AccountChangeRefused("sso.refused.discovery", "x"));
		mvc.perform(post("/platform/sso/mechelen").with(as(platformAdmin()))
			.with(csrf())
			.param("issuer", "https://elders.example")
			.param("clientId", "obmi")
			.param("userClaim", "sub")).andExpect(status().is(422)).andExpect(model().attributeExists("error"));
	}

	@Test
	void aMissingIssuerOrAnUnknownClaimIsAFieldError() throws Exception {
		mvc.perform(post("/mechelen/beheer/sso").with(as(member("mechelen", Role.BEHEERDER)))
			.with(csrf())
			.param("issuer", "")
			.param("clientId", "obmi")
			.param("userClaim", "upn"))
			.andExpect(status().isBadRequest())
			.andExpect(model().attributeHasFieldErrors("form", "issuer", "userClaim"));
		verify(providers, never()).save(any(), any());
	}

	@Test
	void thePlatformListsEveryTenant() throws Exception {
		when(providers.all()).thenReturn(List.of(PROVIDER));
		mvc.perform(get("/platform/sso").with(as(platformAdmin())))
			.andExpect(status().isOk())
			.andExpect(view().name(SsoAdministrationController.LIST_VIEW))
			.andExpect(model().attribute("providers", Map.of("mechelen", PROVIDER)));
	}

}
