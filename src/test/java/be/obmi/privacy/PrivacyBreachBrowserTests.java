package be.obmi.privacy;

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
 * The breach register and the DPO's deadlines in headless Chromium (Brugge's DPO): the
 * list, a refused and a saved breach form, and the deadlines page are accessible (axe: no
 * serious or critical violation) and raise no console or CSP error; screenshots in
 * {@code target/screenshots/privacy-breach*.png}.
 */
@ObmiIntegrationTest
class PrivacyBreachBrowserTests {

	static final String SLUG = "brugge";

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

	boolean textContains(String css, String text) {
		try {
			return browser.text(css).contains(text);
		}
		catch (WebDriverException ex) {
			return false;
		}
	}

	@Test
	void theDpoRegistersABreachAndSeesTheDeadlines() {
		browser.login("dpo." + SLUG, "demo");
		browser.consoleProblems();

		browser.open("/" + SLUG + "/privacy/datalekken");
		assertThat(browser.text("#breaches")).contains("Gestolen laptop", "termijn verstreken");
		browser.assertAccessible();
		browser.screenshot("privacy-breach-list");

		browser.open("/" + SLUG + "/privacy/datalekken/nieuw");
		browser.type("#description", "Browsertest: brief met rijksregisternummers naar verkeerd adres");
		new Select(browser.find("#nature")).selectByValue("CONFIDENTIALITY");
		browser.type("#subjectsCount", "3");
		new Select(browser.find("#informSubjects")).selectByValue("true");
		browser.click("form.stacked button[type=submit]");
		browser.waitUntil(d -> textContains("form.stacked", "Motiveer de beslissing"));
		browser.assertAccessible();
		browser.screenshot("privacy-breach-form-refused");
		// the refused form answers 400, which Chromium logs; nothing else may be there
		assertThat(browser.consoleProblems()).as("console of the refused form")
			.allMatch(message -> message.contains("status of 400"));

		browser.type("#informReasoning", "Hoog risico: rijksregisternummers.");
		browser.click("form.stacked button[type=submit]");
		browser.waitUntil(d -> textContains("main", "Het datalek is bewaard."));
		assertThat(browser.text("#breach-clock")).contains("melden vóór");
		browser.assertAccessible();
		browser.screenshot("privacy-breach-form");

		browser.open("/" + SLUG + "/privacy/termijnen");
		assertThat(browser.text("#deadlines")).contains("Gestolen laptop", "Browsertest: brief", "DEMO-2026-001");
		browser.assertAccessible();
		browser.screenshot("privacy-breach-deadlines");

		assertThat(browser.consoleProblems()).as("console of the breach pages").isEmpty();
	}

}
