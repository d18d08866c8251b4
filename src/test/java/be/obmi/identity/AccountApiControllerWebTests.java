package be.obmi.identity;

import java.util.Optional;

import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static be.obmi.identity.WebUsers.platformAdmin;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** "Who am I" for API clients: the account and its role in the tenant of the path. */
@IdentityWebTest
class AccountApiControllerWebTests extends WebSliceSupport {

	@Autowired
	ApiTokens tokens;

	@Test
	void answersTheAccountAndItsRoleInTheTenant() throws Exception {
		mvc.perform(get("/api/v1/mechelen/account").with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.username").value("redacteur.mechelen"))
			.andExpect(jsonPath("$.displayName").value("Demo redacteur.mechelen"))
			.andExpect(jsonPath("$.tenant").value("mechelen"))
			.andExpect(jsonPath("$.role").value("REDACTEUR"))
			.andExpect(jsonPath("$.platformAdmin").value(false));
	}

	@Test
	void thePlatformAdminWithoutOwnRoleIsAnsweredAsPlatformAdmin() throws Exception {
		mvc.perform(get("/api/v1/gent/account").with(as(platformAdmin())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("platformbeheerder"))
			.andExpect(jsonPath("$.tenant").value("gent"))
			.andExpect(jsonPath("$.role").value("PLATFORMBEHEERDER"))
			.andExpect(jsonPath("$.platformAdmin").value(true));
	}

	@Test
	void anonymousClientsGet401AndMembersOfAnotherTenant403() throws Exception {
		mvc.perform(get("/api/v1/mechelen/account")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/mechelen/account").with(as(member("gent", Role.BEHEERDER))))
			.andExpect(status().isForbidden());
	}

	@Test
	void anUnknownTenantIsNotFoundForThePlatformAdmin() throws Exception {
		mvc.perform(get("/api/v1/nergensdorp/account").with(as(platformAdmin()))).andExpect(status().isNotFound());
	}

	@Test
	void aPersonalApiTokenAuthenticatesTheRequest() throws Exception {
		when(tokens.authenticate("obmi_4sV9dQ2mZx")).thenReturn(Optional.of(member("gent", Role.LEZER)));
		mvc.perform(get("/api/v1/gent/account").header("Authorization", "Bearer obmi_4sV9dQ2mZx"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("lezer.gent"))
			.andExpect(jsonPath("$.role").value("LEZER"));
	}

	@Test
	void anUnknownTokenIsRefusedAtOnceWith401() throws Exception {
		mvc.perform(get("/api/v1/gent/account").header("Authorization", "Bearer obmi_ingetrokken"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""))
			.andExpect(jsonPath("$.error").value("Ongeldig of ingetrokken API-token"));
	}

}
