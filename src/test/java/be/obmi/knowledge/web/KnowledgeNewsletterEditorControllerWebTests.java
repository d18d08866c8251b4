package be.obmi.knowledge.web;

import java.util.List;

import be.obmi.identity.Role;
import be.obmi.knowledge.newsletter.NewsletterIssues;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.kenniscentrum;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The Kenniscentrum's newsletter issues: only its editors; an unknown issue is 404. */
@KnowledgeWebTest
class KnowledgeNewsletterEditorControllerWebTests extends WebSliceSupport {

	@Autowired
	NewsletterIssues issues;

	@Test
	void theIssuesAreForTheKenniscentrumOnly() throws Exception {
		mvc.perform(post("/kenniscentrum/nieuwsbrief/nieuw").param("title", "Nummer 1")
			.with(as(member("gent", Role.BEHEERDER)))
			.with(csrf())).andExpect(status().isForbidden());
		verifyNoInteractions(issues);
		mvc.perform(get("/kenniscentrum/nieuwsbrief").with(as(kenniscentrum())))
			.andExpect(status().isOk())
			.andExpect(view().name("knowledge/newsletter-editor-list"))
			.andExpect(model().attribute("issues", List.of()));
	}

	@Test
	void anUnknownIssueIsNotFound() throws Exception {
		mvc.perform(get("/kenniscentrum/nieuwsbrief/41").with(as(kenniscentrum()))).andExpect(status().isNotFound());
		mvc.perform(get("/kenniscentrum/nieuwsbrief/abc").with(as(kenniscentrum()))).andExpect(status().isNotFound());
	}

}
