package be.obmi.buildings;

import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Schillenboek in Chromium: the list and the model process's fiche with its class
 * diagram (an SVG drawn on the server, no script, no inline style) pass axe-core without
 * console or CSP errors; the Kenniscentrum's edit page of the fiche too. Screenshots
 * {@code target/screenshots/buildings-fiche*.png}.
 */
@ObmiIntegrationTest
class BuildingsFicheBrowserTests {

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
	void theFicheWithItsDiagramIsAccessible() {
		browser.consoleProblems();
		browser.open("/schillenboek");
		assertThat(browser.findAll("#sb-fiche-list tbody tr")).hasSizeGreaterThanOrEqualTo(5);
		browser.checkPage("the fiche list", "buildings-fiches");
		browser.open("/schillenboek/fiches/inschrijving");
		assertThat(browser.findAll("#sb-diagram svg g.sb-class")).hasSizeGreaterThanOrEqualTo(4);
		assertThat(browser.findAll("#sb-diagram svg line")).isNotEmpty();
		assertThat(browser.text("#sb-validation")).isNotBlank();
		assertThat(browser.findAll("#sb-elements tbody tr")).hasSizeGreaterThan(10);
		browser.checkPage("the fiche with its diagram", "buildings-fiche-inschrijving");
	}

	@Test
	void theEditorPageOfAFicheIsAccessible() {
		browser.login("kenniscentrum", "demo");
		browser.consoleProblems();
		browser.open("/kenniscentrum/schillenboek");
		assertThat(browser.findAll("#sb-editor-list tbody tr")).hasSizeGreaterThanOrEqualTo(6);
		browser.checkPage("the editor list", "buildings-fiches-editor");
		browser.open("/kenniscentrum/schillenboek/inschrijving");
		assertThat(browser.findAll("#sb-history tbody tr")).isNotEmpty();
		browser.checkPage("the edit page", "buildings-fiche-edit");
	}

}
