package be.obmi.knowledge.web;

import java.util.Optional;

import be.obmi.identity.Role;
import be.obmi.knowledge.news.NewsItem;
import be.obmi.knowledge.news.NewsItems;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.kenniscentrum;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The editors' news and agenda: saved, a time that is none refused, closed to cities. */
@KnowledgeWebTest
class KnowledgeNewsEditorControllerWebTests extends WebSliceSupport {

	@Autowired
	NewsItems news;

	@Test
	void aSavedItemRedirectsToItsForm() throws Exception {
		when(news.create(eq(NewsItem.Kind.NEWS), any(), eq("kenniscentrum"), eq(false)))
			.thenReturn(KnowledgeWebFixtures.news(12, false));
		mvc.perform(post("/kenniscentrum/nieuws").param("title", "Nieuwe kennisbank")
			.with(as(kenniscentrum()))
			.with(csrf())).andExpect(redirectedUrl("/kenniscentrum/nieuws/12"));
	}

	@Test
	void anEventWithATimeThatIsNoneIsShownAgainWith400() throws Exception {
		mvc.perform(post("/kenniscentrum/agenda").param("title", "Studiedag")
			.param("startsAt", "morgen")
			.with(as(kenniscentrum()))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("knowledge/news-editor-form"))
			.andExpect(model().attribute("kind", NewsItem.Kind.EVENT))
			.andExpect(model().attributeExists("refusal"));
		verifyNoInteractions(news);
	}

	@Test
	void aNewsItemIsNotAnEventAndCitiesMayNotEdit() throws Exception {
		when(news.byId(12)).thenReturn(Optional.of(KnowledgeWebFixtures.news(12, false)));
		mvc.perform(get("/kenniscentrum/nieuws/12").with(as(kenniscentrum())))
			.andExpect(status().isOk())
			.andExpect(view().name("knowledge/news-editor-form"));
		mvc.perform(get("/kenniscentrum/agenda/12").with(as(kenniscentrum()))).andExpect(status().isNotFound());
		mvc.perform(get("/kenniscentrum/nieuws").with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(status().isForbidden());
	}

}
