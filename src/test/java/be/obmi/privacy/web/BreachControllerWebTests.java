package be.obmi.privacy.web;

import be.obmi.identity.Role;
import be.obmi.privacy.domain.Breaches;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.dpo;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** Data breaches: confidential, only for the DPO and redacteurs. */
@PrivacyWebTest
class BreachControllerWebTests extends WebSliceSupport {

	@Autowired
	Breaches breaches;

	@Test
	void theBreachesAreForTheDpoAndRedacteursOnly() throws Exception {
		mvc.perform(get("/mechelen/privacy/datalekken").with(as(dpo("mechelen"))))
			.andExpect(status().isOk())
			.andExpect(view().name(BreachController.LIST));
		mvc.perform(get("/mechelen/privacy/datalekken").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isForbidden());
	}

	@Test
	void aBreachWithoutDescriptionIsShownAgainWith400() throws Exception {
		mvc.perform(post("/mechelen/privacy/datalekken").param("discoveredAt", "2026-03-01T10:00")
			.param("description", "")
			.param("nature", "CONFIDENTIALITY")
			.param("closed", "false")
			.param("version", "0")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(BreachController.FORM))
			.andExpect(model().attributeHasFieldErrors("form", "description"));
		verifyNoInteractions(breaches);
	}

}
