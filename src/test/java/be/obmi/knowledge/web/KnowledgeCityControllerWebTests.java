package be.obmi.knowledge.web;

import java.util.List;
import java.util.Optional;

import be.obmi.identity.Role;
import be.obmi.knowledge.domain.CaseStatus;
import be.obmi.knowledge.domain.Collections;
import be.obmi.knowledge.domain.KnowledgeCases;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** A city's own cases: its members read them, its redacteur writes them. */
@KnowledgeWebTest
class KnowledgeCityControllerWebTests extends WebSliceSupport {

	@Autowired
	Collections collections;

	@Autowired
	KnowledgeCases cases;

	@BeforeEach
	void churches() {
		when(collections.all()).thenReturn(List.of(KnowledgeWebFixtures.CHURCHES));
		when(collections.require("kerken")).thenReturn(KnowledgeWebFixtures.CHURCHES);
		when(collections.byCode("kerken")).thenReturn(Optional.of(KnowledgeWebFixtures.CHURCHES));
	}

	@Test
	void aMemberSeesTheCitysCasesAndWhetherTheyMayWrite() throws Exception {
		when(cases.ofCity(MECHELEN)).thenReturn(List.of(KnowledgeWebFixtures.mechelenCase(CaseStatus.DRAFT)));
		mvc.perform(get("/mechelen/kennis").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name("knowledge/k1-city-cases"))
			.andExpect(model().attribute("cases", List.of(KnowledgeWebFixtures.mechelenCase(CaseStatus.DRAFT))))
			.andExpect(model().attribute("open", List.of(KnowledgeWebFixtures.CHURCHES)))
			.andExpect(model().attribute("editor", false));
	}

	@Test
	void onlyTheRedacteurOpensTheForm() throws Exception {
		mvc.perform(post("/mechelen/kennis/kerken/nieuw").param("title", "Gekaapt")
			.with(as(member("mechelen", Role.LEZER)))
			.with(csrf())).andExpect(status().isForbidden());
		verifyNoInteractions(cases);
		mvc.perform(get("/mechelen/kennis/kerken/nieuw").with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(status().isOk())
			.andExpect(view().name(CasePages.FORM));
	}

	@Test
	void anotherCitysCaseIsNotFound() throws Exception {
		when(cases.require(KnowledgeWebFixtures.CASE_ID, GENT))
			.thenThrow(new NotFoundException(Reason.of("knowledge.refused.caseUnknown")));
		mvc.perform(get("/gent/kennis/cases/" + KnowledgeWebFixtures.CASE_ID).with(as(member("gent", Role.REDACTEUR))))
			.andExpect(status().isNotFound());
	}

}
