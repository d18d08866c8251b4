package be.obmi.knowledge.web;

import java.util.List;
import java.util.Optional;

import be.obmi.knowledge.domain.CaseStatus;
import be.obmi.knowledge.domain.Collections;
import be.obmi.knowledge.domain.KnowledgeCases;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** A case's public page and a collection's open data: only published cases. */
@KnowledgeWebTest
class KnowledgeCaseControllerWebTests extends WebSliceSupport {

	@Autowired
	Collections collections;

	@Autowired
	KnowledgeCases cases;

	@BeforeEach
	void churches() {
		when(collections.require("kerken")).thenReturn(KnowledgeWebFixtures.CHURCHES);
		when(tenants.byId(MECHELEN.id())).thenReturn(Optional.of(MECHELEN));
	}

	@Test
	void aPublishedCaseIsPublicAndADraftIsNotFound() throws Exception {
		when(cases.byPublicId(KnowledgeWebFixtures.CASE_ID))
			.thenReturn(Optional.of(KnowledgeWebFixtures.mechelenCase(CaseStatus.PUBLISHED)));
		mvc.perform(get("/kennis/collecties/kerken/" + KnowledgeWebFixtures.CASE_ID))
			.andExpect(status().isOk())
			.andExpect(view().name("knowledge/k1-case"))
			.andExpect(model().attribute("city", "Mechelen"));

		when(cases.byPublicId(KnowledgeWebFixtures.CASE_ID))
			.thenReturn(Optional.of(KnowledgeWebFixtures.mechelenCase(CaseStatus.DRAFT)));
		mvc.perform(get("/kennis/collecties/kerken/" + KnowledgeWebFixtures.CASE_ID)).andExpect(status().isNotFound());
	}

	@Test
	void theDatasetIsJsonWithTheCollectionAndItsPublishedCases() throws Exception {
		when(cases.ofCollection(KnowledgeWebFixtures.CHURCHES.id(), true))
			.thenReturn(List.of(KnowledgeWebFixtures.mechelenCase(CaseStatus.PUBLISHED)));
		mvc.perform(get("/kennis/collecties/kerken/dataset.json"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.collection").value("kerken"))
			.andExpect(jsonPath("$.title.en").value("Reuse of churches"))
			.andExpect(jsonPath("$.cases[0].titel").value("Sint-Jozefkerk"))
			.andExpect(jsonPath("$.cases[0].stad").value("mechelen"));
	}

}
