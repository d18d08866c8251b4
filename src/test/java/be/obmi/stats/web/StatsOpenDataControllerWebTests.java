package be.obmi.stats.web;

import java.util.List;
import java.util.Optional;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Areas;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.query.OpenDataResponses;
import be.obmi.stats.query.StatsQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Open data of an indicator: its breakdowns, a paged query, and the format negotiation of
 * the data export.
 */
@StatsWebTest
class StatsOpenDataControllerWebTests extends StatsWebTestSupport {

	static final Area OTHER_CITY = new Area(200, "gemeente", "11002", "Antwerpen", null, true);

	@Autowired
	Indicators indicators;

	@Autowired
	StatsQueries queries;

	@Autowired
	Areas areas;

	@Autowired
	OpenDataResponses responses;

	@BeforeEach
	void population() {
		when(indicators.find(MECHELEN_SCOPE, "bev_totaal")).thenReturn(Optional.of(POPULATION));
		when(queries.breakdowns(MECHELEN_SCOPE, POPULATION)).thenReturn(List.of("", "geslacht=M", "geslacht=V"));
		when(queries.breakdown(MECHELEN_SCOPE, POPULATION, null)).thenReturn(Optional.of(""));
		when(queries.breakdown(MECHELEN_SCOPE, POPULATION, "geslacht=M")).thenReturn(Optional.of("geslacht=M"));
	}

	@Test
	void theBreakdownsOfAnIndicatorArePublic() throws Exception {
		mvc.perform(get("/api/v1/mechelen/stats/indicators/bev_totaal/breakdowns"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.indicator").value("bev_totaal"))
			.andExpect(jsonPath("$.breakdowns[0]").value(""))
			.andExpect(jsonPath("$.breakdowns[1]").value("geslacht=M"))
			.andExpect(jsonPath("$.breakdowns.length()").value(3));
	}

	@Test
	void aQueryIsPagedOverThePeriodsInRangeAndTheChosenAreas() throws Exception {
		StatsQueries.Series series = mock(StatsQueries.Series.class);
		when(queries.series(MECHELEN_SCOPE, POPULATION, null, "geslacht=M")).thenReturn(series);
		when(areas.atLevel("gemeente", null)).thenReturn(List.of(CITY, OTHER_CITY));
		when(queries.periods(MECHELEN_SCOPE, POPULATION)).thenReturn(List.of("2023", "2024", "2025"));
		for (String period : List.of("2023", "2024", "2025")) {
			when(queries.cells(series, List.of(CITY, OTHER_CITY), period, false)).thenReturn(List.of(
					new StatsQueries.Cell(CITY, period, 43_000.0, "ok", null, false, period.equals("2025"), false,
							null),
					new StatsQueries.Cell(OTHER_CITY, period, 262_000.0, "ok", null, false, false, false, null)));
		}
		mvc.perform(get("/api/v1/mechelen/stats/observations/query").param("indicator", "bev_totaal")
			.param("area", "12025")
			.param("from", "2024")
			.param("breakdown", "geslacht=M")
			.param("page", "1")
			.param("size", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.size").value(1))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.breakdown").value("geslacht=M"))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].area").value("12025"))
			.andExpect(jsonPath("$.items[0].period").value("2025"))
			.andExpect(jsonPath("$.items[0].value").value(43000.0))
			.andExpect(jsonPath("$.items[0].provisional").value(true));
	}

	@Test
	void aPageSizeOutOfBoundsIsABadRequestProblem() throws Exception {
		mvc.perform(get("/api/v1/mechelen/stats/observations/query").param("indicator", "bev_totaal")
			.param("size", "20000"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("page moet 0 of meer zijn en size tussen 1 en 10000."));
	}

	@Test
	void anUnknownBreakdownNamesTheAvailableOnes() throws Exception {
		mvc.perform(get("/api/v1/mechelen/stats/indicators/bev_totaal/data").param("breakdown", "leeftijd=0-17"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(
					"Indicator bev_totaal heeft geen uitsplitsing 'leeftijd=0-17'; beschikbaar: [totaal, geslacht=M, geslacht=V]"));
	}

	@Test
	void anUnknownLevelIsABadRequest() throws Exception {
		mvc.perform(get("/api/v1/mechelen/stats/indicators/bev_totaal/data").param("level", "straat"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Onbekend niveau straat"));
	}

	@Test
	void anAcceptHeaderNoFormatSatisfiesIsAnswered406AsProblem() throws Exception {
		mvc.perform(get("/api/v1/mechelen/stats/indicators/bev_totaal/data").accept(MediaType.IMAGE_PNG))
			.andExpect(status().isNotAcceptable())
			.andExpect(header().string("Vary", "Accept"))
			.andExpect(content().contentType("application/problem+json;charset=UTF-8"))
			.andExpect(jsonPath("$.status").value(406));
		verify(responses, never()).write(any(), any(), any(), anyString(), anyBoolean(), any());
	}

	@Test
	void anUnpublishedIndicatorIsNotFoundForAnonymousClients() throws Exception {
		when(indicators.find(MECHELEN_SCOPE, "mech_fietsers")).thenReturn(Optional.of(CYCLISTS));
		mvc.perform(get("/api/v1/mechelen/stats/indicators/mech_fietsers/data"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("Onbekende indicator mech_fietsers"));
	}

}
