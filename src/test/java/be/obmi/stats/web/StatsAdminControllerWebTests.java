package be.obmi.stats.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import be.obmi.identity.Role;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.stats.domain.Datasets;
import be.obmi.stats.domain.ImportHistory;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.importing.CubeObservations;
import be.obmi.stats.importing.ObservationImporter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.hamcrest.Matchers.endsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The data team's page: upload, import history, undo, dataset publication. */
@StatsWebTest
class StatsAdminControllerWebTests extends StatsWebTestSupport {

	static final ImportHistory.Batch BATCH = new ImportHistory.Batch(31, "fietsers.csv", "long", "redacteur.mechelen",
			Instant.parse("2026-02-01T10:00:00Z"), 24, 24, 0, 0, 0, null, null);

	static final MockMultipartFile FILE = new MockMultipartFile("file", "fietsers.csv", "text/csv",
			"indicator;gebied;periode;waarde\nmech_fietsers;12025A;2025;1830\n".getBytes(StandardCharsets.UTF_8));

	@Autowired
	ImportHistory history;

	@Autowired
	Indicators indicators;

	@Autowired
	Datasets datasets;

	@Autowired
	ObservationImporter importer;

	@Test
	void thePageShowsHistoryIndicatorsAndDatasetsOfTheTenant() throws Exception {
		when(history.list(MECHELEN_SCOPE, 50)).thenReturn(List.of(BATCH));
		when(indicators.list(MECHELEN_SCOPE, true)).thenReturn(List.of(CYCLISTS));
		mvc.perform(get("/mechelen/cijfers/beheer").with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(status().isOk())
			.andExpect(view().name("stats/admin"))
			.andExpect(model().attribute("imports", List.of(BATCH)))
			.andExpect(model().attribute("indicators", List.of(CYCLISTS)))
			.andExpect(model().attribute("datasets", List.of()));
	}

	@Test
	void thePageIsPublicByRouteButNeedsARedacteur() throws Exception {
		mvc.perform(get("/mechelen/cijfers/beheer").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/mechelen/cijfers/beheer"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", endsWith("/login")));
		verifyNoInteractions(history);
	}

	@Test
	void anUploadRedirectsWithItsSummary() throws Exception {
		ObservationImporter.Summary summary = new ObservationImporter.Summary(31L, "long", 1, 1, 0, 0, List.of(),
				List.of(), List.of());
		when(importer.importFile(eq(MECHELEN_SCOPE), eq("fietsers.csv"), any(), eq(false), eq("redacteur.mechelen"),
				eq(new CubeObservations.Request("mech_fietsers", null, null, null))))
			.thenReturn(summary);
		mvc.perform(multipart("/mechelen/cijfers/beheer/import").file(FILE)
			.param("indicator", "mech_fietsers")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(redirectedUrl("/mechelen/cijfers/beheer"))
			.andExpect(flash().attribute("summary", summary));
	}

	@Test
	void aRejectedUploadShowsThePageWithEveryError() throws Exception {
		ImportError error = new ImportError(2, "indicator", "import.stats.catalogueIndicatorUnknown", "mech_fiets");
		when(importer.importFile(any(), anyString(), any(), anyBoolean(), anyString(), any()))
			.thenThrow(new ImportRejectedException(List.of(error)));
		mvc.perform(multipart("/mechelen/cijfers/beheer/import").file(FILE)
			.param("indicator", "mech_fiets")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name("stats/admin"))
			.andExpect(model().attribute("errors", List.of(error)))
			.andExpect(model().attribute("selectedIndicator", "mech_fiets"));
	}

	@Test
	void publishingADatasetUsesTheThresholdAndTheActor() throws Exception {
		mvc.perform(post("/mechelen/cijfers/beheer/datasets/TAB003/publiceren").param("threshold", "10")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(redirectedUrl("/mechelen/cijfers/beheer"))
			.andExpect(flash().attribute("datasetDone", "published"));
		verify(datasets).publish(MECHELEN_SCOPE, "TAB003", 10, "redacteur.mechelen");
	}

	@Test
	void anUnknownDatasetActionIsNotFoundAndAThresholdOver100IsRefused() throws Exception {
		mvc.perform(
				post("/mechelen/cijfers/beheer/datasets/TAB003/archiveren").with(as(member("mechelen", Role.REDACTEUR)))
					.with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/mechelen/cijfers/beheer/datasets/TAB003/publiceren").param("threshold", "150")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(status().isBadRequest());
		verify(datasets, never()).publish(any(), anyString(), anyInt(), anyString());
	}

	@Test
	void anUndoTheHistoryRefusesIsReportedAfterTheRedirect() throws Exception {
		when(history.undo(MECHELEN_SCOPE, 31, "redacteur.mechelen"))
			.thenThrow(new IllegalStateException("Deze import is al ongedaan gemaakt."));
		mvc.perform(post("/mechelen/cijfers/beheer/import/31/ongedaan").with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(redirectedUrl("/mechelen/cijfers/beheer"))
			.andExpect(flash().attribute("undoError", "Deze import is al ongedaan gemaakt."));
	}

}
