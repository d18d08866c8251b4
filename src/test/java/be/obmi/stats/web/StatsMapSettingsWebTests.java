package be.obmi.stats.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import be.obmi.stats.query.StatsSite;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The map settings: with a basemap ({@code obmi.stats.map.tile-url}) the CSP's
 * {@code img-src} allows exactly that tile host and nothing else; a city's own sector
 * polygons ({@code statsec-<nis>.geojson} in {@code obmi.stats.map.geo-dir}) are served
 * with the sector code and name in {@code code} and {@code naam}, only the city's own.
 */
@StatsWebTest
@TestPropertySource(properties = { "obmi.stats.map.tile-url=https://{s}.tile.example.org/{z}/{x}/{y}.png",
		"obmi.stats.map.tile-attribution=© example", "obmi.stats.map.geo-dir=target/test-geo" })
class StatsMapSettingsWebTests extends StatsWebTestSupport {

	@Autowired
	StatsSite site;

	@BeforeAll
	static void sectorPolygons() throws IOException {
		Path dir = Files.createDirectories(Path.of("target/test-geo"));
		String square = "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[4.47,51.02],[4.48,51.02],[4.48,51.03],[4.47,51.02]]]}";
		Files.writeString(dir.resolve("statsec-12025.geojson"), "{\"type\":\"FeatureCollection\",\"features\":["
				+ "{\"type\":\"Feature\",\"properties\":{\"CD_SECTOR\":\"12025A00-\",\"T_SEC_NL\":\"Mechelen-Centrum\"},"
				+ square + "},"
				+ "{\"type\":\"Feature\",\"properties\":{\"CD_SECTOR\":\"11002A00-\",\"T_SEC_NL\":\"Elders\"}," + square
				+ "}]}");
	}

	@Test
	void theCspAllowsExactlyTheTileHost() throws Exception {
		mvc.perform(get("/api/v1/mechelen/stats/geo/wijken"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy",
					containsString("img-src 'self' data: blob: https://*.tile.example.org; ")))
			.andExpect(header().string("Content-Security-Policy", containsString("connect-src 'self';")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("*.org/"))));
	}

	@Test
	void withTheCitysPolygonsTheSectorLevelHasAMapAndTheBasemapIsOnIt() throws Exception {
		when(site.indicator(MECHELEN_SCOPE, "bev_totaal")).thenReturn(Optional.of(POPULATION));
		when(site.periods(MECHELEN_SCOPE, POPULATION)).thenReturn(List.of("2024"));
		when(site.trend(MECHELEN_SCOPE, MECHELEN, POPULATION))
			.thenReturn(new StatsSite.Trend(List.of("2024"), Map.of()));
		mvc.perform(get("/mechelen/cijfers/indicator/bev_totaal").param("niveau", "statsec"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("mapGeo", "/api/v1/mechelen/stats/geo/statsec"))
			.andExpect(model().attribute("tiles",
					new StatsPageController.MapTiles("https://{s}.tile.example.org/{z}/{x}/{y}.png", "© example")));
	}

	@Test
	void aCitysOwnSectorPolygonsAreServed() throws Exception {
		mvc.perform(get("/api/v1/mechelen/stats/geo/statsec"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.features.length()").value(1))
			.andExpect(jsonPath("$.features[0].properties.code").value("12025A00-"))
			.andExpect(jsonPath("$.features[0].properties.naam").value("Mechelen-Centrum"));
	}

}
