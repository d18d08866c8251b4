package be.obmi.stats.web;

import java.util.List;

import be.obmi.stats.query.StatsSearch;
import be.obmi.stats.query.StatsSite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The statistics search: a page and its JSON, with links into the city's figures. */
@StatsWebTest
class StatsSearchControllerWebTests extends StatsWebTestSupport {

	static final StatsSearch.Results FOUND = new StatsSearch.Results("bev", List.of(POPULATION), List.of(WIJK));

	@Autowired
	StatsSearch search;

	@Autowired
	StatsSite site;

	@BeforeEach
	void found() {
		when(site.city(MECHELEN)).thenReturn(CITY);
		when(search.search(any(), eq(CITY), eq("bev"))).thenReturn(FOUND);
	}

	@Test
	void theApiAnswersIndicatorsAndAreasWithTheirLinks() throws Exception {
		mvc.perform(get("/api/v1/mechelen/stats/search").param("q", "bev"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.query").value("bev"))
			.andExpect(jsonPath("$.indicators[0].code").value("bev_totaal"))
			.andExpect(jsonPath("$.indicators[0].url").value("/mechelen/cijfers/indicator/bev_totaal"))
			.andExpect(jsonPath("$.areas[0].url").value("/mechelen/cijfers/gebied/wijk/12025A"));
	}

	@Test
	void thePageShowsTheResults() throws Exception {
		mvc.perform(get("/mechelen/cijfers/zoeken").param("q", "bev"))
			.andExpect(status().isOk())
			.andExpect(view().name("stats/search"))
			.andExpect(model().attribute("results", FOUND));
	}

}
