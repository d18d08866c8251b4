package be.obmi.privacy;

import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import be.obmi.audit.AuditTrail;
import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An anonymous visitor uses a city's public register in a real browser (Genk): the
 * citizens' tab, a facet, the search, the staff tab and an activity's page; then the DPO
 * opens the field mask. Every page passes axe-core (no serious or critical violations)
 * and logs no console problem (nothing refused by the CSP).
 */
@ObmiIntegrationTest
class PublicRegisterBrowserTests {

	static final String SLUG = "genk";

	static final String REGISTER = "/" + SLUG + "/privacy/publiek";

	Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	AuditTrail audit;

	@Autowired
	JsonMapper json;

	@BeforeEach
	void startBrowser() {
		browser = Browser.start(port);
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
	}

	@Test
	void anAnonymousVisitorFiltersSearchesAndOpensAnActivity() {
		Tenant tenant = tenants.require(SLUG);
		PrivacyFixtures fixtures = new PrivacyFixtures(jdbc, transactions, audit, json);
		String marker = PublicRegisterIntegrationTests.unique("browser");
		UUID id = fixtures.published(tenant, PrivacyFixtures.content("Parkeervergunningen " + marker, marker));
		fixtures.published(tenant, PrivacyFixtures.content("Bibliotheeklidmaatschap " + marker, marker + "b"));
		fixtures.activity(tenant, PrivacyFixtures.content("Personeelsdossier " + marker, marker + "p"), "STAFF",
				"CHECKED", true, null);

		browser.open(REGISTER);
		assertThat(browser.text("h1")).contains("Verwerkingsregister");
		assertThat(browser.findAll("#activity-" + id)).hasSize(1);
		assertThat(browser.text("main")).doesNotContain("maatregel-" + marker)
			.doesNotContain("Personeelsdossier " + marker);
		browser.checkPage("the citizens' register", "privacy-public");

		// a facet: the data category of one activity
		new Select(browser.find("#register-data")).selectByValue("gegevens-" + marker + "b");
		browser.click("#register-apply");
		browser.waitUntil(d -> d.getCurrentUrl().contains("gegevens="));
		assertThat(browser.findAll(".register-card")).hasSize(1);
		assertThat(browser.text("#register-count")).contains("1 verwerking gevonden");
		browser.checkPage("a facet", "privacy-public-facet");

		// the search, without accents
		browser.open(REGISTER);
		browser.type("#register-q", "parkeervergunningen " + marker);
		browser.click("#register-apply");
		browser.waitUntil(d -> d.getCurrentUrl().contains("q="));
		assertThat(browser.findAll(".register-card")).hasSize(1);
		browser.checkPage("the search", "privacy-public-search");

		// the staff tab
		browser.click("#audience-STAFF");
		browser.waitUntil(d -> d.getCurrentUrl().contains("doelgroep=STAFF"));
		assertThat(browser.text("main")).contains("Personeelsdossier " + marker);
		browser.checkPage("the staff register", "privacy-public-staff");

		// an activity's page
		browser.open(REGISTER);
		browser.click("#activity-" + id + " h2 a");
		browser.waitUntil(d -> d.getCurrentUrl().endsWith(id.toString()));
		assertThat(browser.text("#field-purpose")).contains("doel-" + marker);
		assertThat(browser.text("#field-dataCategories")).contains("gevoelig");
		assertThat(browser.findAll("#field-securityMeasures")).isEmpty();
		assertThat(browser.text("main")).doesNotContain("maatregel-" + marker).doesNotContain("dpo-" + marker);
		browser.checkPage("an activity", "privacy-public-activity");

		// the DPO's field mask
		browser.login("dpo." + SLUG, "demo");
		browser.open("/" + SLUG + "/privacy/zichtbaarheid");
		assertThat(browser.find("#mask-securityMeasures").isSelected()).isFalse();
		browser.checkPage("the field mask", "privacy-public-mask");
	}

}
