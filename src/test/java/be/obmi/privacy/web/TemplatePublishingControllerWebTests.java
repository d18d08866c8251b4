package be.obmi.privacy.web;

import be.obmi.identity.Role;
import be.obmi.privacy.domain.PrivacyTemplates;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The Kenniscentrum publishes templates; no city does; an unknown template is 404. */
@PrivacyWebTest
class TemplatePublishingControllerWebTests extends WebSliceSupport {

	@Autowired
	PrivacyTemplates templates;

	@Test
	void theKenniscentrumSeesThePageAndAnUnknownTemplateIsNotFound() throws Exception {
		mvc.perform(get("/kenniscentrum/privacy/sjablonen").with(as(kenniscentrum())))
			.andExpect(status().isOk())
			.andExpect(view().name("privacy/kenniscentrum-templates"));
		mvc.perform(get("/kenniscentrum/privacy/sjablonen").param("template", "404").with(as(kenniscentrum())))
			.andExpect(status().isNotFound());
	}

	@Test
	void aCityMayNotPublish() throws Exception {
		mvc.perform(post("/kenniscentrum/privacy/sjablonen").param("kind", "ACTIVITY")
			.param("code", "gekaapt")
			.param("title", "Gekaapt")
			.with(as(member("gent", Role.BEHEERDER)))
			.with(csrf())).andExpect(status().isForbidden());
		verifyNoInteractions(templates);
	}

}
