package be.obmi.pirk.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import be.obmi.identity.Role;
import be.obmi.identity.TenantFunction;
import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.domain.RealEstateKind;
import be.obmi.pirk.domain.VacancyClass;
import be.obmi.pirk.mobilisation.Campaign;
import be.obmi.pirk.mobilisation.Campaigns;
import be.obmi.pirk.mobilisation.OwnerAccessPurpose;
import be.obmi.pirk.mobilisation.OwnerCase;
import be.obmi.pirk.mobilisation.OwnerCases;
import be.obmi.pirk.mobilisation.OwnerStatus;
import be.obmi.pirk.publication.PublicVacancy;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static be.obmi.identity.WebUsers.withFunction;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The owner-case, campaign and public pages' contract: owner data only with the function
 * (a beheerder without it never reaches the service), the read logged with who and why,
 * sending a campaign only with the function, the public figures for anyone.
 */
@PirkMobilisationWebTest
class PirkMobilisationControllerWebTests extends WebSliceSupport {

	static final OwnerCase CASE = new OwnerCase(31, MECHELEN.id(), 71, "Bruul 1, 2800", OwnerStatus.CONTACTED,
			LocalDate.of(2026, 3, 1), null, false, 2);

	static final RealEstate OBJECT = new RealEstate(71, MECHELEN.id(), RealEstateKind.BUILDING_UNIT, null, null, null,
			null, null, new RealEstate.Address("Bruul", "1", null, "2800", "Mechelen"), "WONEN", null, null, null, null,
			null, VacancyClass.VERIFIED, LocalDate.of(2025, 1, 1), 0, false, OffsetDateTime.now(), OffsetDateTime.now(),
			0);

	@Autowired
	OwnerCases cases;

	@Autowired
	Campaigns campaigns;

	@Autowired
	PublicVacancy publicVacancy;

	@Test
	void aCaseShowsOnlyWithTheFunctionAndTheReadIsLoggedWithWhoAndWhy() throws Exception {
		mvc.perform(get("/mechelen/pirk/eigenaars/31").with(as(member("mechelen", Role.BEHEERDER))))
			.andExpect(status().isForbidden());
		verifyNoInteractions(cases);

		when(cases.detail(eq(MECHELEN), eq(31L), anyString(), any(), anyString()))
			.thenReturn(new OwnerCases.Detail(CASE, OBJECT, List.of(), List.of()));
		mvc.perform(get("/mechelen/pirk/eigenaars/31")
			.with(as(withFunction("mechelen", Role.REDACTEUR, TenantFunction.OWNER_DATA))))
			.andExpect(status().isOk())
			.andExpect(view().name(OwnerCaseController.DETAIL))
			.andExpect(model().attribute("canEdit", true));
		verify(cases).detail(MECHELEN, 31L, "owner_data.mechelen", OwnerAccessPurpose.CASE_VIEW,
				"/mechelen/pirk/eigenaars/31");
	}

	@Test
	void aCampaignIsSentOnlyWithTheFunction() throws Exception {
		mvc.perform(post("/mechelen/pirk/campagnes/5/verzenden").param("version", "0")
			.with(csrf())
			.with(as(member("mechelen", Role.BEHEERDER)))).andExpect(status().isForbidden());
		verify(campaigns, never()).send(any(), anyLong(), anyInt(), anyString());

		when(campaigns.send(MECHELEN, 5, 0, "owner_data.mechelen")).thenReturn(new Campaign(5, MECHELEN.id(), "Brief",
				"", null, "SENT", OffsetDateTime.now(), "owner_data.mechelen", false, "x", OffsetDateTime.now(), 1));
		mvc.perform(post("/mechelen/pirk/campagnes/5/verzenden").param("version", "0")
			.with(csrf())
			.with(as(withFunction("mechelen", Role.REDACTEUR, TenantFunction.OWNER_DATA))))
			.andExpect(redirectedUrl("/mechelen/pirk/campagnes/5"));
		verify(campaigns).send(MECHELEN, 5, 0, "owner_data.mechelen");
	}

	@Test
	void thePublicFiguresAreForAnyoneAsAPageAndAsJson() throws Exception {
		PublicVacancy.Table table = new PublicVacancy.Table("2025S2", "wijk", null,
				List.of(new PublicVacancy.Row("1202501", "Centrum", null, true, 3.0, false, 1.0, false, null)));
		when(publicVacancy.table(MECHELEN, "2025S2", "wijk")).thenReturn(table);
		mvc.perform(get("/mechelen/pirk/publiek").param("periode", "2025S2"))
			.andExpect(status().isOk())
			.andExpect(view().name(PublicVacancyController.VIEW))
			.andExpect(model().attribute("table", table))
			.andExpect(model().attribute("canPublish", false));
		mvc.perform(get("/api/v1/mechelen/pirk/publiek").param("periode", "2025S2"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.rows[0].unitsHidden").value(true))
			.andExpect(jsonPath("$.rows[0].units").doesNotExist());
		mvc.perform(get("/api/v1/mechelen/pirk/publiek").param("niveau", "adres")).andExpect(status().isBadRequest());
	}

}
