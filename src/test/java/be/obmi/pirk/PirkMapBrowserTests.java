package be.obmi.pirk;

import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 5 of issue 17 in Chromium: the PIRK overview of the Mechelen demo inventory
 * draws its clustered map with as many objects as the list counts, for the whole set and
 * after filtering on a vacancy class and a duration; "show on the map" opens an object's
 * popup, whose link opens its card with its register entries, history and small map. Each
 * page passes axe-core (no serious or critical violation) without console or CSP errors.
 * Screenshots {@code target/screenshots/pirk-*.png}.
 */
@ObmiIntegrationTest
class PirkMapBrowserTests {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void startBrowser() {
		browser = Browser.start(port);
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
	}

	@Test
	void theMapWithFiltersAndAnObjectCard() {
		browser.login("lezer.mechelen", "demo");
		browser.consoleProblems();
		browser.open("/mechelen/pirk");
		waitForMap("#pirk-map");
		int all = Integer.parseInt(browser.find("#object-count").getDomAttribute("data-count"));
		assertThat(all).as("the demo inventory").isGreaterThanOrEqualTo(80);
		assertThat(browser.find("#map-count").getDomAttribute("data-total")).isEqualTo(String.valueOf(all));
		assertThat(browser.findAll("#pirk-map .pirk-cluster, #pirk-map .pirk-marker")).isNotEmpty();
		assertThat(browser.text("#demo-note")).contains("Voorbeeldgegevens");
		browser.checkPage("the PIRK overview", "pirk-overview");

		new Select(browser.find("#f-class")).selectByValue("VERIFIED");
		browser.type("#f-months", "3");
		browser.click("#filter-apply");
		browser.waitUntil(d -> d.getCurrentUrl().contains("klasse=VERIFIED"));
		waitForMap("#pirk-map");
		int verified = Integer.parseInt(browser.find("#object-count").getDomAttribute("data-count"));
		assertThat(verified).isPositive().isLessThan(all);
		assertThat(browser.find("#map-count").getDomAttribute("data-total")).as("list and map in sync")
			.isEqualTo(String.valueOf(verified));
		assertThat(browser.findAll("#object-list tbody tr")).hasSize(verified);
		assertThat(browser.find("#export-csv").getDomAttribute("href")).contains("klasse=VERIFIED").contains("duur=3");
		browser.checkPage("the filtered overview", "pirk-overview-filtered");

		browser.find("#object-list .pirk-show").click();
		browser.waitUntil(d -> !browser.findAll(".leaflet-popup-content a").isEmpty());
		browser.screenshot("pirk-map-popup");
		browser.find(".leaflet-popup-content a").click();
		browser.waitUntil(d -> d.getCurrentUrl().contains("/pirk/objecten/"));
		waitForMap("#pirk-card-map");
		assertThat(browser.text("#object-facts")).contains("Vastgestelde leegstand").contains("maanden");
		assertThat(browser.findAll("#object-history li")).isNotEmpty();
		browser.checkPage("an object card", "pirk-object-card");
	}

	void waitForMap(String css) {
		browser.waitUntil(d -> {
			try {
				return "true".equals(browser.find(css).getDomAttribute("data-drawn"));
			}
			catch (WebDriverException ex) {
				return false;
			}
		});
	}

}
