package be.obmi.knowledge.newsletter;

import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newsletter's pages in a real browser: the public subscribe form with the archive of
 * the demo issues and an archive page for an anonymous visitor, and the editors' list and
 * draft form. Each passes axe-core (no serious or critical violations) and logs no
 * console problem (nothing refused by the CSP).
 */
@ObmiIntegrationTest
class KnowledgeNewsletterBrowserTests {

	Browser browser;

	@LocalServerPort
	int port;

	@BeforeEach
	void startBrowser() {
		browser = Browser.start(port);
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
	}

	void checkPage(String what, String screenshot) {
		browser.screenshot(screenshot);
		browser.assertAccessible();
		assertThat(browser.consoleProblems()).as("console of " + what).isEmpty();
	}

	@Test
	void thePublicAndTheEditorsPages() {
		browser.open("/kennis/nieuwsbrief");
		assertThat(browser.text("h1")).isEqualTo("Nieuwsbrief");
		assertThat(browser.text(".newsletter-archive")).contains("Nieuwsbrief 149:", "Nieuwsbrief 147:");
		checkPage("the subscribe page", "knowledge-newsletter");

		browser.open("/kennis/nieuwsbrief/148");
		assertThat(browser.text("h1")).startsWith("Nieuwsbrief 148:");
		checkPage("an archive page", "knowledge-newsletter-issue");

		browser.login("kenniscentrum", "demo");
		browser.open("/kenniscentrum/nieuwsbrief");
		assertThat(browser.text("main")).contains("149", "Verzonden");
		checkPage("the editors' list", "knowledge-newsletter-editor");
		browser.open("/kenniscentrum/nieuwsbrief/nieuw");
		checkPage("the draft form", "knowledge-newsletter-draft");
	}

}
