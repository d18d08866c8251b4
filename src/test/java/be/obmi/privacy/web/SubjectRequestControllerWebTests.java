package be.obmi.privacy.web;

import be.obmi.identity.Role;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** Data-subject requests: confidential; an unknown one is 404. */
@PrivacyWebTest
class SubjectRequestControllerWebTests extends WebSliceSupport {

	@Test
	void theNewRequestFormOffersTheKindsToTheRedacteurOnly() throws Exception {
		mvc.perform(get("/mechelen/privacy/verzoeken/nieuw").with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(status().isOk())
			.andExpect(view().name(SubjectRequestController.FORM))
			.andExpect(model().attribute("kinds", SubjectRequestController.KINDS));
		mvc.perform(get("/mechelen/privacy/verzoeken").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isForbidden());
	}

	@Test
	void anUnknownRequestIsNotFound() throws Exception {
		mvc.perform(get("/mechelen/privacy/verzoeken/404").with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(status().isNotFound());
	}

}
