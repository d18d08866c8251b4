package be.obmi.stats.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.obmi.identity.Role;
import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.query.StatsQueries;
import be.obmi.stats.query.StatsSite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.hamcrest.Matchers.contains;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The public statistics site of a tenant: dashboard, indicator page, download, areas. */
@StatsWebTest
class StatsPageControllerWebTests extends StatsWebTestSupport {

	static final StatsSite.Theme DEMOGRAPHY = new StatsSite.Theme("Demografie", List.of());

	@Autowired
	StatsSite site;

	@BeforeEach
	void themes() {
		Map<String, List<Indicator>> themes = new LinkedHashMap<>();
		themes.put("Mobiliteit", List.of(CYCLISTS));
		themes.put("Demografie", List.of(POPULATION));
		when(site.themes(MECHELEN_SCOPE)).thenReturn(themes);
		when(site.city(MECHELEN)).thenReturn(CITY);
	}

	@Test
	void theDashboardOpensOnDemographyUnlessAnotherThemeIsAskedFor() throws Exception {
		when(site.theme(MECHELEN_SCOPE, MECHELEN, "Demografie", List.of(POPULATION))).thenReturn(DEMOGRAPHY);
		mvc.perform(get("/mechelen/cijfers"))
			.andExpect(status().isOk())
			.andExpect(view().name("stats/dashboard"))
			.andExpect(model().attribute("themes", contains("Mobiliteit", "Demografie")))
			.andExpect(model().attribute("current", "Demografie"))
			.andExpect(model().attribute("theme", DEMOGRAPHY))
			.andExpect(model().attribute("city", CITY))
			.andExpect(model().attribute("demo", false));
		mvc.perform(get("/mechelen/cijfers").param("thema", "Mobiliteit"))
			.andExpect(model().attribute("current", "Mobiliteit"));
		mvc.perform(get("/mechelen/cijfers").param("thema", "Onbestaand"))
			.andExpect(model().attribute("current", "Demografie"));
	}

	@Test
	void anIndicatorPageShowsTheLatestPeriodOnTheWijkMap() throws Exception {
		when(site.indicator(MECHELEN_SCOPE, "bev_totaal")).thenReturn(Optional.of(POPULATION));
		when(site.periods(MECHELEN_SCOPE, POPULATION)).thenReturn(List.of("2024", "2025"));
		when(site.trend(MECHELEN_SCOPE, MECHELEN, POPULATION))
			.thenReturn(new StatsSite.Trend(List.of("2024", "2025"), Map.of()));
		when(site.cells(MECHELEN_SCOPE, MECHELEN, POPULATION, "wijk", "2025"))
			.thenReturn(List.of(new StatsQueries.Cell(WIJK, "2025", 12_840.0, "ok", null, false, false, false, null)));
		mvc.perform(get("/mechelen/cijfers/indicator/bev_totaal").param("niveau", "gemeente"))
			.andExpect(status().isOk())
			.andExpect(view().name("stats/indicator"))
			.andExpect(model().attribute("indicator", POPULATION))
			.andExpect(model().attribute("period", "2025"))
			.andExpect(model().attribute("level", "wijk"))
			.andExpect(model().attribute("mapJson", "{\"12025A\":{\"v\":12840.0,\"s\":\"ok\",\"r\":1}}"))
			.andExpect(model().attribute("mapGeo", "/api/v1/mechelen/stats/geo/wijken"))
			.andExpect(model().attribute("trendJson", "{\"periods\":[\"2024\",\"2025\"],\"series\":[]}"))
			.andExpect(model().attribute("editor", false));
	}

