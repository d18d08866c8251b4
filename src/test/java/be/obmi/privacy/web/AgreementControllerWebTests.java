package be.obmi.privacy.web;

import be.obmi.identity.Role;
import be.obmi.privacy.domain.Agreements;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** Processor agreements: saved, refused with the form's errors, unknown is 404. */
@PrivacyWebTest
class AgreementControllerWebTests extends WebSliceSupport {

	@Autowired
	Agreements agreements;

	@BeforeEach
	void documentLimit() {
		when(agreements.maxDocumentSize()).thenReturn(DataSize.ofMegabytes(10));
	}

	@Test
	void aSavedAgreementRedirectsToIt() throws Exception {
		when(agreements.create(eq(MECHELEN), any(), eq(false))).thenReturn(17L);
		mvc.perform(post("/mechelen/privacy/overeenkomsten").param("counterparty", "Cloudhosting nv")
			.param("cityRole", "CONTROLLER")
			.param("version", "0")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(redirectedUrl("/mechelen/privacy/overeenkomsten/17"));
	}

	@Test
	void anAgreementWithoutCounterpartyIsShownAgainWith400() throws Exception {
		mvc.perform(post("/mechelen/privacy/overeenkomsten").param("counterparty", "")
			.param("cityRole", "CONTROLLER")
			.param("version", "0")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(AgreementController.FORM))
			.andExpect(model().attributeHasFieldErrors("form", "counterparty"));
		verify(agreements, never()).create(any(), any(), anyBoolean());
	}

	@Test
	void aLezerReadsButMayNotAddAndAnUnknownAgreementIsNotFound() throws Exception {
		mvc.perform(get("/mechelen/privacy/overeenkomsten").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name(AgreementController.LIST))
			.andExpect(model().attribute("canEdit", false));
		mvc.perform(get("/mechelen/privacy/overeenkomsten/nieuw").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/mechelen/privacy/overeenkomsten/404").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isNotFound());
	}

}
