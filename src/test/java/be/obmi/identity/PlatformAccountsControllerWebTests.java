package be.obmi.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.obmi.audit.AuditEvent;
import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static be.obmi.identity.WebUsers.platformAdmin;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
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

/** The platform admin's pages for accounts and the platform history. */
@IdentityWebTest
class PlatformAccountsControllerWebTests extends WebSliceSupport {

	static final AccountDetails LENA = new AccountDetails(42, "lena", "Lena Lezer", "lena@mechelen.be", true, false,
			false, null, null, 7, Map.of("mechelen", Role.LEZER));

	static final AuditEvent CHANGE = new AuditEvent(300, null, Instant.parse("2025-05-02T10:15:00Z"),
			"platformbeheerder", "gebruiker", "42", "Lena Lezer", AuditEvent.Action.UPDATE,
			List.of(FieldChange.between("e-mail", "lena@gent.be", "lena@mechelen.be")));

	@Autowired
	AuditTrail audit;

	@Test
	void theListShowsEveryAccount() throws Exception {
		when(accounts.allAccounts()).thenReturn(List.of(LENA));
		mvc.perform(get("/platform/gebruikers").with(as(platformAdmin())))
			.andExpect(status().isOk())
			.andExpect(view().name(PlatformAccountsController.LIST_VIEW))
			.andExpect(model().attribute("accounts", List.of(LENA)));
	}

	@Test
	void aTenantAdminMayNotSeeThePlatformsAccounts() throws Exception {
		mvc.perform(get("/platform/gebruikers").with(as(member("mechelen", Role.BEHEERDER))))
			.andExpect(status().isForbidden());
		verify(accounts, never()).allAccounts();
	}

	@Test
	void anAccountPageCarriesItsFormAndHistory() throws Exception {
		when(accounts.details(42)).thenReturn(Optional.of(LENA));
		when(audit.platformHistory("gebruiker", "42", 20)).thenReturn(List.of(CHANGE));
		mvc.perform(get("/platform/gebruikers/42").with(as(platformAdmin())))
			.andExpect(status().isOk())
			.andExpect(view().name(PlatformAccountsController.FORM_VIEW))
			.andExpect(model().attribute("form", new AccountForm("Lena Lezer", "lena@mechelen.be", true, "", 7)))
			.andExpect(model().attribute("history", List.of(CHANGE)));
	}

	@Test
	void anUnknownAccountIsNotFound() throws Exception {
		mvc.perform(get("/platform/gebruikers/4242").with(as(platformAdmin()))).andExpect(status().isNotFound());
	}

	@Test
	void aSavedAccountRedirectsToTheList() throws Exception {
		when(accounts.details(42)).thenReturn(Optional.of(LENA));
		AccountForm form = new AccountForm("Lena De Lezer", "lena@mechelen.be", true, null, 7);
		when(accounts.updateAccount(42, form, 1)).thenReturn(new AccountDetails(42, "lena", "Lena De Lezer",
				"lena@mechelen.be", true, false, false, null, null, 8, Map.of("mechelen", Role.LEZER)));
		mvc.perform(post("/platform/gebruikers/42").param("displayName", "Lena De Lezer")
			.param("email", "lena@mechelen.be")
			.param("enabled", "true")
			.param("version", "7")
			.with(as(platformAdmin()))
			.with(csrf()))
			.andExpect(redirectedUrl("/platform/gebruikers"))
			.andExpect(flash().attribute("saved", "Lena De Lezer"));
	}

	@Test
	void aConcurrentChangeShowsTheFormAgainWithItsMessage() throws Exception {
		when(accounts.details(42)).thenReturn(Optional.of(LENA));
		when(accounts.updateAccount(anyLong(), any(), anyLong()))
			.thenThrow(new ConcurrentChangeException("Iemand anders wijzigde dit account intussen."));
		mvc.perform(post("/platform/gebruikers/42").param("displayName", "Lena")
			.param("enabled", "true")
			.param("version", "6")
			.with(as(platformAdmin()))
			.with(csrf()))
			.andExpect(view().name(PlatformAccountsController.FORM_VIEW))
			.andExpect(model().attribute("error", "Iemand anders wijzigde dit account intussen."));
	}

	@Test
	void anInvalidEmailIsShownOnTheFormWith400() throws Exception {
		when(accounts.details(42)).thenReturn(Optional.of(LENA));
		mvc.perform(post("/platform/gebruikers/42").param("displayName", "Lena")
			.param("email", "geen-adres")
			.param("enabled", "true")
			.param("version", "7")
			.with(as(platformAdmin()))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(model().attributeHasFieldErrors("form", "email"));
		verify(accounts, never()).updateAccount(anyLong(), any(), anyLong());
	}

	@Test
	void unlockingRedirectsWithTheAccountsName() throws Exception {
		when(accounts.details(42)).thenReturn(Optional.of(LENA));
		mvc.perform(post("/platform/gebruikers/42/ontgrendelen").with(as(platformAdmin())).with(csrf()))
			.andExpect(redirectedUrl("/platform/gebruikers"))
			.andExpect(flash().attribute("unlocked", "Lena Lezer"));
		verify(accounts).unlockAsPlatformAdmin(42);
	}

	@Test
	void thePlatformHistoryShowsTheLast200Events() throws Exception {
		when(audit.platformHistory(null, null, 200)).thenReturn(List.of(CHANGE));
		mvc.perform(get("/platform/historiek").with(as(platformAdmin())))
			.andExpect(status().isOk())
			.andExpect(view().name(PlatformAccountsController.HISTORY_VIEW))
			.andExpect(model().attribute("events", List.of(CHANGE)));
	}

}
