package be.obmi.knowledge.web;

import java.util.List;

import be.obmi.identity.Role;
import be.obmi.knowledge.domain.Collections;
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
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The Kenniscentrum's collections and their field templates: only its editors. */
@KnowledgeWebTest
class KnowledgeEditorControllerWebTests extends WebSliceSupport {

	@Autowired
	Collections collections;

	@BeforeEach
	void churches() {
		when(collections.all()).thenReturn(List.of(KnowledgeWebFixtures.CHURCHES));
		when(collections.require("kerken")).thenReturn(KnowledgeWebFixtures.CHURCHES);
	}

	@Test
	void theCollectionsAreForTheKenniscentrumOnly() throws Exception {
		mvc.perform(get("/kenniscentrum/kennisbank").with(as(kenniscentrum())))
			.andExpect(status().isOk())
			.andExpect(view().name("knowledge/k1-collections"))
			.andExpect(model().attribute("collections", List.of(KnowledgeWebFixtures.CHURCHES)));
		mvc.perform(get("/kenniscentrum/kennisbank").with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(status().isForbidden());
	}

	@Test
	void aRefusedFieldShowsTheTemplateAgainWith400() throws Exception {
		when(collections.addField(eq("kerken"), any()))
			.thenThrow(new RefusedValueException(Reason.of("knowledge.refused.caseTitle")));
		mvc.perform(post("/kenniscentrum/kennisbank/kerken/velden").param("code", "")
			.param("labelNl", "")
			.with(as(kenniscentrum()))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("knowledge/k1-collection"))
			.andExpect(model().attributeExists("refusal", "fieldForm"));
	}

	@Test
	void aMovedFieldRedirectsToTheTemplate() throws Exception {
		mvc.perform(post("/kenniscentrum/kennisbank/kerken/velden/jaar/verplaatsen").param("direction", "-1")
			.with(as(kenniscentrum()))
			.with(csrf())).andExpect(redirectedUrl("/kenniscentrum/kennisbank/kerken"));
	}

}
