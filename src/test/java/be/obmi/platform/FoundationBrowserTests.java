package be.obmi.platform;

import be.obmi.identity.Role;
import be.obmi.identity.UserAccount;
import be.obmi.identity.TenantMembers;
import be.obmi.identity.UserAccounts;
import be.obmi.identity.UserForm;
import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import org.openqa.selenium.By;

/**
 * The shell in a real headless Chromium: login, a tenant's home, administration,
 * language, accessibility.
 */
@ObmiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FoundationBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	TenantMembers members;

	@Autowired
	Tenants tenants;

	@Autowired
	TransactionTemplate transaction;

	Browser browser;

	@BeforeAll
	void startBrowser() {
		browser = Browser.start(port);
	}

	@AfterEach
	void logout() {
		browser.driver().manage().deleteAllCookies();
	}

	@AfterAll
	void stopBrowser() {
		browser.close();
	}

	@Test
	void thePlatformHomeListsEveryTenantAndIsAccessible() {
		browser.open("/");
		assertThat(browser.findAll(".tenant-card a")).extracting(e -> e.getText())
			.contains("Aalst", "Antwerpen", "Sint-Niklaas", "Turnhout", "Vlaamse Gemeenschapscommissie");
		browser.screenshot("platform-home");
		browser.assertAccessible();
	}

	@Test
	void aRefusedFieldGivesAnAccessibleDutchPageThatNamesItAndLeadsBack() {
		browser.open("/gent/cijfers");
		browser.open("/gent/cijfers?thema=" + "x".repeat(60));
		assertThat(browser.text("main")).contains("thema").containsIgnoringCase("tekens");
		assertThat(browser.findAll("main a")).isNotEmpty();
		browser.screenshot("field-refused-400");
		browser.assertAccessible();
	}

	@Test
	void aDemoUserLogsInAndSeesTheTenantsHomePage() {
		browser.open("/mechelen");
		browser.assertAccessible();
		browser.login("beheerder.mechelen", "demo");
		browser.open("/mechelen");
		assertThat(browser.text("h1")).isEqualTo("Mechelen");
		assertThat(browser.text(".brand")).contains("Mechelen");
		assertThat(browser.text("#main")).contains("Beheerder Mechelen (demo), je bent beheerder in dit bestuur.");
		assertThat(browser.driver().getTitle()).contains("Mechelen");
		browser.screenshot("tenant-home-mechelen");
		browser.assertAccessible();
	}

	@Test
	void theLoginPageSaysWhyALoginFailed() {
		browser.open("/login")
			.type("#username", "lezer.hasselt")
			.type("#password", "fout")
			.click("form.stacked button");
		assertThat(browser.text("#login-error")).contains("Gebruikersnaam of wachtwoord is fout");
		browser.assertAccessible();
	}

	@Test
	void anAdminChangesARoleAndTheHistoryShowsOldAndNewValues() {
		UserAccount user = transaction.execute(s -> members.createAccount(tenants.require("leuven"),
				new UserForm("browser.test", "Jan Peeters", "jan@example.org", Role.BIJDRAGER, "een-lang-wachtwoord")));
		browser.login("beheerder.leuven", "demo");
		browser.open("/leuven/beheer/gebruikers");
		browser.assertAccessible();
		browser.click("a[href='/leuven/beheer/gebruikers/" + user.id() + "']");
		assertThat(browser.driver().findElements(By.cssSelector("#displayName, #password"))).isEmpty();
		new Select(browser.find("#role")).selectByValue("REDACTEUR");
		browser.assertAccessible();
		browser.click("form.stacked button[type=submit]");
		assertThat(browser.text(".alert.success")).contains("Jan Peeters");

		browser.open("/leuven/beheer/historiek");
		String history = browser.text("#history-table");
		assertThat(history).contains("beheerder.leuven")
			.contains("Jan Peeters")
			.contains("BIJDRAGER")
			.contains("REDACTEUR");
		assertThat(browser.find("#history-table del").getText()).isNotBlank();
		browser.screenshot("audit-history");
		browser.assertAccessible();
	}

	@Test
	void theHolderAndThePlatformAdminHaveAccessibleAccountPages() {
		browser.login("lezer.brugge", "demo");
		browser.open("/account");
		assertThat(browser.text("h1")).isEqualTo("Mijn account");
		assertThat(browser.find("#currentPassword").getAttribute("required")).isNotNull();
		browser.screenshot("my-account");
		browser.assertAccessible();
		browser.login("platformbeheerder", "demo");
		browser.open("/platform/gebruikers");
		assertThat(browser.text("table")).contains("beheerder.gent");
		browser.screenshot("platform-accounts");
		browser.assertAccessible();
		browser.open("/platform/historiek");
		browser.assertAccessible();
	}

	@Test
	void aPlatformAdminAddsAMunicipalityAsTenant() {
		browser.login("platformbeheerder", "demo");
		browser.open("/platform/besturen");
		new Select(browser.find("#nisCode")).selectByValue("12021");
		browser.click("form.stacked button[type=submit]");
		assertThat(browser.text(".alert.success")).contains("Lier");
		browser.open("/lier");
		assertThat(browser.text("h1")).isEqualTo("Lier");
		browser.assertAccessible();
	}

	@Test
	void theInterfaceSwitchesToEnglish() {
		browser.open("/?lang=en");
		assertThat(browser.text("h1")).isEqualTo("OBMi for the Flemish central cities");
		assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
		browser.open("/login");
		assertThat(browser.text("h1")).isEqualTo("Log in");
		browser.open("/?lang=nl");
		assertThat(browser.text("h1")).isEqualTo("OBMi voor de Vlaamse centrumsteden");
	}

	@Test
	void aReaderIsRefusedTheAdminPages() {
		browser.login("lezer.mechelen", "demo");
		browser.open("/mechelen/beheer/gebruikers");
		assertThat(browser.text("h1")).isEqualTo("Geen toegang");
	}

}
