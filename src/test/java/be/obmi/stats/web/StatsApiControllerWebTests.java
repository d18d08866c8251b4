package be.obmi.stats.web;

import java.util.List;
import java.util.Optional;

import be.obmi.identity.Role;
import be.obmi.stats.domain.ImportHistory;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.query.StatsQueries;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static be.obmi.identity.WebUsers.platformAdmin;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The stats API of a scope: indicators, observations, publication, import history. */
@StatsWebTest
class StatsApiControllerWebTests extends StatsWebTestSupport {

	@Autowired
	Indicators indicators;

	@Autowired
	StatsQueries queries;

	@Autowired
	ImportHistory history;

	@Test
	void anonymousClientsSeeOnlyPublishedIndicatorsWithTheirFields() throws Exception {
		when(indicators.list(MECHELEN_SCOPE, true)).thenReturn(List.of(POPULATION, CYCLISTS));
		mvc.perform(get("/api/v1/mechelen/stats/indicators"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].code").value("bev_totaal"))
			.andExpect(jsonPath("$[0].name").value("Bevolking"))
			.andExpect(jsonPath("$[0].theme").value("Demografie"))
			.andExpect(jsonPath("$[0].aggregation").value("sum"))
			.andExpect(jsonPath("$[0].published").value(true))
			.andExpect(jsonPath("$[0].platform").value(true))
			.andExpect(jsonPath("$[0].demo").value(false));
	}

	@Test
	void membersSeeTheirTenantsDrafts() throws Exception {
		when(indicators.list(MECHELEN_SCOPE, true)).thenReturn(List.of(POPULATION, CYCLISTS));
		mvc.perform(get("/api/v1/mechelen/stats/indicators").with(as(member("mechelen", Role.LEZER))))
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[1].code").value("mech_fietsers"))
			.andExpect(jsonPath("$[1].published").value(false))
			.andExpect(jsonPath("$[1].platform").value(false))
			.andExpect(jsonPath("$[1].threshold").value(5));
	}

	@Test
	void observationsNeedALevelOrASet() throws Exception {
		when(indicators.find(MECHELEN_SCOPE, "bev_totaal")).thenReturn(Optional.of(POPULATION));
		mvc.perform(get("/api/v1/mechelen/stats/observations").param("indicator", "bev_totaal").param("period", "2025"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Geef level of set op."));
	}

	@Test
	void observationsWithoutIndicatorAreRefusedPerField() throws Exception {
		mvc.perform(get("/api/v1/mechelen/stats/observations").param("period", "2025"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("indicator"));
		verifyNoInteractions(queries);
	}

	@Test
	void aDraftIndicatorOfAnotherTenantIsUnknownToAnonymousClients() throws Exception {
		when(indicators.find(MECHELEN_SCOPE, "mech_fietsers")).thenReturn(Optional.of(CYCLISTS));
		mvc.perform(get("/api/v1/mechelen/stats/observations").param("indicator", "mech_fietsers")
			.param("level", "wijk")
			.param("period", "2025"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Onbekende indicator mech_fietsers"));
	}

	@Test
	void observationsCarryAreaPeriodValueAndStatus() throws Exception {
		when(indicators.find(MECHELEN_SCOPE, "bev_totaal")).thenReturn(Optional.of(POPULATION));
		when(queries.cells(MECHELEN_SCOPE, POPULATION, "wijk", "2025", null, false))
			.thenReturn(List.of(new StatsQueries.Cell(WIJK, "2025", 12840.0, "ok", null, false, false, false, null)));
		mvc.perform(get("/api/v1/mechelen/stats/observations").param("indicator", "bev_totaal")
			.param("level", "wijk")
			.param("period", "2025"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].area").value("12025A"))
			.andExpect(jsonPath("$[0].areaName").value("Binnenstad"))
			.andExpect(jsonPath("$[0].level").value("wijk"))
			.andExpect(jsonPath("$[0].period").value("2025"))
			.andExpect(jsonPath("$[0].value").value(12840.0))
			.andExpect(jsonPath("$[0].status").value("ok"))
			.andExpect(jsonPath("$[0].confidential").doesNotExist());
	}

	@Test
	void publishingIsForRedacteursOfTheScope() throws Exception {
		Scope platform = Scope.platform();
		when(indicators.setPublished(MECHELEN_SCOPE, "mech_fietsers", true)).thenReturn(CYCLISTS);
		mvc.perform(post("/api/v1/mechelen/stats/indicators/mech_fietsers/published").param("value", "true")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(status().isOk()).andExpect(jsonPath("$.code").value("mech_fietsers"));
		mvc.perform(post("/api/v1/platform/stats/indicators/bev_totaal/published").param("value", "false")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(status().isForbidden());
		verify(indicators, never()).setPublished(platform, "bev_totaal", false);
	}

	@Test
	void theImportHistoryIsNotPublic() throws Exception {
		mvc.perform(get("/api/v1/mechelen/stats/imports")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/mechelen/stats/imports").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isForbidden());
		verify(history, never()).list(any(), anyInt());
	}

	@Test
	void anUndoTheStateForbidsIsAConflictProblem() throws Exception {
		when(history.undo(Scope.platform(), 31, "platformbeheerder"))
			.thenThrow(new IllegalStateException("Deze import is al ongedaan gemaakt."));
		mvc.perform(post("/api/v1/platform/stats/imports/31/undo").with(as(platformAdmin())).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(409))
			.andExpect(jsonPath("$.detail").value("Deze import is al ongedaan gemaakt."))
			.andExpect(jsonPath("$.message").value("Deze import is al ongedaan gemaakt."));
	}

	@Test
	void anUnknownScopeIsNotFound() throws Exception {
		mvc.perform(get("/api/v1/nergensdorp/stats/indicators")).andExpect(status().isNotFound());
		verify(indicators, never()).list(any(), anyBoolean());
	}

}
