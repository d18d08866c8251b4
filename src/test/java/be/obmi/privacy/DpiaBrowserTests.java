package be.obmi.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import be.obmi.privacy.domain.DpiaModels;
import be.obmi.privacy.domain.Dpias;
import be.obmi.privacy.domain.ScreeningAnswer;
import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A smart-city DPIA in headless Chromium (Genk): the list, the DPIA page with its
 * pre-screening, risks, two risk maps and measures, and the maturity page pass axe-core
 * (no serious or critical violation) with no console or CSP error; screenshots in
 * {@code target/screenshots/privacy-dpia*.png}.
 */
@ObmiIntegrationTest
class DpiaBrowserTests {

	static final String SLUG = "genk";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Dpias dpias;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDpiaWithItsRiskMapIsAccessible() {
		Tenant tenant = tenants.require(SLUG);
		String title = DpiaTestData.unique("Slimme camera's op het marktplein");
		long id = dpias.start(tenant, DpiaTestData.activity(jdbc, tenant, title), DpiaModels.SMART_CITY, title,
				Locale.forLanguageTag("nl-BE"), "redacteur." + SLUG);
		List<ScreeningAnswer> answers = dpias.screening(tenant, id);
		dpias.screen(tenant, id, answers, null, 0);
		try (Browser browser = Browser.start(port)) {
			browser.login("redacteur." + SLUG, "demo");
			browser.open("/" + SLUG + "/privacy/dpia");
			browser.consoleProblems();
			browser.click("a[href$='/privacy/dpia/" + id + "']");
			browser.waitUntil(d -> !browser.findAll("#risk-map").isEmpty());
			assertThat(browser.text("#screening-outcome")).contains("DPIA vereist");
			assertThat(browser.findAll("#risk-map a.risk-chip")).hasSize(3);
			assertThat(browser.findAll("#risk-map-residual a.risk-chip")).hasSize(3);
			assertThat(browser.findAll("#risk-map-text li")).hasSize(3);
			assertThat(browser.findAll("#measure-list tbody tr")).hasSize(4);
			browser.screenshot("privacy-dpia");
			browser.open("/" + SLUG + "/privacy/dpia/" + id + "#riskmap-heading");
			browser.waitUntil(d -> !browser.findAll("#risk-map-residual").isEmpty());
			browser.screenshot("privacy-dpia-riskmap");
			browser.assertAccessible();
			assertThat(browser.consoleProblems()).as("console of the DPIA page").isEmpty();

			browser.open("/" + SLUG + "/privacy/dpia");
			browser.screenshot("privacy-dpia-list");
			browser.assertAccessible();
			browser.open("/" + SLUG + "/privacy/maturiteit");
			browser.screenshot("privacy-dpia-maturity");
			browser.assertAccessible();
			assertThat(browser.consoleProblems()).as("console of the list and maturity pages").isEmpty();
		}
	}

}
