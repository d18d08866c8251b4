package be.obmi.plan.web;

import java.util.List;
import java.util.Map;

import java.util.Set;

import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.PublicPlan;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
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

	@Autowired
	PublicPlan publicPlan;

	@Test
	void anonymousVisitorsSeeOnlyPublishedItemsWithTheirAncestors() throws Exception {
		when(rounds.latest(PLAN, true)).thenReturn(Map.of(ACTION.id(), UPDATE));
		MvcResult result = mvc.perform(get("/mechelen/plan/publiek"))
			.andExpect(status().isOk())
			.andExpect(view().name(PublicPlanController.PUBLIC_VIEW))
			.andExpect(model().attribute("plan", PLAN))
			.andExpect(model().attribute("statuses", ItemStatus.values()))
			.andReturn();
		assertThat(codes(result, "rows")).containsExactly("AC1.1.1");
		assertThat(codes(result, "goals")).containsExactly("BD1");
	}

	@Test
	void theFiltersNarrowThePublishedActionsAndTheSearchAsksTheDatabase() throws Exception {
		when(rounds.latest(PLAN, true)).thenReturn(Map.of(ACTION.id(), UPDATE));
		when(publicPlan.searchActions(PLAN, "school")).thenReturn(Set.of(ACTION.id()));
		when(publicPlan.searchActions(PLAN, "fiets")).thenReturn(Set.of(OTHER_ACTION.id()));
		assertThat(codes(mvc.perform(get("/mechelen/plan/publiek").param("q", "school")).andReturn(), "rows"))
			.containsExactly("AC1.1.1");
		// the search finds an action without published update: it is still not shown
		assertThat(codes(mvc.perform(get("/mechelen/plan/publiek").param("q", "fiets")).andReturn(), "rows")).isEmpty();
		assertThat(codes(mvc.perform(get("/mechelen/plan/publiek").param("status", "OP_SCHEMA")).andReturn(), "rows"))
			.containsExactly("AC1.1.1");
		assertThat(codes(mvc.perform(get("/mechelen/plan/publiek").param("status", "PROBLEEM")).andReturn(), "rows"))
			.isEmpty();
		assertThat(codes(mvc.perform(get("/mechelen/plan/publiek").param("doel", "100")).andReturn(), "rows"))
			.containsExactly("AC1.1.1");
		assertThat(codes(mvc.perform(get("/mechelen/plan/publiek").param("doel", "999")).andReturn(), "rows"))
			.isEmpty();
	}

	@Test
	void anInvalidFilterIsABadRequestWithAMessageThatShowsAllActions() throws Exception {
		when(rounds.latest(PLAN, true)).thenReturn(Map.of(ACTION.id(), UPDATE));
		MvcResult result = mvc.perform(get("/mechelen/plan/publiek").param("status", "ONBEKEND"))
			.andExpect(status().isBadRequest())
			.andExpect(model().attribute("filterError", true))
			.andReturn();
		assertThat(codes(result, "rows")).containsExactly("AC1.1.1");
	}

	@Test
	void theGoalAndActionPagesOpenOnlyForPublishedItems() throws Exception {
		when(rounds.latest(PLAN, true)).thenReturn(Map.of(ACTION.id(), UPDATE));
		mvc.perform(get("/mechelen/plan/publiek/doelen/100"))
			.andExpect(status().isOk())
			.andExpect(view().name(PublicPlanController.GOAL_VIEW));
		mvc.perform(get("/mechelen/plan/publiek/acties/111"))
			.andExpect(status().isOk())
			.andExpect(view().name(PublicPlanController.ACTION_VIEW));
		// without a published update, or as the wrong type, or unknown: not found
		mvc.perform(get("/mechelen/plan/publiek/acties/112")).andExpect(status().isNotFound());
		mvc.perform(get("/mechelen/plan/publiek/acties/100")).andExpect(status().isNotFound());
		mvc.perform(get("/mechelen/plan/publiek/doelen/111")).andExpect(status().isNotFound());
		mvc.perform(get("/mechelen/plan/publiek/doelen/4242")).andExpect(status().isNotFound());
		when(rounds.latest(PLAN, true)).thenReturn(Map.of());
		mvc.perform(get("/mechelen/plan/publiek/doelen/100")).andExpect(status().isNotFound());
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
