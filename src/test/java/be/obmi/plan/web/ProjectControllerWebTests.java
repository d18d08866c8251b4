package be.obmi.plan.web;

import java.time.LocalDate;
import java.util.Map;

import be.obmi.identity.Role;
import be.obmi.plan.domain.ProjectForm;
import be.obmi.plan.domain.Projects;
import be.obmi.plan.domain.ReleaseForm;
import be.obmi.plan.domain.Releases;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Projects and releases on the item page: a saved form goes back to its section, a
 * refused one is shown again with its errors next to its fields, and only editors may.
 */
@PlanWebTest
class ProjectControllerWebTests extends PlanWebTestSupport {

	@Autowired
	Projects projects;

	@Autowired
	Releases releases;

	@Test
	void aNewProjectIsSavedAndTheItemPageShowsItsSection() throws Exception {
		ProjectForm form = new ProjectForm("Schoolstraat Sint-Rombout", "Met de school", LocalDate.of(2026, 9, 1), null,
				0);
		mvc.perform(post("/mechelen/plan/items/111/projecten").param("name", "Schoolstraat Sint-Rombout")
			.param("description", "Met de school")
			.param("plannedDate", "2026-09-01")
			.param("actualDate", "")
			.param("version", "0")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(redirectedUrl("/mechelen/plan/items/111#projecten"))
			.andExpect(flash().attribute("done", "Het project is bewaard."));
		verify(projects).create(MECHELEN, 111, form);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aProjectWithoutNameIsShownAgainWithTheErrorAtItsField() throws Exception {
		MvcResult result = mvc
			.perform(post("/mechelen/plan/items/111/projecten").param("name", "")
				.param("plannedDate", "2026-09-01")
				.param("version", "0")
				.with(as(member("mechelen", Role.REDACTEUR)))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(PlanController.ITEM_VIEW))
			.andExpect(model().attribute("projectTarget", ItemPage.NEW))
			.andReturn();
		Map<String, String> errors = (Map<String, String>) result.getModelAndView().getModel().get("projectErrors");
		assertThat(errors).containsEntry("name", "Geef het project een naam.");
		verify(projects, never()).create(any(), anyLong(), any());
	}

	@Test
	void aReleaseEditedMeanwhileIsRefusedWith409() throws Exception {
		ReleaseForm form = new ReleaseForm("Oplevering", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 3), null, 2);
		when(releases.update(MECHELEN, 111, 61, form))
			.thenThrow(new ConcurrentChangeException(Reason.of("plan.refused.releaseChanged", "Oplevering")));
		mvc.perform(post("/mechelen/plan/items/111/releases/61").param("title", "Oplevering")
			.param("plannedDate", "2026-10-01")
			.param("actualDate", "2026-10-03")
			.param("projectId", "")
			.param("version", "2")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(model().attribute("releaseTarget", 61L))
			.andExpect(model().attribute("error", "De release is niet bewaard: zie de fout bij het formulier."));
	}

	@Test
	void aReleaseWithoutPlannedDateIsRefusedAndABijdragerMayNotAddOne() throws Exception {
		mvc.perform(post("/mechelen/plan/items/111/releases").param("title", "Oplevering")
			.param("version", "0")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(status().isBadRequest());
		mvc.perform(post("/mechelen/plan/items/111/releases").param("title", "Oplevering")
			.param("plannedDate", "2026-10-01")
			.param("version", "0")
			.with(as(member("mechelen", Role.BIJDRAGER)))
			.with(csrf())).andExpect(status().isForbidden());
		verifyNoInteractions(releases);
	}

}
