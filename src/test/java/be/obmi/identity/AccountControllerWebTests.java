package be.obmi.identity;

import java.util.Map;
import java.util.Optional;

import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.hamcrest.Matchers.endsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The account holder's own page: name, e-mail and password. */
@IdentityWebTest
class AccountControllerWebTests extends WebSliceSupport {

	static final ObmiUser LEZER = member("mechelen", Role.LEZER);

	static final AccountDetails DETAILS = new AccountDetails(LEZER.id(), "lezer.mechelen", "Lena Lezer",
			"lena@mechelen.be", true, false, true, null, null, 3, Map.of("mechelen", Role.LEZER));

	@Test
	void thePageShowsTheAccountWithAFormWithoutPasswords() throws Exception {
		when(accounts.details(LEZER.id())).thenReturn(Optional.of(DETAILS));
		mvc.perform(get("/account").with(as(LEZER)))
			.andExpect(status().isOk())
			.andExpect(view().name(AccountController.VIEW))
			.andExpect(model().attribute("account", DETAILS))
			.andExpect(model().attribute("form", new ProfileForm("Lena Lezer", "lena@mechelen.be", "", "", "")));
	}

	@Test
	void thePageNeedsALogin() throws Exception {
		mvc.perform(get("/account"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", endsWith("/login")));
	}

	@Test
	void aSavedProfileRedirectsToThePage() throws Exception {
		when(accounts.details(LEZER.id())).thenReturn(Optional.of(DETAILS));
		when(accounts.updateOwnProfile(eq(LEZER.id()), any())).thenReturn(false);
		mvc.perform(post("/account").param("displayName", "Lena De Lezer")
			.param("email", "lena@mechelen.be")
			.param("currentPassword", "geheim-wachtwoord")
			.with(as(LEZER))
			.with(csrf())).andExpect(redirectedUrl("/account")).andExpect(flash().attribute("saved", true));
		verify(accounts).updateOwnProfile(LEZER.id(),
				new ProfileForm("Lena De Lezer", "lena@mechelen.be", "geheim-wachtwoord", null, null));
	}

	@Test
	void aFormWithoutCurrentPasswordIsShownAgainWith400() throws Exception {
		when(accounts.details(LEZER.id())).thenReturn(Optional.of(DETAILS));
		mvc.perform(post("/account").param("displayName", "Lena")
			.param("email", "lena@mechelen.be")
			.with(as(LEZER))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(AccountController.VIEW))
			.andExpect(model().attributeHasFieldErrors("form", "currentPassword"));
		verify(accounts, never()).updateOwnProfile(anyLong(), any());
	}

	@Test
	void aWrongCurrentPasswordIsShownInTheUsersLanguage() throws Exception {
		when(accounts.details(LEZER.id())).thenReturn(Optional.of(DETAILS));
		when(accounts.updateOwnProfile(eq(LEZER.id()), any()))
			.thenThrow(new AccountChangeRefused("profile.refused.currentPassword"));
		mvc.perform(post("/account").param("displayName", "Lena")
			.param("currentPassword", "fout")
			.with(as(LEZER))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name(AccountController.VIEW))
			.andExpect(model().attribute("error", "Het huidige wachtwoord is fout. Er is niets gewijzigd."));
	}

}
