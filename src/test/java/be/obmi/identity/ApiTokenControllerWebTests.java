package be.obmi.identity;

import java.time.Instant;
import java.util.List;

import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
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

/** A user's own API tokens: list, create (secret shown once), revoke. */
@IdentityWebTest
class ApiTokenControllerWebTests extends WebSliceSupport {

	static final ObmiUser REDACTEUR = member("mechelen", Role.REDACTEUR);

	static final ApiToken TOKEN = new ApiToken(12, "Power BI", "obmi_AbCdEfG", Instant.parse("2025-03-01T08:00:00Z"),
			null, null);

	@Autowired
	ApiTokens tokens;

	@Test
	void thePageListsTheUsersOwnTokens() throws Exception {
		when(tokens.of(REDACTEUR)).thenReturn(List.of(TOKEN));
		mvc.perform(get("/account/tokens").with(as(REDACTEUR)))
			.andExpect(status().isOk())
			.andExpect(view().name(ApiTokenController.VIEW))
			.andExpect(model().attribute("tokens", List.of(TOKEN)))
			.andExpect(model().attribute("user", REDACTEUR));
	}

	@Test
	void aNewTokensSecretIsHandedOnOnceAsFlashAttribute() throws Exception {
		when(tokens.create(REDACTEUR, "Power BI")).thenReturn(new ApiTokens.Created(TOKEN, "obmi_AbCdEfGsecret"));
		mvc.perform(post("/account/tokens").param("name", "Power BI").with(as(REDACTEUR)).with(csrf()))
			.andExpect(redirectedUrl("/account/tokens"))
			.andExpect(flash().attribute("secret", "obmi_AbCdEfGsecret"))
			.andExpect(flash().attribute("createdName", "Power BI"));
	}

	@Test
	void aRefusedNameShowsThePageAgainWith400() throws Exception {
		when(tokens.create(REDACTEUR, " "))
			.thenThrow(new IllegalArgumentException("Geef het token een naam van hoogstens 100 tekens."));
		mvc.perform(post("/account/tokens").param("name", " ").with(as(REDACTEUR)).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(ApiTokenController.VIEW))
			.andExpect(model().attribute("error", "Geef het token een naam van hoogstens 100 tekens."));
	}

	@Test
	void aNameOver100CharactersIsRefusedBeforeTheServiceIsAsked() throws Exception {
		mvc.perform(post("/account/tokens").param("name", "x".repeat(101)).with(as(REDACTEUR)).with(csrf()))
			.andExpect(status().isBadRequest());
		verify(tokens, never()).create(any(), anyString());
	}

	@Test
	void revokingNamesTheTokenOfTheLoggedInUser() throws Exception {
		mvc.perform(post("/account/tokens/12/intrekken").with(as(REDACTEUR)).with(csrf()))
			.andExpect(redirectedUrl("/account/tokens"))
			.andExpect(flash().attribute("revoked", true));
		verify(tokens).revoke(REDACTEUR, 12);
	}

	@Test
	void aTokenIdThatIsNoNumberIsNotFound() throws Exception {
		mvc.perform(post("/account/tokens/abc/intrekken").with(as(REDACTEUR)).with(csrf()))
			.andExpect(status().isNotFound());
	}

}
