package be.obmi.warehouse;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.obmi.identity.Role;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The impact pages, read from the warehouse, for the city's staff. */
@WarehouseWebTest
class ImpactControllerWebTests extends WebSliceSupport {

	static final ImpactQueries.Goal SAFE_CITY = new ImpactQueries.Goal("BD1", "Een veilige stad", true, 12,
			new BigDecimal("1500000"), new BigDecimal("420000"));

	static final ImpactQueries.Action SCHOOL_STREETS = new ImpactQueries.Action("AC1.1.1", "Schoolstraten invoeren",
			"AP1.1", true, "Binnenstad", "OP_SCHEMA", 60, "Voorjaar 2026");

	static final ImpactQueries.StatisticPoint POPULATION_2024 = new ImpactQueries.StatisticPoint("bev_totaal",
			"Bevolking", "inwoners", "12025A", "wijk", "2024", 12_700.0, "ok");

	static final ImpactQueries.StatisticPoint POPULATION_2025 = new ImpactQueries.StatisticPoint("bev_totaal",
			"Bevolking", "inwoners", "12025A", "wijk", "2025", 12_840.0, "ok");

	@Autowired
	ImpactQueries impact;

	@Autowired
	SpendingComparison comparison;

	@BeforeEach
	void warehouseBuilt() {
		when(impact.available()).thenReturn(true);
		when(impact.goals(MECHELEN)).thenReturn(List.of(SAFE_CITY));
		when(impact.wijken(MECHELEN)).thenReturn(List.of("Binnenstad", "Nekker"));
	}

	@Test
	void theIndexListsGoalsAndWijken() throws Exception {
		mvc.perform(get("/mechelen/impact").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name(ImpactController.INDEX_VIEW))
			.andExpect(model().attribute("available", true))
			.andExpect(model().attribute("goals", List.of(SAFE_CITY)))
			.andExpect(model().attribute("wijken", List.of("Binnenstad", "Nekker")));
	}

	@Test
	void withoutWarehouseEveryPageIsTheIndexSayingSo() throws Exception {
		when(impact.available()).thenReturn(false);
		mvc.perform(get("/mechelen/impact/doelstelling/BD1").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name(ImpactController.INDEX_VIEW))
			.andExpect(model().attribute("available", false))
			.andExpect(model().attributeDoesNotExist("goals"));
	}

	@Test
	void aGoalPageGroupsItsStatisticsPerSeries() throws Exception {
		when(impact.goal(MECHELEN, "BD1")).thenReturn(Optional.of(SAFE_CITY));
		when(impact.actions(MECHELEN, "BD1")).thenReturn(List.of(SCHOOL_STREETS));
		when(impact.linkedStatistics(MECHELEN, "BD1")).thenReturn(List.of(POPULATION_2024, POPULATION_2025));
		mvc.perform(get("/mechelen/impact/doelstelling/BD1").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name(ImpactController.GOAL_VIEW))
			.andExpect(model().attribute("goal", SAFE_CITY))
			.andExpect(model().attribute("actions", List.of(SCHOOL_STREETS)))
			.andExpect(model().attribute("statistics", List.of(new ImpactController.Series("bev_totaal", "Bevolking",
					"inwoners", "12025A", "wijk", List.of(POPULATION_2024, POPULATION_2025)))));
	}

	@Test
	void anUnknownGoalOrWijkIsNotFound() throws Exception {
		mvc.perform(get("/mechelen/impact/doelstelling/BD99").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/mechelen/impact/wijk/Atlantis").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isNotFound());
	}

	@Test
	void aWijkWithoutActionsStillHasItsPage() throws Exception {
		when(impact.wijkFigures(MECHELEN, "Nekker")).thenReturn(List.of(POPULATION_2025));
		mvc.perform(get("/mechelen/impact/wijk/Nekker").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name(ImpactController.WIJK_VIEW))
			.andExpect(model().attribute("wijk", "Nekker"))
			.andExpect(model().attribute("actions", List.of()))
			.andExpect(model().attribute("figures", List.of(POPULATION_2025)));
	}

	@Test
	void theComparisonDefaultsToTheNewestYearAndGroupsPerPolicyField() throws Exception {
		SpendingComparison.Row mechelen = new SpendingComparison.Row("0400", "Politiediensten", "Mechelen", "mechelen",
				new BigDecimal("9000000"), 87_000L, new BigDecimal("103.45"));
		SpendingComparison.Row gent = new SpendingComparison.Row("0400", "Politiediensten", "Gent", "gent",
				new BigDecimal("40000000"), 265_000L, new BigDecimal("150.94"));
		when(comparison.years()).thenReturn(List.of(2025, 2024));
		when(comparison.expenditure(2025, false)).thenReturn(List.of(mechelen, gent));
		mvc.perform(get("/mechelen/impact/vergelijking").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name(ImpactController.COMPARISON_VIEW))
			.andExpect(model().attribute("year", 2025))
			.andExpect(model().attribute("estimate", false))
			.andExpect(model().attribute("byField", Map.of("0400 Politiediensten", List.of(mechelen, gent))));
	}

	@Test
	void theImpactPagesAreForMembersOnly() throws Exception {
		mvc.perform(get("/mechelen/impact").with(as(member("gent", Role.BEHEERDER)))).andExpect(status().isForbidden());
	}

}
