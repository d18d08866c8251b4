package be.obmi.pirk.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import be.obmi.identity.Role;
import be.obmi.pirk.domain.ObjectFilter;
import be.obmi.pirk.domain.ObjectSearch;
import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.domain.RealEstateKind;
import be.obmi.pirk.domain.RealEstates;
import be.obmi.pirk.domain.RegisterEntries;
import be.obmi.pirk.domain.VacancyClass;
import be.obmi.pirk.importing.RegisterImports;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * PIRK's pages and map data: the overview reads its filter from the query, the map
 * answers GeoJSON of the same filter, a card of an unknown object is 404, a refused
 * extract shows the import page again with 422, only a redacteur imports or links.
 */
@PirkWebTest
class PirkControllerWebTests extends WebSliceSupport {

	static final RealEstate OBJECT = new RealEstate(41, 9, RealEstateKind.BUILDING, null, null, null, null,
			"12025A0123/00B000", new RealEstate.Address("Bruul", "12", null, "2800", "Mechelen"), "HANDEL", null, 4.478,
			51.027, null, "1202501", VacancyClass.VERIFIED, LocalDate.of(2025, 1, 1), 60, true, null, null, 0);

	static final MockMultipartFile FILE = new MockMultipartFile("file", "extract.csv", "text/csv",
			"id;straat\n".getBytes(StandardCharsets.UTF_8));

	@Autowired
	ObjectSearch search;

	@Autowired
	RealEstates objects;

	@Autowired
	RegisterEntries entries;

	@Autowired
	RegisterImports imports;

	@Test
	void theOverviewReadsItsFilterFromTheQuery() throws Exception {
		ObjectFilter filter = new ObjectFilter("LEEGSTAND_WONINGEN", VacancyClass.VERIFIED, 12, null, null, null, null,
				null, null);
		when(search.count(MECHELEN, filter)).thenReturn(1);
		when(search.listed(MECHELEN, filter, ObjectsController.LIST_LIMIT))
			.thenReturn(List.of(new ObjectSearch.Listed(OBJECT, List.of("LEEGSTAND_WONINGEN"), 22)));
		mvc.perform(get("/mechelen/pirk?register=leegstand_woningen&klasse=verified&duur=12&score=oops")
			.with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name(ObjectsController.OVERVIEW))
			.andExpect(model().attribute("filter", filter))
			.andExpect(model().attribute("count", 1))
			.andExpect(model().attribute("query", "register=LEEGSTAND_WONINGEN&klasse=VERIFIED&duur=12"))
			.andExpect(model().attribute("canEdit", false));
	}

	@Test
	@SuppressWarnings("unchecked")
	void theMapAnswersGeoJsonOfTheSameFilter() throws Exception {
		doAnswer(invocation -> {
			invocation.getArgument(4, Consumer.class)
				.accept(new ObjectSearch.Listed(OBJECT, List.of("LEEGSTAND_WONINGEN"), 22));
			return null;
		}).when(search)
			.forEachPoint(eq(MECHELEN), eq(ObjectFilter.from(Map.of("klasse", "VERIFIED"))), isNull(), anyInt(), any());
		mvc.perform(get("/mechelen/pirk/kaart.geojson?klasse=VERIFIED").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/geo+json"))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.features[0].id").value(41))
			.andExpect(jsonPath("$.features[0].geometry.coordinates[0]").value(4.478))
			.andExpect(jsonPath("$.features[0].properties.c").value("VERIFIED"))
			.andExpect(jsonPath("$.features[0].properties.m").value(22))
			.andExpect(jsonPath("$.features[0].properties.r[0]").value("LEEGSTAND_WONINGEN"));
	}

	@Test
	void aCardOfAnUnknownObjectIsNotFound() throws Exception {
		when(objects.find(MECHELEN, 77)).thenReturn(Optional.empty());
		mvc.perform(get("/mechelen/pirk/objecten/77").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isNotFound());
	}

	@Test
	void aRefusedExtractShowsTheImportPageAgainWith422() throws Exception {
		ImportError error = new ImportError(2, "id", "import.pirk.keyMissing");
		when(imports.importFile(eq(MECHELEN), any(), any(), any(), any(), any(), eq(false)))
			.thenThrow(new ImportRejectedException(List.of(error)));
		mvc.perform(multipart("/mechelen/pirk/import").file(FILE)
			.param("register", "SUSPICION")
			.param("source", "Stad")
			.param("extractDate", "2026-10-01")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(view().name(RegisterImportController.VIEW))
			.andExpect(model().attribute("errors", List.of(error)));
	}

	@Test
	void onlyARedacteurImportsOrLinks() throws Exception {
		mvc.perform(multipart("/mechelen/pirk/import").file(FILE).with(as(member("mechelen", Role.LEZER))).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/mechelen/pirk/wachtrij/5/koppelen").param("object", "41")
			.param("version", "0")
			.with(as(member("mechelen", Role.LEZER)))
			.with(csrf())).andExpect(status().isForbidden());
		verifyNoInteractions(imports);
		mvc.perform(post("/mechelen/pirk/wachtrij/5/koppelen").param("object", "41")
			.param("version", "0")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(redirectedUrl("/mechelen/pirk/wachtrij"));
		verify(entries).link(MECHELEN, 5, 41, 0);
	}

}
