package be.obmi.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import be.obmi.audit.AuditEvent;
import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
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

/** A tenant admin's pages: the tenant's users and roles, and its history. */
@IdentityWebTest
class TenantAdministrationControllerWebTests extends WebSliceSupport {

	static final ObmiUser BEHEERDER = member("mechelen", Role.BEHEERDER);

	static final UserAccount BART = new UserAccount(51, "bart", "Bart Bijdrager", "bart@mechelen.be", true, false, null,
			null, Role.BIJDRAGER, 4, false, false);

	static final AuditEvent EVENT = new AuditEvent(77, MECHELEN.id(), Instant.parse("2025-04-01T09:00:00Z"),
			"beheerder.mechelen", "gebruiker", "51", "Bart Bijdrager", AuditEvent.Action.CREATE,
			List.of(FieldChange.added("rol", "BIJDRAGER")));

	@Autowired
	TenantMembers members;

	@Autowired
	AuditTrail audit;

	@Test
	void theOverviewCountsTheMembersAndShowsRecentHistory() throws Exception {
		when(members.membersOf(MECHELEN)).thenReturn(List.of(BART));
		when(audit.history(MECHELEN.id(), null, null, 5)).thenReturn(List.of(EVENT));
		mvc.perform(get("/mechelen/beheer").with(as(BEHEERDER)))
			.andExpect(status().isOk())
			.andExpect(view().name(TenantAdministrationController.OVERVIEW_VIEW))
			.andExpect(model().attribute("userCount", 1))
			.andExpect(model().attribute("recent", List.of(EVENT)))
			.andExpect(model().attribute("tenant", MECHELEN));
	}

	@Test
	void administrationNeedsTheBeheerderRoleInThatTenant() throws Exception {
		mvc.perform(get("/mechelen/beheer/gebruikers").with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/gent/beheer/gebruikers").with(as(BEHEERDER))).andExpect(status().isForbidden());
		verify(members, never()).membersOf(any());
	}

	@Test
	void theUserListShowsTheTenantsMembers() throws Exception {
		when(members.membersOf(MECHELEN)).thenReturn(List.of(BART));
		mvc.perform(get("/mechelen/beheer/gebruikers").with(as(BEHEERDER)))
			.andExpect(status().isOk())
			.andExpect(view().name(TenantAdministrationController.USERS_VIEW))
			.andExpect(model().attribute("users", List.of(BART)));
	}

	@Test
	void aNewAccountIsCreatedInThisTenantAndListed() throws Exception {
		UserForm form = new UserForm("bart", "Bart Bijdrager", "bart@mechelen.be", Role.BIJDRAGER,
				"een-lang-wachtwoord");
		when(members.createAccount(MECHELEN, form)).thenReturn(BART);
		mvc.perform(post("/mechelen/beheer/gebruikers/nieuw").param("username", "bart")
			.param("displayName", "Bart Bijdrager")
			.param("email", "bart@mechelen.be")
			.param("role", "BIJDRAGER")
			.param("password", "een-lang-wachtwoord")
			.with(as(BEHEERDER))
			.with(csrf()))
			.andExpect(redirectedUrl("/mechelen/beheer/gebruikers"))
			.andExpect(flash().attribute("saved", "Bart Bijdrager"));
	}

	@Test
	void aUsernameWithSpacesIsShownOnTheFormWith400() throws Exception {
		mvc.perform(post("/mechelen/beheer/gebruikers/nieuw").param("username", "bart bijdrager")
			.param("displayName", "Bart Bijdrager")
			.param("role", "BIJDRAGER")
			.with(as(BEHEERDER))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(TenantAdministrationController.USER_FORM_VIEW))
			.andExpect(model().attributeHasFieldErrors("form", "username"))
			.andExpect(model().attribute("roles", Role.values()));
		verify(members, never()).createAccount(any(), any());
	}

	@Test
	void anExistingUsernameIsRefusedInTheUsersLanguage() throws Exception {
		when(members.createAccount(any(), any()))
			.thenThrow(new AccountChangeRefused("account.refused.usernameTaken", "bart"));
		mvc.perform(post("/mechelen/beheer/gebruikers/nieuw").param("username", "bart")
			.param("displayName", "Bart")
			.param("role", "LEZER")
			.with(as(BEHEERDER))
			.with(csrf()))
			.andExpect(view().name(TenantAdministrationController.USER_FORM_VIEW))
			.andExpect(model().attribute("error",
					"Er bestaat al een account met gebruikersnaam bart. Voeg het toe als bestaand account; je kunt het niet opnieuw aanmaken."));
	}

	@Test
	void aRoleFormForSomeoneOutsideTheTenantIsNotFound() throws Exception {
		when(members.memberOf(MECHELEN, 999)).thenReturn(Optional.empty());
		mvc.perform(get("/mechelen/beheer/gebruikers/999").with(as(BEHEERDER))).andExpect(status().isNotFound());
		mvc.perform(post("/mechelen/beheer/gebruikers/999").param("role", "REDACTEUR")
			.param("version", "1")
			.with(as(BEHEERDER))
			.with(csrf())).andExpect(status().isNotFound());
		verify(members, never()).changeRole(any(), anyLong(), any());
	}

	@Test
	void aRoleChangeIsSavedWithTheVersionItWasMadeOn() throws Exception {
		when(members.memberOf(MECHELEN, 51)).thenReturn(Optional.of(BART));
		when(members.changeRole(MECHELEN, 51, new RoleForm(Role.REDACTEUR, 4))).thenReturn(BART);
		mvc.perform(post("/mechelen/beheer/gebruikers/51").param("role", "REDACTEUR")
			.param("version", "4")
			.with(as(BEHEERDER))
			.with(csrf()))
			.andExpect(redirectedUrl("/mechelen/beheer/gebruikers"))
			.andExpect(flash().attribute("saved", "Bart Bijdrager"));
	}

	@Test
	void aRefusedRemovalIsReportedOnTheList() throws Exception {
		when(members.memberOf(MECHELEN, 51)).thenReturn(Optional.of(BART));
		doThrow(new AccountChangeRefused("account.refused.notMember")).when(members).removeMember(MECHELEN, 51);
		mvc.perform(post("/mechelen/beheer/gebruikers/51/verwijderen").with(as(BEHEERDER)).with(csrf()))
			.andExpect(redirectedUrl("/mechelen/beheer/gebruikers"))
			.andExpect(flash().attribute("refused", "Dit account heeft geen rol in dit bestuur."));
	}

	@Test
	void theHistoryIsFilteredByEntityType() throws Exception {
		when(audit.entityTypes(MECHELEN.id())).thenReturn(List.of("gebruiker", "planitem"));
		when(audit.history(MECHELEN.id(), "gebruiker", null, 200)).thenReturn(List.of(EVENT));
		mvc.perform(get("/mechelen/beheer/historiek").param("type", "gebruiker").with(as(BEHEERDER)))
			.andExpect(status().isOk())
			.andExpect(view().name(TenantAdministrationController.HISTORY_VIEW))
			.andExpect(model().attribute("types", List.of("gebruiker", "planitem")))
			.andExpect(model().attribute("type", "gebruiker"))
			.andExpect(model().attribute("events", List.of(EVENT)));
	}

}
