package be.obmi.datasources;

import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Datapedia in Chromium: the public catalogue (Dutch and English, filtered by level)
 * and a source's page for an anonymous visitor, without internal sources; a city's data
 * team page and a joint request's page for Gent's redacteur; the Kenniscentrum's page.
 * Axe (0 serious/critical) and a clean console on each; screenshots
 * {@code target/screenshots/datapedia-*.png}.
 */
@ObmiIntegrationTest
class DatasourcesBrowserTests {

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
	void thePublicCatalogueAndASourcePageAreAccessibleInDutchAndEnglish() {
		browser.consoleProblems();
		browser.open("/datapedia");
		browser.checkPage("the public catalogue", "datapedia-catalogue");
		assertThat(browser.text("#datapedia-sources")).contains("Bevolking per statistische sector")
			.doesNotContain("Datawarehouse arbeidsmarkt")
			.doesNotContain("Eigen bevolkingsregister");
		browser.open("/datapedia?niveau=SECTOR");
		assertThat(browser.text("#datapedia-sources")).contains("Bevolking per statistische sector")
			.doesNotContain("Gemeente-Stadsmonitor");
		browser.click("#datapedia-sources a");
		browser.waitUntil(driver -> driver.getCurrentUrl().contains("/datapedia/bronnen/"));
		browser.checkPage("a source", "datapedia-source");
		assertThat(browser.text("#source-facts")).contains("Statistische sector");
		browser.open("/datapedia?lang=en");
		browser.checkPage("the public catalogue in English", "datapedia-catalogue-en");
		assertThat(browser.text("h1")).isEqualTo("Datapedia: catalogue of data sources");
		assertThat(browser.text("#datapedia-sources")).contains("Population by statistical sector");
	}

	@Test
	void aCitysDataTeamAndTheKenniscentrumSeeTheRequests() {
		browser.login("redacteur.gent", "demo");
		browser.consoleProblems();
		browser.open("/gent/datapedia");
		browser.checkPage("Gent's data team page", "datapedia-city");
		assertThat(browser.text("#city-sources")).contains("Eigen bevolkingsregister");
		browser.click("#datapedia-requests a");
		browser.waitUntil(driver -> driver.getCurrentUrl().contains("/gent/datapedia/aanvragen/"));
		browser.checkPage("a joint request", "datapedia-request");
		browser.open("/datapedia");
		assertThat(browser.text("#datapedia-sources")).as("a member sees internal sources")
			.contains("Eigen bevolkingsregister")
			.contains("Datawarehouse arbeidsmarkt");
	}

	@Test
	void theKenniscentrumsPage() {
		browser.login("kenniscentrum", "demo");
		browser.consoleProblems();
		browser.open("/kenniscentrum/datapedia");
		browser.checkPage("the Kenniscentrum's Datapedia", "datapedia-kenniscentrum");
		browser.click("#datapedia-requests a");
		browser.waitUntil(driver -> driver.getCurrentUrl().contains("/kenniscentrum/datapedia/aanvragen/"));
		browser.checkPage("a request for the Kenniscentrum", "datapedia-kenniscentrum-request");
		assertThat(browser.findAll("#step-form")).isNotEmpty();
	}

}
