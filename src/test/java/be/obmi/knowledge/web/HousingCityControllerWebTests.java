package be.obmi.knowledge.web;

import be.obmi.identity.Role;
import be.obmi.knowledge.housing.CityInstruments;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** A city's housing instruments: its members read them, only its redacteur saves. */
@KnowledgeWebTest
class HousingCityControllerWebTests extends WebSliceSupport {

	@Autowired
	CityInstruments instruments;

	@Test
	void aMemberSeesThePageAndWhetherTheyMayEdit() throws Exception {
		mvc.perform(get("/mechelen/kennis/woonbeleid").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name("knowledge/housing-city"))
			.andExpect(model().attribute("canEdit", false));
	}

	@Test
	void aLezerMayNotSave() throws Exception {
		mvc.perform(post("/mechelen/kennis/woonbeleid").with(as(member("mechelen", Role.LEZER))).with(csrf()))
			.andExpect(status().isForbidden());
		verifyNoInteractions(instruments);
	}

}
