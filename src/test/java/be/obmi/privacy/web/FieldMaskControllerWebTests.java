package be.obmi.privacy.web;

import be.obmi.identity.Role;
import be.obmi.privacy.domain.FieldMask;
import be.obmi.privacy.domain.FieldMasks;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.dpo;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The DPO's choice of public fields: only the DPO; an unknown field is refused. */
@PrivacyWebTest
class FieldMaskControllerWebTests extends WebSliceSupport {

	@Autowired
	FieldMasks masks;

	@BeforeEach
	void defaults() {
		when(masks.of(MECHELEN)).thenReturn(FieldMask.defaults());
	}

	@Test
	void onlyTheDpoChoosesTheFields() throws Exception {
		mvc.perform(get("/mechelen/privacy/zichtbaarheid").with(as(dpo("mechelen"))))
			.andExpect(status().isOk())
			.andExpect(view().name(FieldMaskController.VIEW));
		mvc.perform(get("/mechelen/privacy/zichtbaarheid").with(as(member("mechelen", Role.BEHEERDER))))
			.andExpect(status().isForbidden());
	}

	@Test
	void anUnknownFieldIsRefusedWith400() throws Exception {
		mvc.perform(post("/mechelen/privacy/zichtbaarheid").param("publiek", "geheim")
			.param("version", "0")
			.with(as(dpo("mechelen")))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(FieldMaskController.VIEW))
			.andExpect(model().attributeExists("error"));
		verify(masks, never()).save(any(), any(), anyInt(), anyString());
	}

}
