package be.obmi.stats;

import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of issue 21 in the browser: Gent's stadsregio beside the city and Flanders,
 * the comparison with a peer group and the city-region table, the projections (chart
 * drawn under the strict CSP) and the merged municipalities; no console problem, axe
 * without serious or critical violations, screenshots under {@code target/screenshots/}.
 */
@ObmiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CityRegionBrowserTests {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeAll
	void start() {
		browser = Browser.start(port);
	}

	@AfterAll
	void stop() {
		browser.close();
	}

	@Test
	void theCityRegionComparisonProjectionsAndMergersPassAxe() {
		browser.consoleProblems();
		browser.windowSize(1280, 2400);
		browser.open("/gent/cijfers/stadsregio?lang=nl");
		assertThat(browser.text("#region-table")).contains("Stadsregio Gent", "Vlaanderen");
		browser.screenshot("stats-city-region");
		browser.assertAccessible();

		browser.open("/gent/cijfers/vergelijking?indicator=bev_65plus_pct&groep=regionale-steden&lang=nl");
		browser.waitUntil(d -> !browser.findAll("#comparison-chart[data-drawn]").isEmpty());
		assertThat(browser.text("#region-comparison")).contains("Stadsregio Gent");
		browser.screenshot("stats-city-region-comparison");
		browser.assertAccessible();

		browser.open("/gent/cijfers/projecties?lang=nl");
		browser.waitUntil(d -> !browser.findAll("#projection-chart-0[data-drawn]").isEmpty());
		assertThat(browser.text("main")).contains("Demoprojecties");
		browser.screenshot("stats-projections");
		browser.assertAccessible();

		browser.open("/hasselt/cijfers/fusies?lang=nl");
		assertThat(browser.text("#merger-series")).contains("Uit de vroegere gemeenten");
		browser.screenshot("stats-mergers");
		browser.assertAccessible();
		assertThat(browser.consoleProblems()).as("console of the city-region pages").isEmpty();
	}

}
