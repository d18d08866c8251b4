package be.obmi.stats.web;

import java.util.List;

import be.obmi.identity.Role;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.Scope;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The DCAT-AP catalogues of the platform and of a tenant, and the open-data page. */
@StatsWebTest
class StatsCatalogControllerWebTests extends StatsWebTestSupport {

	@Autowired
	Indicators indicators;

	@Test
	void thePlatformCatalogueIsPublicTurtleWithADatasetPerIndicator() throws Exception {
		when(indicators.withData(Scope.platform())).thenReturn(List.of(POPULATION));
		mvc.perform(get("/cijfers/catalogus.ttl"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/turtle;charset=UTF-8"))
			.andExpect(header().string("Cache-Control", "no-cache, public"))
			.andExpect(content().string(allOf(containsString("<http://localhost/cijfers/datasets/bev_totaal>"),
					containsString("http://localhost/api/v1/platform/stats/indicators/bev_totaal/data?format=px"),
					containsString("\"Bevolking\"@nl"), containsString("\"Population\"@en"))));
	}

	@Test
	void aTenantsCatalogueIsJsonLdPublishedByTheMunicipality() throws Exception {
		when(indicators.withData(MECHELEN_SCOPE)).thenReturn(List.of(POPULATION));
		mvc.perform(get("/mechelen/cijfers/catalogus.jsonld"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/ld+json"))
			.andExpect(content().string(allOf(containsString("http://vocab.belgif.be/auth/refnis2019/12025"),
					containsString("http://localhost/mechelen/cijfers/datasets/bev_totaal"))));
	}

	@Test
	void aLoggedInReaderGetsThePublicAnswerAsPrivate() throws Exception {
		when(indicators.withData(MECHELEN_SCOPE)).thenReturn(List.of(CYCLISTS));
		mvc.perform(get("/mechelen/cijfers/catalogus.ttl").with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", allOf(startsWith("private"), not(containsString("public")))));
	}

	@Test
	void theOpenDataPageListsIndicatorsWithDataAndTheFormats() throws Exception {
		when(indicators.withData(MECHELEN_SCOPE)).thenReturn(List.of(POPULATION));
		mvc.perform(get("/mechelen/cijfers/open-data"))
			.andExpect(status().isOk())
			.andExpect(view().name(StatsCatalogController.OPEN_DATA_VIEW))
			.andExpect(model().attribute("indicators", List.of(POPULATION)))
			.andExpect(model().attribute("formats", List.of("jsonstat", "sdmx-csv", "px", "csv", "csvw", "xlsx")));
	}

	@Test
	void theCatalogueOfAnUnknownTenantIsNotFound() throws Exception {
		mvc.perform(get("/nergensdorp/cijfers/catalogus.ttl")).andExpect(status().isNotFound());
	}

}
