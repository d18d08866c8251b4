package be.obmi.knowledge.web;

import java.util.List;
import java.util.Map;

import be.obmi.knowledge.domain.Themes;
import be.obmi.knowledge.news.NewsItems;
import be.obmi.knowledge.news.PortalCases;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The portal's home, theme and cities pages: public, an unknown theme is 404. */
@KnowledgeWebTest
class KnowledgePortalControllerWebTests extends WebSliceSupport {

	@Autowired
	NewsItems news;

	@Autowired
	PortalCases cases;

	@Autowired
	Themes themes;

	@Test
	void theHomeIsPublicWithTheLatestNews() throws Exception {
		when(news.latestNews(5)).thenReturn(List.of(KnowledgeWebFixtures.news(3, true)));
		mvc.perform(get("/kennis"))
			.andExpect(status().isOk())
			.andExpect(view().name("knowledge/portal-home"))
			.andExpect(model().attribute("news", List.of(KnowledgeWebFixtures.news(3, true))));
	}

	@Test
	void aThemePageExistsOnlyForAKnownTheme() throws Exception {
		when(themes.all()).thenReturn(List.of(KnowledgeWebFixtures.HERITAGE));
		mvc.perform(get("/kennis/themas/erfgoed"))
			.andExpect(status().isOk())
			.andExpect(view().name("knowledge/portal-theme"))
			.andExpect(model().attribute("theme", KnowledgeWebFixtures.HERITAGE));
		mvc.perform(get("/kennis/themas/onbekend")).andExpect(status().isNotFound());
	}

	@Test
	void theCitiesAreListedByNameWithTheirPublishedCases() throws Exception {
		when(cases.publishedPerCity()).thenReturn(Map.of(MECHELEN.id(), 4L));
		var result = mvc.perform(get("/kennis/steden"))
			.andExpect(status().isOk())
			.andExpect(view().name("knowledge/portal-cities"))
			.andReturn();
		@SuppressWarnings("unchecked")
		List<KnowledgePortalController.City> cities = (List<KnowledgePortalController.City>) result.getModelAndView()
			.getModel()
			.get("cities");
		assertThat(cities).extracting(c -> c.tenant().name() + ":" + c.cases()).containsExactly("Gent:0", "Mechelen:4");
	}

}
