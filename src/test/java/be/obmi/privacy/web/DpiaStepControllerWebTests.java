package be.obmi.privacy.web;

import be.obmi.identity.Role;
import be.obmi.privacy.domain.Dpias;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.dpo;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The DPIA's steps: the DPO's opinion, the beheerder's validation. */
@PrivacyWebTest
class DpiaStepControllerWebTests extends WebSliceSupport {

	@Autowired
	Dpias dpias;

	@Test
	void onlyTheDpoGivesAnOpinion() throws Exception {
		mvc.perform(post("/mechelen/privacy/dpia/31/advies").param("opinion", "Akkoord")
			.param("version", "2")
			.with(as(member("mechelen", Role.BEHEERDER)))
			.with(csrf())).andExpect(status().isForbidden());
		verifyNoInteractions(dpias);
		mvc.perform(post("/mechelen/privacy/dpia/31/advies").param("opinion", "Akkoord")
			.param("version", "2")
			.with(as(dpo("mechelen")))
			.with(csrf())).andExpect(redirectedUrl("/mechelen/privacy/dpia/31#opinion"));
		verify(dpias).saveOpinion(MECHELEN, 31, "Akkoord", 2, "dpo.mechelen");
	}

	@Test
	void onlyABeheerderValidates() throws Exception {
		mvc.perform(post("/mechelen/privacy/dpia/31/valideren").param("version", "5")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/mechelen/privacy/dpia/31/valideren").param("version", "5")
			.with(as(member("mechelen", Role.BEHEERDER)))
			.with(csrf())).andExpect(redirectedUrl("/mechelen/privacy/dpia/31#validation"));
	}

}
