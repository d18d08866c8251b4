package be.obmi.privacy.web;

import be.obmi.identity.Role;
import be.obmi.privacy.domain.DpiaRisks;
import be.obmi.privacy.domain.RiskForm;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A DPIA's risks and measures: written by the redacteur, each answered at its anchor. */
@PrivacyWebTest
class DpiaWorkControllerWebTests extends WebSliceSupport {

	@Autowired
	DpiaRisks risks;

	@Test
	void anAddedRiskRedirectsToIt() throws Exception {
		when(risks.add(eq(MECHELEN), eq(31L), any(RiskForm.class))).thenReturn(7L);
		mvc.perform(post("/mechelen/privacy/dpia/31/risicos").param("kind", "OTHER")
			.param("title", "Heridentificatie")
			.param("likelihood", "2")
			.param("severity", "3")
			.param("residualLikelihood", "1")
			.param("residualSeverity", "2")
			.param("version", "0")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(redirectedUrl("/mechelen/privacy/dpia/31#risk-7"));
	}

	@Test
	void aScoreOutsideTheScaleIsRefused() throws Exception {
		mvc.perform(post("/mechelen/privacy/dpia/31/risicos").param("kind", "OTHER")
			.param("likelihood", "9")
			.param("severity", "3")
			.param("residualLikelihood", "1")
			.param("residualSeverity", "2")
			.param("version", "0")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(status().isBadRequest());
		verifyNoInteractions(risks);
	}

	@Test
	void aLezerMayNotDeleteARisk() throws Exception {
		mvc.perform(post("/mechelen/privacy/dpia/31/risicos/7/verwijderen").with(as(member("mechelen", Role.LEZER)))
			.with(csrf())).andExpect(status().isForbidden());
		verifyNoInteractions(risks);
	}

}