	@Test
	void theAreasAreRankedAndTwoPeriodsComparedWithTheirDifference() throws Exception {
		Area north = new Area(102, "wijk", "12025B", "Noord", 100L, true);
		Area south = new Area(103, "wijk", "12025C", "Zuid", 100L, true);
		Area tiny = new Area(104, "wijk", "12025D", "Klein", 100L, true);
		when(site.indicator(MECHELEN_SCOPE, "bev_totaal")).thenReturn(Optional.of(POPULATION));
		when(site.periods(MECHELEN_SCOPE, POPULATION)).thenReturn(List.of("2022", "2023", "2024"));
		when(site.trend(MECHELEN_SCOPE, MECHELEN, POPULATION))
			.thenReturn(new StatsSite.Trend(List.of("2022", "2023", "2024"), Map.of()));
		when(site.cells(MECHELEN_SCOPE, MECHELEN, POPULATION, "wijk", "2024"))
			.thenReturn(List.of(cell(WIJK, "2024", 900.0, "ok"), cell(north, "2024", 1200.0, "ok"),
					cell(south, "2024", 900.0, "ok"), cell(tiny, "2024", null, "suppressed")));
		when(site.cells(MECHELEN_SCOPE, MECHELEN, POPULATION, "wijk", "2022"))
			.thenReturn(List.of(cell(WIJK, "2022", 1000.0, "ok"), cell(north, "2022", 1100.0, "ok"),
					cell(south, "2022", null, "missing"), cell(tiny, "2022", 3.0, "ok")));
		var result = mvc.perform(get("/mechelen/cijfers/indicator/bev_totaal").param("van", "2022"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("from", "2022"))
			.andExpect(model().attribute("to", "2024"))
			.andExpect(model().attribute("rankedCount", 3L))
			.andReturn();
		@SuppressWarnings("unchecked")
		List<RankedArea> ranked = (List<RankedArea>) result.getModelAndView().getModel().get("ranked");
		org.assertj.core.api.Assertions.assertThat(ranked)
			.extracting(r -> r.cell().area().name() + " " + r.rank())
			.as("highest first, equal values share a rank, the suppressed one last without rank")
			.containsExactly("Noord 1", "Binnenstad 2", "Zuid 2", "Klein null");
		@SuppressWarnings("unchecked")
		List<PeriodChange> changes = (List<PeriodChange>) result.getModelAndView().getModel().get("changes");
		org.assertj.core.api.Assertions.assertThat(changes)
			.extracting(c -> c.area().name() + " " + c.difference())
			.containsExactly("Noord 100.0", "Binnenstad -100.0", "Zuid null", "Klein null");

		// by default the shown period against the one before it
		mvc.perform(get("/mechelen/cijfers/indicator/bev_totaal"))
			.andExpect(model().attribute("from", "2023"))
			.andExpect(model().attribute("to", "2024"));
	}

	@Test
	void theSectorLevelHasNoMapWithoutTheCitysPolygonsAndNamesTheFile() throws Exception {
		when(site.indicator(MECHELEN_SCOPE, "bev_totaal")).thenReturn(Optional.of(POPULATION));
		when(site.periods(MECHELEN_SCOPE, POPULATION)).thenReturn(List.of("2024"));
		when(site.trend(MECHELEN_SCOPE, MECHELEN, POPULATION))
			.thenReturn(new StatsSite.Trend(List.of("2024"), Map.of()));
		mvc.perform(get("/mechelen/cijfers/indicator/bev_totaal").param("niveau", "statsec"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("level", "statsec"))
			.andExpect(model().attribute("mapGeo", (Object) null))
			.andExpect(model().attribute("sectorFile", "statsec-12025.geojson"))
			.andExpect(model().attributeDoesNotExist("changes"));
	}

	private static StatsQueries.Cell cell(Area area, String period, Double value, String status) {
		return new StatsQueries.Cell(area, period, value, status, null, false, false, false, null);
	}

	@Test
	void anUnknownIndicatorIsNotFound() throws Exception {
		mvc.perform(get("/mechelen/cijfers/indicator/onbestaand")).andExpect(status().isNotFound());
	}

	@Test
	void theDownloadIsACsvWithByteOrderMarkAndOneRowPerAreaAndPeriod() throws Exception {
		when(site.indicator(MECHELEN_SCOPE, "bev_totaal")).thenReturn(Optional.of(POPULATION));
		when(site.periods(MECHELEN_SCOPE, POPULATION)).thenReturn(List.of("2025"));
		when(site.cells(MECHELEN_SCOPE, MECHELEN, POPULATION, "wijk", "2025"))
			.thenReturn(List.of(new StatsQueries.Cell(WIJK, "2025", 12_840.0, "ok", null, false, false, false, null),
					new StatsQueries.Cell(new Area(102, "wijk", "12025B", "Nekker; Ragheno", 100L, true), "2025", null,
							"suppressed", null, false, false, false, null)));
		String expected = "\uFEFFindicator;gebied;naam;niveau;periode;waarde;status\r\n"
				+ "bev_totaal;12025A;Binnenstad;wijk;2025;12840;ok\r\n"
				+ "bev_totaal;12025B;\"Nekker; Ragheno\";wijk;2025;;suppressed\r\n";
		mvc.perform(get("/mechelen/cijfers/indicator/bev_totaal/download"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/csv;charset=UTF-8"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"bev_totaal-mechelen-wijk.csv\""))
			.andExpect(content().bytes(expected.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void editorsAreToldTheySeeConfidentialValues() throws Exception {
		when(site.indicator(MECHELEN_SCOPE, "bev_totaal")).thenReturn(Optional.of(POPULATION));
		when(site.trend(MECHELEN_SCOPE, MECHELEN, POPULATION)).thenReturn(new StatsSite.Trend(List.of(), Map.of()));
		mvc.perform(get("/mechelen/cijfers/indicator/bev_totaal").with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(status().isOk())
			.andExpect(model().attribute("period", (Object) null))
			.andExpect(model().attribute("editor", true));
	}

}
