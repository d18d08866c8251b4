package be.obmi.plan.web;

import java.util.List;

import be.obmi.identity.Role;
import be.obmi.plan.domain.Commitment;
import be.obmi.plan.domain.Commitments;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The governance agreement page: commitments and the items that carry them out. */
@PlanWebTest
class AgreementControllerWebTests extends PlanWebTestSupport {

	static final Commitment SCHOOLS = new Commitment(8, "BA-12", "Elke school krijgt een schoolstraat",
			List.of(ACTION));

	@Autowired
	Commitments commitments;

	@Test
	void thePageListsTheCommitmentsOfTheCurrentPlan() throws Exception {
		when(commitments.all(PLAN)).thenReturn(List.of(SCHOOLS));
		mvc.perform(get("/mechelen/plan/bestuursakkoord").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name(AgreementController.AGREEMENT_VIEW))
			.andExpect(model().attribute("plan", PLAN))
			.andExpect(model().attribute("commitments", List.of(SCHOOLS)))
			.andExpect(model().attribute("canEdit", false));
	}

	@Test
	void withoutPlanThereIsNoAgreementPage() throws Exception {
		mvc.perform(get("/gent/plan/bestuursakkoord").with(as(member("gent", Role.LEZER))))
			.andExpect(status().isNotFound());
	}

	@Test
	void aRedacteurAddsACommitment() throws Exception {
		mvc.perform(post("/mechelen/plan/bestuursakkoord").param("code", "BA-13")
			.param("title", "Meer groen in elke wijk")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(redirectedUrl("/mechelen/plan/bestuursakkoord"));
		verify(commitments).add(MECHELEN, PLAN, "BA-13", "Meer groen in elke wijk");
	}

	@Test
	void aRefusedCommitmentIsReportedAfterTheRedirect() throws Exception {
		when(commitments.add(MECHELEN, PLAN, "BA-12", "Dubbel"))
			.thenThrow(new IllegalArgumentException("Code BA-12 bestaat al."));
		mvc.perform(post("/mechelen/plan/bestuursakkoord").param("code", "BA-12")
			.param("title", "Dubbel")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(redirectedUrl("/mechelen/plan/bestuursakkoord"))
			.andExpect(flash().attribute("error", "Code BA-12 bestaat al."));
	}

	@Test
	void aLezerMayNotAddCommitments() throws Exception {
		mvc.perform(post("/mechelen/plan/bestuursakkoord").param("code", "BA-13")
			.param("title", "Meer groen")
			.with(as(member("mechelen", Role.LEZER)))
			.with(csrf())).andExpect(status().isForbidden());
		verify(commitments, never()).add(any(), any(), anyString(), anyString());
	}

}
