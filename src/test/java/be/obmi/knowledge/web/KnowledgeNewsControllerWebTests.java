package be.obmi.knowledge.web;

import java.util.Optional;

import be.obmi.knowledge.news.NewsItems;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.kenniscentrum;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The portal's news, agenda and feeds. */
@KnowledgeWebTest
class KnowledgeNewsControllerWebTests extends WebSliceSupport {

	@Autowired
	NewsItems news;

	@Test
	void theNewsListIsPagedAndAPageThatIsNoNumberIsTheFirst() throws Exception {
		mvc.perform(get("/kennis/nieuws").param("pagina", "drie"))
			.andExpect(status().isOk())
			.andExpect(view().name("knowledge/news-list"));
		verify(news).news(0, KnowledgeNewsController.PAGE_SIZE);
		mvc.perform(get("/kennis/nieuws").param("pagina", "3")).andExpect(status().isOk());
		verify(news).news(2, KnowledgeNewsController.PAGE_SIZE);
	}

	@Test
	void anUnpublishedItemIsOnlyForTheKenniscentrum() throws Exception {
		when(news.byId(4)).thenReturn(Optional.of(KnowledgeWebFixtures.news(4, false)));
		mvc.perform(get("/kennis/nieuws/4")).andExpect(status().isNotFound());
		mvc.perform(get("/kennis/nieuws/4").with(as(kenniscentrum())))
			.andExpect(status().isOk())
			.andExpect(view().name("knowledge/news-item"))
			.andExpect(model().attribute("item", KnowledgeWebFixtures.news(4, false)));
		mvc.perform(get("/kennis/agenda/4")).andExpect(status().isNotFound());
	}

	@Test
	void theAgendaIsACalendarFile() throws Exception {
		mvc.perform(get("/kennis/agenda.ics"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/calendar"))
			.andExpect(content().string(containsString("BEGIN:VCALENDAR")));
	}

}
