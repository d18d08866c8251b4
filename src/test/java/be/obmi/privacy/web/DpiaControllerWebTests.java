package be.obmi.privacy.web;

import java.util.Locale;

import be.obmi.identity.Role;
import be.obmi.privacy.domain.Dpias;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The DPIA list and start: the redacteur starts one from a model; a refusal is 400. */
@PrivacyWebTest
class DpiaControllerWebTests extends WebSliceSupport {

	@Autowired
	Dpias dpias;

	@Test
	void aStartedDpiaOpensAtItsScreening() throws Exception {
		when(dpias.start(eq(MECHELEN), eq(21L), eq("SMART_CITY"), eq("Camera's"), any(Locale.class),
				eq("redacteur.mechelen")))
			.thenReturn(31L);
		mvc.perform(post("/mechelen/privacy/dpia").param("activity", "21")
			.param("model", "SMART_CITY")
			.param("title", "Camera's")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(redirectedUrl("/mechelen/privacy/dpia/31#screening"));
	}

	@Test
	void aRefusedStartShowsTheListAgainWith400() throws Exception {
		when(dpias.start(eq(MECHELEN), anyLong(), any(), any(), any(), any()))
			.thenThrow(new RefusedValueException(Reason.of("privacy.refused.dpia.titleRequired")));
		mvc.perform(post("/mechelen/privacy/dpia").param("model", "SMART_CITY")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("privacy/dpia-list"))
			.andExpect(model().attributeExists("error"));
	}

	@Test
	void aLezerSeesTheListButMayNotStart() throws Exception {
		mvc.perform(get("/mechelen/privacy/dpia").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name("privacy/dpia-list"));
		mvc.perform(post("/mechelen/privacy/dpia").param("model", "SMART_CITY")
			.with(as(member("mechelen", Role.LEZER)))
			.with(csrf())).andExpect(status().isForbidden());
	}

}
