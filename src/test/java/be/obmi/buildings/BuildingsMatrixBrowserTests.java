package be.obmi.buildings;

import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Schillenboek comparison in Chromium: a member reads the matrix (every process, then
 * one) and a city's register gap; both pass axe-core without console or CSP errors.
 * Screenshots {@code target/screenshots/buildings-comparison-*.png}.
 */
@ObmiIntegrationTest
class BuildingsMatrixBrowserTests {

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
	void theMatrixAndTheRegisterGapAreAccessible() {
		browser.login("lezer.gent", "demo");
		browser.consoleProblems();
		browser.open("/schillenboek/vergelijking");
		assertThat(browser.text("h1")).contains("Schillenboek");
		assertThat(browser.findAll("table.cmp-matrix")).hasSizeGreaterThanOrEqualTo(6);
		browser.checkPage("the comparison matrix", "buildings-comparison-matrix");
		browser.open("/schillenboek/vergelijking?proces=inschrijving");
		assertThat(browser.findAll("table.cmp-matrix")).hasSize(1);
		assertThat(browser.findAll("#cmp-inschrijving tbody tr")).hasSizeGreaterThanOrEqualTo(14);
		browser.checkPage("the matrix of one process", "buildings-comparison-process");
		browser.open("/gent/schillenboek/registerkloof");
		assertThat(browser.findAll("#gap-lines tbody tr")).isNotEmpty();
		browser.checkPage("the register gap", "buildings-comparison-gap");
	}

}
