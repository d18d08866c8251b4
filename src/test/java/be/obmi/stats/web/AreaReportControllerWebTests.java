package be.obmi.stats.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.obmi.shared.PdfDocuments;
import be.obmi.stats.domain.Area;
import be.obmi.stats.query.AreaReport;
import be.obmi.stats.query.StatsSite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The area report's page and PDF: found only inside the city, with the report's model.
 */
@StatsWebTest
class AreaReportControllerWebTests extends StatsWebTestSupport {

	static final Area FLANDERS = new Area(1, "gewest", "02000", "Vlaams Gewest", null, true);

	@Autowired
	StatsSite site;

	@Autowired
	AreaReport reports;

	@Autowired
	PdfDocuments pdfs;

	AreaReport.Report report;

	@BeforeEach
	void report() {
		when(site.city(MECHELEN)).thenReturn(CITY);
		when(site.area("wijk", "12025A")).thenReturn(Optional.of(WIJK));
		when(site.isWithin(WIJK, CITY)).thenReturn(true);
		StatsSite.Shown value = new StatsSite.Shown("2025", 12_840.0, "12.840", "ok", false);
		AreaReport.Index none = new AreaReport.Index(null, "", "missing", false);
		AreaReport.Figure figure = new AreaReport.Figure(POPULATION, value, value, value, null, null, null, none, none,
				none, List.of("2025"), List.of(value), List.of());
		report = new AreaReport.Report(WIJK, CITY, FLANDERS, List.of(CITY), null, Map.of("Demografie", List.of(figure)),
				false);
		when(reports.of(MECHELEN_SCOPE, MECHELEN, WIJK)).thenReturn(report);
	}

	@Test
	void anAreaOutsideTheCityHasNoReport() throws Exception {
		Area antwerpWijk = new Area(300, "wijk", "11002A", "Centrum", 200L, true);
		when(site.area("wijk", "11002A")).thenReturn(Optional.of(antwerpWijk));
		when(site.isWithin(antwerpWijk, CITY)).thenReturn(false);
		mvc.perform(get("/mechelen/cijfers/gebied/wijk/11002A")).andExpect(status().isNotFound());
		mvc.perform(get("/mechelen/cijfers/gebied/wijk/11002A/pdf")).andExpect(status().isNotFound());
		mvc.perform(get("/mechelen/cijfers/gebied/planeet/12025A")).andExpect(status().isNotFound());
	}

	@Test
	void aWijkReportListsTheThemesWithTheirFiguresAndCharts() throws Exception {
		mvc.perform(get("/mechelen/cijfers/gebied/wijk/12025A"))
			.andExpect(status().isOk())
			.andExpect(view().name("stats/profile"))
			.andExpect(model().attribute("report", report))
			.andExpect(model().attribute("area", WIJK))
			.andExpect(model().attribute("profile", report.themes()))
			.andExpect(model().attribute("charts", Map.of("bev_totaal",
					"{\"periods\":[\"2025\"],\"series\":[{\"name\":\"Binnenstad\",\"values\":[12840.0]}]}")));
	}

	@Test
	void thePdfIsRenderedFromTheSameReport() throws Exception {
		when(pdfs.render(eq("stats/profile-pdf"), any(), anyMap())).thenReturn("%PDF-1.7".getBytes());
		mvc.perform(get("/mechelen/cijfers/gebied/wijk/12025A/pdf"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"steekkaart-12025A.pdf\""));
		verify(pdfs).render(eq("stats/profile-pdf"), any(),
				org.mockito.ArgumentMatchers.argThat(variables -> variables.get("report") == report
						&& variables.get("colour") != null && variables.get("made") != null
						&& variables.get("bars") instanceof Map<?, ?> bars && bars.containsKey("bev_totaal")));
		assertThat(AreaReportPdf.colour(MECHELEN)).matches("#[0-9a-fA-F]{6}");
	}

}
