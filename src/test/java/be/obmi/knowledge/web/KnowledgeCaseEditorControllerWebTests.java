package be.obmi.knowledge.web;

import be.obmi.identity.Role;
import be.obmi.knowledge.domain.CaseStatus;
import be.obmi.knowledge.domain.Collections;
import be.obmi.knowledge.domain.KnowledgeCases;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.kenniscentrum;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The Kenniscentrum's case form: new, saved, refused, and closed to cities. */
@KnowledgeWebTest
class KnowledgeCaseEditorControllerWebTests extends WebSliceSupport {

	@Autowired
	Collections collections;

	@Autowired
	KnowledgeCases cases;

	@BeforeEach
	void churches() {
		when(collections.require("kerken")).thenReturn(KnowledgeWebFixtures.CHURCHES);
	}

	@Test
	void theNewCaseFormPostsToItself() throws Exception {
		mvc.perform(get("/kenniscentrum/kennisbank/kerken/cases/nieuw").with(as(kenniscentrum())))
			.andExpect(status().isOk())
			.andExpect(view().name(CasePages.FORM))
			.andExpect(model().attribute("action", "/kenniscentrum/kennisbank/kerken/cases/nieuw"))
			.andExpect(model().attribute("collection", KnowledgeWebFixtures.CHURCHES));
	}

	@Test
	void aSavedCaseRedirectsToItsPageAndARefusedOneShowsTheFormWith400() throws Exception {
		when(cases.create(eq("kerken"), isNull(), any(), eq("kenniscentrum"), eq(false)))
			.thenReturn(KnowledgeWebFixtures.mechelenCase(CaseStatus.DRAFT));
		mvc.perform(post("/kenniscentrum/kennisbank/kerken/cases/nieuw").param("title", "Sint-Jozefkerk")
			.with(as(kenniscentrum()))
			.with(csrf()))
			.andExpect(redirectedUrl("/kenniscentrum/kennisbank/kerken/cases/" + KnowledgeWebFixtures.CASE_ID));

		when(cases.create(eq("kerken"), isNull(), any(), eq("kenniscentrum"), eq(false)))
			.thenThrow(new RefusedValueException(Reason.of("knowledge.refused.caseTitle")));
		mvc.perform(post("/kenniscentrum/kennisbank/kerken/cases/nieuw").param("title", "")
			.with(as(kenniscentrum()))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(CasePages.FORM))
			.andExpect(model().attributeExists("refusal"));
	}

	@Test
	void aCityRedacteurMayNotUseIt() throws Exception {
		mvc.perform(post("/kenniscentrum/kennisbank/kerken/cases/nieuw").param("title", "Gekaapt")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(status().isForbidden());
		verifyNoInteractions(cases);
	}

}
