package be.obmi.privacy.web;

import java.time.Year;

import be.obmi.identity.Role;
import be.obmi.privacy.domain.Maturity;
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

/** The maturity assessment: a year out of range is this year; a lezer may not answer. */
@PrivacyWebTest
class MaturityControllerWebTests extends WebSliceSupport {

	@Autowired
	Maturity maturity;

	@Test
	void aYearOutOfRangeShowsThisYear() throws Exception {
		mvc.perform(
				get("/mechelen/privacy/maturiteit").param("jaar", "1850").with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(status().isOk())
			.andExpect(view().name("privacy/maturity"))
			.andExpect(model().attribute("year", Year.now().getValue()))
			.andExpect(model().attribute("canAnswer", true));
	}

	@Test
	void aLezerMayNotAnswer() throws Exception {
		mvc.perform(post("/mechelen/privacy/maturiteit/2026").param("version", "0")
			.with(as(member("mechelen", Role.LEZER)))
			.with(csrf())).andExpect(status().isForbidden());
		verifyNoInteractions(maturity);
	}

}
