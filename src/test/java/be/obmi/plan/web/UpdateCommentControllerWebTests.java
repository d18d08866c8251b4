package be.obmi.plan.web;

import java.util.Optional;

import be.obmi.identity.Role;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.domain.UpdateComments;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A comment on an update: by those who report on the item, back at the comments. */
@PlanWebTest
class UpdateCommentControllerWebTests extends PlanWebTestSupport {

	static final String COMMENTS = "/mechelen/plan/rondes/20/items/111/opmerkingen";

	@Autowired
	UpdateComments comments;

	@Test
	void theContributorCommentsAndARefusalComesBackWithTheText() throws Exception {
		when(rounds.task(MECHELEN, 20, 111))
			.thenReturn(Optional.of(new StatusRounds.Task(RoundControllerWebTests.ROUND, ACTION, UPDATE)));
		mvc.perform(post(COMMENTS).param("body", "Klaar voor nazicht.")
			.with(as(member("mechelen", Role.BIJDRAGER)))
			.with(csrf()))
			.andExpect(redirectedUrl("/mechelen/plan/rondes/20/items/111#comments"))
			.andExpect(flash().attribute("commented", true));
		verify(comments).post(MECHELEN, UPDATE.id(), "bijdrager.mechelen", "Klaar voor nazicht.");

		doThrow(new IllegalArgumentException("Een opmerking mag niet leeg zijn.")).when(comments)
			.post(MECHELEN, UPDATE.id(), "bijdrager.mechelen", " ");
		mvc.perform(post(COMMENTS).param("body", " ").with(as(member("mechelen", Role.BIJDRAGER))).with(csrf()))
			.andExpect(redirectedUrl("/mechelen/plan/rondes/20/items/111#comments"))
			.andExpect(flash().attribute("commentBody", " "));
	}

	@Test
	void anItemWithoutTaskIsNotFound() throws Exception {
		mvc.perform(post(COMMENTS).param("body", "Hallo").with(as(member("mechelen", Role.REDACTEUR))).with(csrf()))
			.andExpect(status().isNotFound());
		verifyNoInteractions(comments);
	}

}
