package be.obmi.stats.web;

import org.junit.jupiter.api.Test;

import org.springframework.test.json.JsonCompareMode;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The GeoJSON of a city's wijken for the maps. */
@StatsWebTest
class StatsGeoControllerWebTests extends StatsWebTestSupport {

	@Test
	void aCitysWijkenArePublicGeoJsonOfThatCityOnly() throws Exception {
		mvc.perform(get("/api/v1/mechelen/stats/geo/wijken"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/geo+json"))
			.andExpect(header().string("Cache-Control", "max-age=3600, public"))
			.andExpect(jsonPath("$.type").value("FeatureCollection"))
			.andExpect(jsonPath("$.features.length()").value(12))
			.andExpect(jsonPath("$.features[*].properties.code", everyItem(startsWith("12025"))))
			.andExpect(jsonPath("$.features[0].properties.naam").value("Centrum (Mechelen)"));
	}

	@Test
	void withoutABasemapTheCspAllowsNoOutsideImagesAndThereAreNoSectorPolygons() throws Exception {
		mvc.perform(get("/api/v1/mechelen/stats/geo/statsec"))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"type\":\"FeatureCollection\",\"features\":[]}", JsonCompareMode.STRICT))
			.andExpect(header().string("Content-Security-Policy", containsString("img-src 'self' data: blob:; ")));
	}

	@Test
	void thePlatformHasNoWijken() throws Exception {
		mvc.perform(get("/api/v1/platform/stats/geo/wijken"))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"type\":\"FeatureCollection\",\"features\":[]}", JsonCompareMode.STRICT));
	}

	@Test
	void anUnknownCityIsNotFound() throws Exception {
		mvc.perform(get("/api/v1/nergensdorp/stats/geo/wijken")).andExpect(status().isNotFound());
	}

}
