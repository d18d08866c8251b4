package be.obmi.privacy;

import be.obmi.privacy.domain.ProcessingActivities;
import be.obmi.privacy.domain.ProcessingActivities.Activity;
import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff register in Chromium (Gent): the list with its tabs and filters, an activity
 * with its versions and history, the edit form and the organisations; each passes
 * axe-core (no serious or critical violation) without console or CSP errors.
 */
@ObmiIntegrationTest
class PrivacyRegisterBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	ProcessingActivities activities;

	Browser browser;

	@BeforeEach
	void start() {
		browser = Browser.start(port);
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	void check(String screenshot) {
		browser.screenshot(screenshot);
		browser.assertAccessible();
		assertThat(browser.consoleProblems()).as("console of " + screenshot).isEmpty();
	}

	@Test
	void registerListAndActivityPageAreAccessible() {
		Activity population = activities.list(tenants.require("gent"), ProcessingActivities.Filter.none())
			.stream()
			.filter(a -> a.content().name().equals("Bevolkingsregister"))
			.findFirst()
			.orElseThrow();
		browser.login("redacteur.gent", "demo");
		browser.consoleProblems();
		browser.open("/gent/privacy");
		assertThat(browser.text("#activities")).contains("Bevolkingsregister", "Camerabewaking");
		check("privacy-register");
		browser.open("/gent/privacy?register=PROCESSOR");
		assertThat(browser.text("#activities")).contains("Personeelsadministratie");
		check("privacy-register-processor");
		browser.open("/gent/privacy/verwerkingen/" + population.publicId());
		assertThat(browser.text("#activity-content")).contains("Burgerzaken");
		assertThat(browser.text("#activity-history")).contains("Notarissen");
		check("privacy-register-activity");
		browser.click("#edit-activity");
		browser.waitUntil(d -> !browser.findAll("#activity-form").isEmpty());
		check("privacy-register-edit");
		browser.open("/gent/privacy/organisaties");
		assertThat(browser.text("#organisations")).contains("OCMW Gent");
		check("privacy-register-organisations");
		browser.open("/gent/privacy/sjablonen");
		check("privacy-register-templates");
		browser.click("#adopted a[href*='/sjablonen/verwerkingen/']");
		browser.waitUntil(d -> !browser.findAll("#template-diff").isEmpty());
		assertThat(browser.text("#template-diff")).contains("1 jaar na uitschrijving");
		check("privacy-register-template-diff");
	}

}
