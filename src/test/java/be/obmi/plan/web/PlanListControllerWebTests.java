package be.obmi.plan.web;

import java.util.List;

import be.obmi.identity.Role;
import org.junit.jupiter.api.Test;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
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

/** A tenant's plans: listed for members, a new one started by a redacteur. */
@PlanWebTest
class PlanListControllerWebTests extends PlanWebTestSupport {

	@Test
	void thePlansAreListedWithTheCurrentOne() throws Exception {
		when(plans.all(MECHELEN.id())).thenReturn(List.of(PLAN));
		mvc.perform(get("/mechelen/plan/plannen").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name(PlanListController.VIEW))
			.andExpect(model().attribute("plans", List.of(PLAN)))
			.andExpect(model().attribute("current", PLAN))
			.andExpect(model().attribute("canEdit", false));
	}

	@Test
	void aStartedPlanOpensItsImportAndAYearThatIsNoneIsRefused() throws Exception {
		when(plans.start(MECHELEN, "Meerjarenplan 2032-2037", 2032, 2037)).thenReturn(PLAN);
		mvc.perform(post("/mechelen/plan/plannen").param("name", "Meerjarenplan 2032-2037")
			.param("startYear", "2032")
			.param("endYear", "2037")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(redirectedUrl("/mechelen/plan/import?plan=" + PLAN.id()));

		mvc.perform(post("/mechelen/plan/plannen").param("name", "Later")
			.param("startYear", "volgend jaar")
			.param("endYear", "2037")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(PlanListController.VIEW))
			.andExpect(model().attributeExists("error", "form"));
		verify(plans, never()).start(any(), eq("Later"), anyInt(), anyInt());
	}

}
