package be.obmi.pirk.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import be.obmi.identity.Role;
import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.domain.RealEstateKind;
import be.obmi.pirk.domain.RealEstates;
import be.obmi.pirk.domain.VacancyClass;
import be.obmi.pirk.register.VacancyCase;
import be.obmi.pirk.register.VacancyCases;
import be.obmi.pirk.screening.Screening;
import be.obmi.pirk.screening.Visit;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The screening pages' contract: the queue for members, a visit only by a redacteur, a
 * refused visit shown again (400, 409), an unknown case 404.
 */
@PirkScreeningWebTest
class PirkScreeningControllerWebTests extends WebSliceSupport {

	static final RealEstate OBJECT = new RealEstate(41, 9, RealEstateKind.BUILDING_UNIT, null, null, null, "u-41", null,
			new RealEstate.Address("Bruul", "12", null, "2800", "Mechelen"), "WONEN", null, null, null, null, null,
			VacancyClass.ADMINISTRATIVE, LocalDate.of(2025, 1, 1), 60, false, OffsetDateTime.now(),
			OffsetDateTime.now(), 3);

	@Autowired
	Screening screening;

	@Autowired
	RealEstates objects;

	@Autowired
	VacancyCases cases;

	@BeforeEach
	void object() {
		when(objects.find(MECHELEN, 41)).thenReturn(Optional.of(OBJECT));
	}

	@Test
	void membersSeeTheQueue() throws Exception {
		when(screening.queue(eq(MECHELEN), any(), any(), eq(500))).thenReturn(List.of());
		mvc.perform(get("/mechelen/pirk/screening").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name(ScreeningController.QUEUE))
			.andExpect(model().attribute("candidates", List.of()));
	}

	@Test
	void onlyARedacteurRecordsAVisit() throws Exception {
		mvc.perform(post("/mechelen/pirk/screening/41/bezoek").param("visitedOn", "2026-01-10")
			.param("visitor", "Team")
			.param("outcome", "CONFIRMED")
			.param("version", "3")
			.with(as(member("mechelen", Role.LEZER)))
			.with(csrf())).andExpect(status().isForbidden());
		verifyNoInteractions(screening);
	}

	@Test
	void aVisitRedirectsToTheObjectAndAnIncompleteOneIsShownAgain() throws Exception {
		when(screening.recordVisit(eq(MECHELEN), eq(41L), any(), anyString()))
			.thenReturn(new Visit(1, 41, LocalDate.of(2026, 1, 10), "Team", "CONFIRMED", null, null,
					VacancyClass.ADMINISTRATIVE, VacancyClass.VERIFIED, "redacteur.mechelen", OffsetDateTime.now()));
		mvc.perform(post("/mechelen/pirk/screening/41/bezoek").param("visitedOn", "2026-01-10")
			.param("visitor", "Team")
			.param("outcome", "CONFIRMED")
			.param("version", "3")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(redirectedUrl("/mechelen/pirk/screening/41"));
		verify(screening).recordVisit(eq(MECHELEN), eq(41L), any(), eq("redacteur.mechelen"));

		mvc.perform(post("/mechelen/pirk/screening/41/bezoek").param("visitedOn", "2026-01-10")
			.param("visitor", "")
			.param("version", "3")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(status().isBadRequest()).andExpect(view().name(ScreeningController.OBJECT));
	}

	@Test
	void aStaleVisitAnswers409() throws Exception {
		when(screening.recordVisit(eq(MECHELEN), eq(41L), any(), anyString()))
			.thenThrow(new ConcurrentChangeException(Reason.of("pirk.refused.stale")));
		mvc.perform(post("/mechelen/pirk/screening/41/bezoek").param("visitedOn", "2026-01-10")
			.param("visitor", "Team")
			.param("outcome", "DISMISSED")
			.param("version", "2")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(status().isConflict()).andExpect(model().attributeExists("error"));
	}

	@Test
	void anUnknownObjectOrCaseAnswers404() throws Exception {
		when(objects.find(MECHELEN, 42)).thenReturn(Optional.empty());
		when(cases.find(eq(MECHELEN), anyLong())).thenReturn(Optional.empty());
		mvc.perform(get("/mechelen/pirk/screening/42").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/mechelen/pirk/leegstandsregister/7").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isNotFound());
	}

	@Test
	void theApiGivesACaseWithTheAppealDeadlineComputedFromReceipt() throws Exception {
		VacancyCase c = new VacancyCase(5, 41, "Bruul 12", "LEEGSTAND_WONINGEN", "LR-1", LocalDate.of(2026, 1, 5),
				LocalDate.of(2024, 12, 1), LocalDate.of(2026, 1, 9), null, null, null, null, null, null, false, 0);
		when(cases.find(MECHELEN, 5)).thenReturn(Optional.of(c));
		when(cases.steps(MECHELEN, 5)).thenReturn(List.of());
		mvc.perform(get("/api/v1/mechelen/pirk/leegstandsregister/5").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.receiptDate").value("2026-01-09"))
			.andExpect(jsonPath("$.appealDeadline").value("2026-02-08"))
			.andExpect(jsonPath("$.included").value(true));
	}

}
