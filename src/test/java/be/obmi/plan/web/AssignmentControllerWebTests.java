package be.obmi.plan.web;

import java.util.List;

import be.obmi.identity.Contact;
import be.obmi.identity.Role;
import be.obmi.plan.domain.Assignments.Assignment;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
import org.junit.jupiter.api.Test;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
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

/**
 * Assigning contributors: the rows of the rounds pages and the bulk page, for editors
 * only.
 */
@PlanWebTest
class AssignmentControllerWebTests extends PlanWebTestSupport {

	static final Contact ANNA = new Contact(7, "anna.mechelen", "Anna Peeters", "anna@mechelen.test");

	@Test
	void theRowsOfARoundAreAssignedWithTheirVersionsAndLeadBackToTheRound() throws Exception {
		mvc.perform(post("/mechelen/plan/toewijzingen").param("round", "20")
			.param("item", "111", "112")
			.param("version-111", "4")
			.param("contributor-111", "anna.mechelen")
			.param("version-112", "2")
			.param("contributor-112", "")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(redirectedUrl("/mechelen/plan/rondes/20"));
		verify(assignments).assign(MECHELEN,
				List.of(new Assignment(111, 4, "anna.mechelen"), new Assignment(112, 2, "")));
	}

	@Test
	void aRefusalOrAStaleVersionIsShownAndNothingElseHappens() throws Exception {
		when(assignments.assign(any(), anyList()))
			.thenThrow(new ConcurrentChangeException(Reason.of("plan.refused.itemChanged", "AC1.1.1")));
		mvc.perform(post("/mechelen/plan/toewijzingen").param("item", "111")
			.param("version-111", "3")
			.param("contributor-111", "anna.mechelen")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(redirectedUrl("/mechelen/plan/rondes"))
			.andExpect(flash().attributeExists("error"));
	}

	@Test
	void onlyAnEditorAssigns() throws Exception {
		for (Role role : List.of(Role.LEZER, Role.BIJDRAGER)) {
			mvc.perform(post("/mechelen/plan/toewijzingen").param("item", "111")
				.param("version-111", "3")
				.param("contributor-111", "anna.mechelen")
				.with(as(member("mechelen", role)))
				.with(csrf())).andExpect(status().isForbidden());
			mvc.perform(get("/mechelen/plan/toewijzingen").with(as(member("mechelen", role))))
				.andExpect(status().isForbidden());
		}
		verify(assignments, never()).assign(any(), anyList());
	}

	@Test
	void theBulkPagePreviewsTheActionsUnderAGoal() throws Exception {
		when(assignments.candidates(MECHELEN)).thenReturn(List.of(ANNA));
		when(assignments.checked(MECHELEN, "anna.mechelen")).thenReturn("anna.mechelen");
		when(assignments.actionsUnder(MECHELEN, PLAN, GOAL.id())).thenReturn(List.of(ACTION, OTHER_ACTION));
		mvc.perform(get("/mechelen/plan/toewijzingen").param("goal", String.valueOf(GOAL.id()))
			.param("contributor", "anna.mechelen")
			.with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(status().isOk())
			.andExpect(view().name(AssignmentController.VIEW))
			.andExpect(model().attribute("preview", List.of(ACTION, OTHER_ACTION)))
			.andExpect(model().attribute("chosenContributor", "anna.mechelen"));
		verify(assignments, never()).assign(any(), anyList());
	}

	@Test
	void aConfirmedBulkAssignsEveryListedAction() throws Exception {
		mvc.perform(post("/mechelen/plan/toewijzingen/bulk").param("contributor", "anna.mechelen")
			.param("item", "111", "112")
			.param("version-111", "4")
			.param("version-112", "2")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(redirectedUrl("/mechelen/plan/toewijzingen"))
			.andExpect(flash().attribute("bulkDone", 2));
		verify(assignments).assign(MECHELEN,
				List.of(new Assignment(111, 4, "anna.mechelen"), new Assignment(112, 2, "anna.mechelen")));
	}

}
