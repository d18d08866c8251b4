package be.obmi.stats.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import be.obmi.identity.Role;
import be.obmi.stats.domain.Datasets;
import be.obmi.stats.query.OpenDataResponses;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The datasets of a scope: list, publication, deletion, one dataset in a format. */
@StatsWebTest
class StatsDatasetControllerWebTests extends StatsWebTestSupport {

	static final Datasets.Dataset TABLE = new Datasets.Dataset("TAB003", "Bevolking naar leeftijd", "Statbel", "px",
			OffsetDateTime.of(2026, 1, 15, 9, 30, 0, 0, ZoneOffset.UTC), List.of(), 1_200,
			List.of("jsonstat", "px", "csv"), true, 5);

	@Autowired
	Datasets datasets;

	@Autowired
	OpenDataResponses responses;

	@Test
	void theListIsPublicAndShowsOnlyPublishedDatasetsToAnonymousClients() throws Exception {
		when(datasets.list(MECHELEN_SCOPE, false)).thenReturn(List.of(TABLE));
		mvc.perform(get("/api/v1/mechelen/datasets"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$[0].id").value("TAB003"))
			.andExpect(jsonPath("$[0].title").value("Bevolking naar leeftijd"))
			.andExpect(jsonPath("$[0].format").value("px"))
			.andExpect(jsonPath("$[0].cells").value(1200))
			.andExpect(jsonPath("$[0].formats[1]").value("px"))
			.andExpect(jsonPath("$[0].published").value(true))
			.andExpect(jsonPath("$[0].threshold").value(5));
		verify(datasets, never()).list(MECHELEN_SCOPE, true);
	}

	@Test
	void publishingAnswersTheNewStateAndNeedsARedacteur() throws Exception {
		mvc.perform(post("/api/v1/mechelen/datasets/TAB003/published").param("value", "true")
			.param("threshold", "3")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value("TAB003"))
			.andExpect(jsonPath("$.published").value(true));
		verify(datasets).publish(MECHELEN_SCOPE, "TAB003", 3, "redacteur.mechelen");
		mvc.perform(post("/api/v1/mechelen/datasets/TAB003/published").param("value", "false")
			.with(as(member("mechelen", Role.LEZER)))
			.with(csrf())).andExpect(status().isForbidden());
		verify(datasets, never()).unpublish(any(), anyString());
	}

	@Test
	void deletingAnswers204() throws Exception {
		mvc.perform(
				delete("/api/v1/mechelen/datasets/TAB003").with(as(member("mechelen", Role.REDACTEUR))).with(csrf()))
			.andExpect(status().isNoContent());
		verify(datasets).delete(MECHELEN_SCOPE, "TAB003");
	}

	@Test
	void anUnknownDatasetIsANotFoundProblem() throws Exception {
		mvc.perform(get("/api/v1/mechelen/datasets/TAB999"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Onbekende dataset TAB999"));
	}

	@Test
	void anUnknownFormatIsABadRequestProblemAndAnUnservableAcceptIs406() throws Exception {
		mvc.perform(get("/api/v1/mechelen/datasets/TAB003").param("format", "pdf"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(startsWith("Onbekend formaat 'pdf'")));
		mvc.perform(get("/api/v1/mechelen/datasets/TAB003").accept("image/png"))
			.andExpect(status().isNotAcceptable())
			.andExpect(content().contentType("application/problem+json;charset=UTF-8"))
			.andExpect(jsonPath("$.status").value(406));
		verify(datasets, never()).version(any(), anyString(), anyBoolean());
	}

	@Test
	void aDatasetTheClientHasCurrentIsNotReadAgain() throws Exception {
		when(datasets.version(MECHELEN_SCOPE, "TAB003", false))
			.thenReturn(Optional.of(new OpenDataResponses.Version(Instant.parse("2026-01-15T09:30:00Z"), "3f9a")));
		when(responses.notModified(any(), any(), any(), anyString())).thenReturn(true);
		mvc.perform(get("/api/v1/mechelen/datasets/TAB003").param("format", "csv")).andExpect(status().isOk());
		verify(datasets, never()).cube(any(), anyString(), anyBoolean(), anyBoolean());
	}

}
