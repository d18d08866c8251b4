package be.obmi.knowledge.web;

import be.obmi.identity.Role;
import be.obmi.knowledge.housing.HousingRounds;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.kenniscentrum;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The Kenniscentrum's housing rounds: only its editors open one. */
@KnowledgeWebTest
class HousingRoundControllerWebTests extends WebSliceSupport {

	@Autowired
	HousingRounds rounds;

	@Test
	void theRoundsPageSuggestsTheNextSemester() throws Exception {
		mvc.perform(get("/kenniscentrum/woonbeleid/rondes").with(as(kenniscentrum())))
			.andExpect(status().isOk())
			.andExpect(view().name("knowledge/housing-rounds"))
			.andExpect(model().attributeExists("suggestedName"));
		mvc.perform(get("/kenniscentrum/woonbeleid/rondes/999").with(as(kenniscentrum())))
			.andExpect(status().isNotFound());
	}

	@Test
	void aCityMayNotOpenARound() throws Exception {
		mvc.perform(post("/kenniscentrum/woonbeleid/rondes").param("name", "2026 S2")
			.with(as(member("gent", Role.BEHEERDER)))
			.with(csrf())).andExpect(status().isForbidden());
		verifyNoInteractions(rounds);
	}

}
