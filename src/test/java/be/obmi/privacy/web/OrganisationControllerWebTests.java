package be.obmi.privacy.web;

import be.obmi.identity.Role;
import be.obmi.privacy.domain.LinkedOrganisations;
import be.obmi.privacy.domain.OrganisationKind;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The linked organisations: the redacteur adds them; an unknown one to edit is 404. */
@PrivacyWebTest
class OrganisationControllerWebTests extends WebSliceSupport {

	@Autowired
	LinkedOrganisations organisations;

	@Test
	void theRedacteurAddsAnOrganisation() throws Exception {
		mvc.perform(post("/mechelen/privacy/organisaties").param("kbo", "0212000311")
			.param("name", "OCMW Mechelen")
			.param("kind", "OCMW")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(redirectedUrl("/mechelen/privacy/organisaties"));
		verify(organisations).add(MECHELEN, "0212000311", "OCMW Mechelen", OrganisationKind.OCMW, false);
	}

	@Test
	void aLezerReadsButMayNotAdd() throws Exception {
		mvc.perform(get("/mechelen/privacy/organisaties").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name("privacy/organisations"))
			.andExpect(model().attribute("canEdit", false));
		mvc.perform(get("/mechelen/privacy/organisaties").param("edit", "404").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isNotFound());
		mvc.perform(post("/mechelen/privacy/organisaties").param("kbo", "0212000311")
			.param("name", "Gekaapt")
			.with(as(member("mechelen", Role.LEZER)))
			.with(csrf())).andExpect(status().isForbidden());
	}

}
