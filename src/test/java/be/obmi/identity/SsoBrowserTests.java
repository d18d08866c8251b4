package be.obmi.identity;

import java.util.UUID;

import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on in Chromium (issue #22, acceptance 3): the login page offers "Aanmelden
 * met Leuven"; the provider's own login page (mock-oauth2-server with its interactive
 * form) takes a user with the group of redacteurs; OBMi lands them on Leuven's pages with
 * the mapped role. axe and the console are checked on OBMi's pages, not on the
 * provider's; screenshots of all three under {@code target/screenshots/}.
 */
@ObmiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SsoBrowserTests {

	final MockOAuth2Server idp = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\": true}"));

	@LocalServerPort
	int port;

	@Autowired
	SsoProviders providers;

	@Autowired
	Tenants tenants;

	Tenant leuven;

	@BeforeAll
	void start() {
		idp.start();
		leuven = tenants.require("leuven");
		providers.save(leuven, new SsoProviderForm(idp.issuerUrl("leuven-idp").toString(), "obmi-leuven",
				"leuven-secret", "sub", "groups", "leuven-obmi-redactie = redacteur", true, null));
	}

	@AfterAll
	void stop() {
		providers.remove(leuven);
		idp.shutdown();
	}

	@Test
	void aCityEmployeeLogsInThroughTheProvidersLoginPageAndLandsWithTheMappedRole() {
		String subject = "rita-" + UUID.randomUUID().toString().substring(0, 8);
		try (Browser browser = Browser.start(port)) {
			browser.open("/leuven/plan");
			assertThat(browser.path()).startsWith("/login");
			assertThat(browser.text("#sso-leuven")).isEqualTo("Aanmelden met Leuven");
			assertThat(browser.find("#sso-leuven").getAttribute("class")).isEqualTo("button");
			browser.checkPage("the login page with the cities' providers", "sso-login");

			browser.click("#sso-leuven");
			browser.waitUntil(d -> d.getCurrentUrl().contains("/leuven-idp/authorize"));
			browser.type("input[name=username]", subject);
			browser.type("textarea[name=claims]", """
					{"name": "Rita Redacteur", "email": "%s@leuven.test", "email_verified": true,
					 "groups": ["leuven-obmi-redactie"]}""".formatted(subject));
			browser.screenshot("sso-provider-login");
			// the provider's page is not OBMi's: its console (a web font it cannot load
			// here) is
			// read and set aside
			browser.consoleProblems();
			browser.click("input[type=submit]");
			browser.waitUntil(d -> d.getCurrentUrl().startsWith("http://localhost:" + port + "/leuven"));
			assertThat(browser.path()).startsWith("/leuven/plan");
			browser.checkPage("the page a redacteur lands on after single sign-on", "sso-landing");

			browser.open("/account");
			assertThat(browser.find("main").getText()).contains("leuven:" + subject, "leuven: redacteur");
			assertThat(browser.text("#sso-account")).contains("leuven");
			browser.checkPage("the account page after single sign-on", "sso-account");

			// logout ends OBMi's session and the provider's, and the provider sends the
			// browser back
			browser.click("form[action$='/logout'] button");
			browser.waitUntil(d -> d.getCurrentUrl().equals("http://localhost:" + port + "/?logout"));
			browser.open("/leuven/plan");
			assertThat(browser.path()).startsWith("/login");
		}
	}

}
