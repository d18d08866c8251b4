package be.obmi.knowledge.web;

import java.util.List;

import be.obmi.knowledge.search.KnowledgeSearch;
import be.obmi.knowledge.search.SearchResults;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The search's collections page, its type-ahead as JSON, an unknown collection 404. */
@KnowledgeWebTest
class KnowledgeSearchControllerWebTests extends WebSliceSupport {

	@Autowired
	KnowledgeSearch search;

	@Test
	void theSuggestionsAreJsonAndTheQueryIsCutAt100Characters() throws Exception {
		when(search.suggestions("x".repeat(100), 8))
			.thenReturn(List.of(new SearchResults.Suggestion("Sint-Jozefkerk", "/kennis/collecties/kerken/1", "CASE")));
		mvc.perform(get("/kennis/zoeken/suggesties").param("q", "x".repeat(150)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$[0].title").value("Sint-Jozefkerk"))
			.andExpect(jsonPath("$[0].kind").value("CASE"));
	}

	@Test
	void theCollectionsArePublicAndAnUnknownOneIsNotFound() throws Exception {
		mvc.perform(get("/kennis/collecties"))
			.andExpect(status().isOk())
			.andExpect(view().name("knowledge/search-collections"));
		mvc.perform(get("/kennis/collecties/onbekend")).andExpect(status().isNotFound());
	}

}
