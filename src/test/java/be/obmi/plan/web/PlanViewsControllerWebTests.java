package be.obmi.plan.web;

import be.obmi.identity.Role;
import org.junit.jupiter.api.Test;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The plan's actions, timeline and map views of the current plan. */
@PlanWebTest
class PlanViewsControllerWebTests extends PlanWebTestSupport {

	@Test
	void theActionsViewCountsThePlansActions() throws Exception {
		mvc.perform(get("/mechelen/plan/acties").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name(PlanViewsController.ACTIONS_VIEW))
			.andExpect(model().attribute("actionCount", 2));
	}

	@Test
	void theMapHasNoPointsForActionsWithoutLocation() throws Exception {
		mvc.perform(get("/mechelen/plan/kaart").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name(PlanViewsController.MAP_VIEW))
			.andExpect(model().attribute("points", "[]"));
		mvc.perform(get("/mechelen/plan/kaart").with(as(member("gent", Role.LEZER)))).andExpect(status().isForbidden());
	}

}
