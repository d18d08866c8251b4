package be.obmi.plan.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import be.obmi.identity.Role;
import be.obmi.plan.domain.Indicators;
import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.PlanTree;
import be.obmi.plan.domain.Release;
import be.obmi.plan.domain.StatusRound;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The plan dashboard: status per goal, progress over rounds, overdue releases. */
@PlanWebTest
class PlanDashboardControllerWebTests extends PlanWebTestSupport {

	static final StatusRound SPRING = new StatusRound(20, PLAN.id(), "Voorjaar 2026", LocalDate.of(2026, 3, 31),
			LocalDate.of(2026, 4, 15), StatusRound.Scope.ALL, StatusRound.State.CLOSED, null, null,
			"redacteur.mechelen", null, null, 2);

	static final Release LATE = new Release(61, ACTION.id(), "AC1.1.1", "Schoolstraat Sint-Romboutsschool",
			LocalDate.of(2025, 9, 1), null, "GEPLAND");

	@Autowired
	Indicators indicators;

	@Test
	void theDashboardShowsTheGoalsStatusCountsAndChartsAsJson() throws Exception {
		when(rounds.progressOverRounds(eq(PLAN), any())).thenReturn(List.of(Map.entry(SPRING,
				new PlanTree(List.of(GOAL, ACTION_PLAN, ACTION, OTHER_ACTION), Map.of(ACTION.id(), UPDATE)))));
		when(indicators.overdue(eq(PLAN), any())).thenReturn(List.of(LATE));
		MvcResult result = mvc.perform(get("/mechelen/plan/dashboard").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name(PlanDashboardController.DASHBOARD_VIEW))
			.andExpect(model().attribute("plan", PLAN))
			.andExpect(model().attribute("overdueCount", 1))
			.andExpect(model().attribute("overdue", List.of(LATE)))
			.andExpect(model().attribute("bottleneckCount", 0))
			.andExpect(model().attribute("financeOverview", (Object) null))
			.andExpect(model().attribute("progressChart",
					"{\"type\":\"line\",\"unit\":\"%\",\"categories\":[\"Voorjaar 2026\"],"
							+ "\"series\":[{\"name\":\"Voortgang van het plan\",\"data\":[60]}]}"))
			// (the action without a published update is left out, not counted as 0)
			.andReturn();
		assertThat(codes(result, "goals")).containsExactly("BD1");
		String statusChart = (String) result.getModelAndView().getModel().get("statusChart");
		assertThat(statusChart).startsWith("{\"type\":\"stacked\",\"unit\":null,\"categories\":[\"BD1\"]")
			.contains("{\"name\":\"op schema\",\"data\":[1]}");
		PlanTree tree = (PlanTree) result.getModelAndView().getModel().get("tree");
		assertThat(tree.statusCounts()).containsExactly(Map.entry(ItemStatus.OP_SCHEMA, 1));
	}

	@Test
	void aTenantWithoutPlanHasNoDashboard() throws Exception {
		mvc.perform(get("/gent/plan/dashboard").with(as(member("gent", Role.LEZER)))).andExpect(status().isNotFound());
	}

}
