package be.obmi.plan.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import be.obmi.identity.Role;
import be.obmi.plan.domain.Indicators;
import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.PlanItemForm;
import be.obmi.plan.domain.PlanTree;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The plan tree and an item's page with its forms. */
@PlanWebTest
class PlanControllerWebTests extends PlanWebTestSupport {

	@Autowired
	Indicators indicators;

	@Test
	void theTreeShowsGoalsAndActionPlansButFoldsTheActions() throws Exception {
		MvcResult result = mvc.perform(get("/mechelen/plan").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name(PlanController.TREE_VIEW))
			.andExpect(model().attribute("plan", PLAN))
			.andExpect(model().attribute("canEdit", false))
			.andExpect(model().attribute("collapsed", true))
			.andReturn();
		assertThat(codes(result, "rows")).containsExactly("BD1", "AP1.1");
	}

	@Test
	void openingAnActionPlanShowsItsActionsAndAFilterShowsMatchesWithAncestors() throws Exception {
		MvcResult opened = mvc
			.perform(get("/mechelen/plan").param("open", "110").with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(model().attribute("canEdit", true))
			.andReturn();
		assertThat(codes(opened, "rows")).containsExactly("BD1", "AP1.1", "AC1.1.1", "AC1.1.2");
		MvcResult filtered = mvc
			.perform(get("/mechelen/plan").param("q", "fietspaden").with(as(member("mechelen", Role.LEZER))))
			.andExpect(model().attribute("matchCount", 1L))
			.andExpect(model().attribute("collapsed", false))
			.andReturn();
		assertThat(codes(filtered, "rows")).containsExactly("BD1", "AP1.1", "AC1.1.2");
	}

	@Test
	void aTenantWithoutPlanGetsAnEmptyTree() throws Exception {
		mvc.perform(get("/gent/plan").with(as(member("gent", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(model().attribute("plan", (Object) null))
			.andExpect(model().attribute("rows", List.of()));
	}

	@Test
	void thePlanIsForMembersOfTheTenant() throws Exception {
		mvc.perform(get("/mechelen/plan").with(as(member("gent", Role.BEHEERDER)))).andExpect(status().isForbidden());
		mvc.perform(get("/mechelen/plan")).andExpect(status().isFound());
	}

	@Test
	void theActionRowsOfAnActionPlanAreAFragmentOfTheTree() throws Exception {
		MvcResult result = mvc.perform(get("/mechelen/plan/items/110/acties").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name("plan/tree :: rows"))
			.andReturn();
		assertThat(codes(result, "rows")).containsExactly("AC1.1.1", "AC1.1.2");
		mvc.perform(get("/mechelen/plan/items/999/acties").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isNotFound());
	}

	@Test
	void anItemPageCarriesTheItemItsParentAndItsForm() throws Exception {
		MvcResult result = mvc.perform(get("/mechelen/plan/items/111").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name(PlanController.ITEM_VIEW))
			.andExpect(model().attribute("item", ACTION))
			.andExpect(model().attribute("parent", ACTION_PLAN))
			.andExpect(model().attribute("finance", List.of()))
			.andReturn();
		PlanTree.Node node = (PlanTree.Node) result.getModelAndView().getModel().get("node");
		// progress from the latest published update, status from the latest submitted one
		assertThat(node.progress()).isEqualTo(40);
		assertThat(node.status()).isEqualTo(ItemStatus.OP_SCHEMA);
	}

	@Test
	void anItemOfAnotherTenantIsNotFound() throws Exception {
		when(items.byId(GENT, 111)).thenReturn(Optional.empty());
		mvc.perform(get("/gent/plan/items/111").with(as(member("gent", Role.LEZER)))).andExpect(status().isNotFound());
	}

	@Test
	void onlyARedacteurMaySaveAnItem() throws Exception {
		mvc.perform(post("/mechelen/plan/items/111").param("title", "Schoolstraten")
			.param("weight", "1")
			.with(as(member("mechelen", Role.BIJDRAGER)))
			.with(csrf())).andExpect(status().isForbidden());
		verify(assignments, never()).update(any(), anyLong(), any());
	}

	@Test
	void anItemWithoutTitleIsShownAgainWith400() throws Exception {
		mvc.perform(post("/mechelen/plan/items/111").param("title", "")
			.param("_priority", "on")
			.param("weight", "1")
			.param("version", "1")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(PlanController.ITEM_VIEW))
			.andExpect(model().attributeHasFieldErrors("form", "title"));
		verify(assignments, never()).update(any(), anyLong(), any());
	}

	@Test
	void aSavedItemRedirectsToItsPageAndAnUncheckedBoxIsFalse() throws Exception {
		PlanItemForm form = new PlanItemForm("Schoolstraten invoeren", null, false, "0400", null, null, null,
				LocalDate.of(2026, 1, 1), null, null, null, null, null, new BigDecimal("2"), 1);
		when(assignments.update(MECHELEN, 111, form)).thenReturn(ACTION);
		mvc.perform(post("/mechelen/plan/items/111").param("title", "Schoolstraten invoeren")
			.param("_priority", "on")
			.param("policyField", "0400")
			.param("startDate", "2026-01-01")
			.param("weight", "2")
			.param("version", "1")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(redirectedUrl("/mechelen/plan/items/111"))
			.andExpect(flash().attribute("saved", "AC1.1.1"));
		verify(assignments).update(MECHELEN, 111, form);
	}

	@Test
	void aMeasurementIsReadAsABelgianNumber() throws Exception {
		mvc.perform(post("/mechelen/plan/items/111/metingen").param("indicator", "70")
			.param("date", "2026-03-31")
			.param("value", "1.234,5")
			.param("source", "Telling")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(redirectedUrl("/mechelen/plan/items/111#indicatoren"))
			.andExpect(flash().attribute("measured", true));
		verify(indicators).measure(MECHELEN, 70, LocalDate.of(2026, 3, 31), new BigDecimal("1234.5"), null, "Telling",
				null);
	}

	@Test
	void aMeasurementWithoutDateOrWithAnImplausibleDateIsRefused() throws Exception {
		mvc.perform(post("/mechelen/plan/items/111/metingen").param("indicator", "70")
			.param("value", "12")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(status().isBadRequest());
		mvc.perform(post("/mechelen/plan/items/111/metingen").param("indicator", "70")
			.param("date", "2301-01-01")
			.param("value", "12")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(status().isBadRequest());
		verifyNoInteractions(indicators);
	}

	@Test
	void aBaselineThatIsNoNumberIsRefusedWithItsReason() throws Exception {
		mvc.perform(post("/mechelen/plan/items/111/indicatoren").param("code", "I1")
			.param("name", "Aantal schoolstraten")
			.param("kind", "OUTPUT")
			.param("baseline", "veel")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(status().isBadRequest());
		verifyNoInteractions(indicators);
	}

}
