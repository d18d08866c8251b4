package be.obmi.pirk;

import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.domain.RealEstates;
import be.obmi.pirk.mobilisation.OwnerCase;
import be.obmi.pirk.mobilisation.OwnerCases;
import be.obmi.pirk.mobilisation.OwnerContacts;
import be.obmi.pirk.mobilisation.OwnerForm;
import be.obmi.pirk.publication.VacancyIndicators;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PIRK's mobilisation and public pages in a real browser: an anonymous visitor switches
 * the public figures to sectors (a hidden cell shows as such); the vacancy officer opens
 * a case, changes its status and makes a campaign; the DPO reads the log of reads. Every
 * page passes axe-core (no serious or critical violations) without console problems.
 */
@ObmiIntegrationTest
class PirkMobilisationBrowserTests {

	Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	RealEstates objects;

	@Autowired
	OwnerCases cases;

	@Autowired
	OwnerContacts contacts;

	@Autowired
	VacancyIndicators indicators;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void startBrowser() {
		browser = Browser.start(port);
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
	}

	@Test
	void thePublicFiguresAnOwnerCaseACampaignAndTheLogOfReads() {
		PirkFixtures.olen(tenants, objects, jdbc, indicators);
		browser.open("/olen/pirk/publiek");
		assertThat(browser.text("h1")).contains("Leegstand in cijfers");
		browser.checkPage("the public figures", "pirk-public");
		new Select(browser.find("#public-period")).selectByValue("2025S1");
		new Select(browser.find("#public-level")).selectByValue("statsec");
		browser.click("#public-vacancy-show");
		browser.waitUntil(d -> d.getCurrentUrl().contains("niveau=statsec"));
		assertThat(browser.text("#public-vacancy")).contains("Olen-Centrum").contains("afgeschermd");
		browser.checkPage("the public figures per sector", "pirk-public-sectors");

		Tenant mechelen = tenants.require("mechelen");
		String street = PirkFixtures.street("Browserstraat");
		RealEstate object = PirkFixtures.object(objects, mechelen, street, "8", 4.4785, 51.0275);
		OwnerCase opened = cases.open(mechelen, object.id(), "leegstand.mechelen", false);
		contacts.add(mechelen, opened.id(), new OwnerForm("Bea Browsereigenaar", "PERSON", "Kijkstraat 2", "2800",
				"Mechelen", null, null, null, null), "leegstand.mechelen");
		browser.login("leegstand.mechelen", "demo");
		browser.open("/mechelen/pirk/eigenaars/" + opened.id());
		assertThat(browser.text("#owners")).contains("Bea Browsereigenaar");
		new Select(browser.find("#case-status")).selectByValue("ANSWERED");
		browser.click("#status-save");
		browser.waitUntil(d -> d.getPageSource().contains("De status is gewijzigd."));
		browser.checkPage("an owner case", "pirk-owner-case");
		browser.open("/mechelen/pirk/eigenaars");
		browser.checkPage("the owner cases", "pirk-owner-cases");
		browser.open("/mechelen/pirk/campagnes/nieuw?text=" + street);
		browser.type("#campaign-title", "Brief " + street);
		browser.click("#campaign-create");
		browser.waitUntil(d -> d.getPageSource().contains("De campagne is aangemaakt."));
		assertThat(browser.text("#campaign-objects")).contains(street);
		browser.checkPage("a draft campaign", "pirk-campaign");

		browser.close();
		browser = Browser.start(port);
		browser.login("dpo.mechelen", "demo");
		browser.open("/mechelen/pirk/toegangslog");
		assertThat(browser.text("#owner-access")).contains("leegstand.mechelen");
		browser.checkPage("the log of reads of owner data", "pirk-owner-log");
	}

}
