package be.obmi.knowledge.web;

import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The search results as a file: an unknown collection is 404. */
@KnowledgeWebTest
class KnowledgeSearchExportControllerWebTests extends WebSliceSupport {

	@Test
	void anUnknownCollectionIsNotFound() throws Exception {
		mvc.perform(get("/kennis/collecties/onbekend/resultaten.csv")).andExpect(status().isNotFound());
	}

}
