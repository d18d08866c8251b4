package be.obmi.pirk;

import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screening and leegstandsregister pages in headless Chromium with Mechelen's demo
 * data (P2's part of PIRK; the integrator may fold it into the module's browser class):
 * the queue with the rules that fired, an object's screening page with the visit form, a
 * register case and the deadlines are accessible (axe: no serious or critical violation)
 * and raise no console or CSP error; screenshots in
 * {@code target/screenshots/pirk-screening*.png}.
 */
@ObmiIntegrationTest
class PirkScreeningBrowserTests {

	static final String SLUG = "mechelen";

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
	void theScreeningQueueAnObjectACaseAndTheDeadlinesAreAccessible() {
		browser.login("leegstand." + SLUG, "demo");
		browser.consoleProblems();

		browser.open("/" + SLUG + "/pirk/screening");
		assertThat(browser.text("#queue")).contains("Geen inwoner en bijna geen water");
		browser.checkPage("screening queue", "pirk-screening-queue");

		browser.click("#queue tbody tr a");
		assertThat(browser.text("main")).contains("Bezoek registreren");
		browser.checkPage("object screening", "pirk-screening-object");

		browser.open("/" + SLUG + "/pirk/regels");
		browser.checkPage("rules", "pirk-screening-rules");
		browser.open("/" + SLUG + "/pirk/regels/nieuw");
		browser.checkPage("rule form", "pirk-screening-rule-form");
		browser.open("/" + SLUG + "/pirk/indicaties");
		browser.checkPage("indications", "pirk-screening-indications");

		browser.open("/" + SLUG + "/pirk/leegstandsregister");
		browser.click("#register tbody tr a");
		assertThat(browser.text("#case-facts")).contains("30 dagen na ontvangst");
		browser.checkPage("register case", "pirk-screening-register-case");

		browser.open("/" + SLUG + "/pirk/termijnen");
		assertThat(browser.text("#deadlines")).contains("Einde beroepstermijn eigenaar");
		browser.checkPage("deadlines", "pirk-screening-deadlines");
	}

}
