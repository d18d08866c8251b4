package be.obmi.plan.web;

import java.util.List;
import java.util.Map;

import be.obmi.plan.domain.ItemStatus;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The public progress page: anonymous visitors see only items with a published update and
 * their ancestors.
 */
@PlanWebTest
class PublicPlanControllerWebTests extends PlanWebTestSupport {

	@Test
	void anonymousVisitorsSeeOnlyPublishedItemsWithTheirAncestors() throws Exception {
		when(rounds.latest(PLAN, true)).thenReturn(Map.of(ACTION.id(), UPDATE));
		MvcResult result = mvc.perform(get("/mechelen/plan/publiek"))
			.andExpect(status().isOk())
			.andExpect(view().name(PublicPlanController.PUBLIC_VIEW))
			.andExpect(model().attribute("plan", PLAN))
			.andExpect(model().attribute("statuses", ItemStatus.values()))
			.andReturn();
		assertThat(codes(result, "rows")).containsExactly("BD1", "AP1.1", "AC1.1.1");
		assertThat(codes(result, "goals")).containsExactly("BD1");
	}

	@Test
	void withoutPublishedUpdatesNothingIsShown() throws Exception {
		when(rounds.latest(PLAN, true)).thenReturn(Map.of());
		MvcResult result = mvc.perform(get("/mechelen/plan/publiek")).andExpect(status().isOk()).andReturn();
		assertThat(codes(result, "rows")).isEmpty();
		assertThat(codes(result, "goals")).isEmpty();
	}

	@Test
	void aTenantWithoutPlanHasAnEmptyPublicPage() throws Exception {
		mvc.perform(get("/gent/plan/publiek"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("plan", (Object) null))
			.andExpect(model().attribute("goals", List.of()));
	}

	@Test
	void onlyThePublicPageIsOpenToAnonymousVisitors() throws Exception {
		mvc.perform(get("/mechelen/plan"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", endsWith("/login")));
	}

}
