package be.obmi.knowledge.web;

import java.util.List;

import be.obmi.knowledge.newsletter.Subscribers;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The public newsletter pages: anyone subscribes; a bad address is shown again. */
@KnowledgeWebTest
class KnowledgeNewsletterControllerWebTests extends WebSliceSupport {

	@Autowired
	Subscribers subscribers;

	@Test
	void anAnonymousVisitorSubscribes() throws Exception {
		mvc.perform(post("/kennis/nieuwsbrief/inschrijven").param("email", "lezer@example.org")
			.param("language", "en")
			.param("themes", "erfgoed")
			.with(csrf()))
			.andExpect(redirectedUrl("/kennis/nieuwsbrief"))
			.andExpect(flash().attribute("done", "knowledge.newsletter.subscribed"));
		verify(subscribers).subscribe("lezer@example.org", "en", List.of("erfgoed"));
	}

	@Test
	void aRefusedAddressShowsTheFormAgainWith400() throws Exception {
		doThrow(new RefusedValueException(Reason.of("knowledge.refused.news.title"))).when(subscribers)
			.subscribe("geen-adres", "nl", null);
		mvc.perform(post("/kennis/nieuwsbrief/inschrijven").param("email", "geen-adres").with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("knowledge/newsletter-home"))
			.andExpect(model().attributeExists("refusal"));
	}

	@Test
	void anIssueThatWasNotSentIsNotFound() throws Exception {
		mvc.perform(get("/kennis/nieuwsbrief/12")).andExpect(status().isNotFound());
		mvc.perform(get("/kennis/nieuwsbrief/twaalf")).andExpect(status().isNotFound());
	}

}
