package be.obmi.knowledge;

import java.util.List;
import java.util.Map;

import be.obmi.knowledge.domain.CaseForm;
import be.obmi.knowledge.domain.CaseStatus;
import be.obmi.knowledge.domain.KnowledgeCase;
import be.obmi.knowledge.domain.KnowledgeCases;
import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A published church case in a real browser: its public page (template fields in order,
 * the point on the map, themes, "last verified on") for an anonymous visitor, and the
 * collection's template page for a Kenniscentrum editor. Both pass axe-core (no serious
 * or critical violations) and log no console problem (nothing refused by the CSP).
 */
@ObmiIntegrationTest
class KnowledgeCaseBrowserTests {

	Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	KnowledgeCases cases;

	@BeforeEach
	void startBrowser() {
		browser = Browser.start(port);
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
	}

	@Test
	void theCasePageAndTheTemplatePage() {
		KnowledgeCase c = cases.create("kerken", null, new CaseForm("Browserkerk Leuven",
				"Een kerk met een bibliotheek in de zijbeuk.", "<p>De <strong>buurt</strong> koos mee.</p>",
				Map.of("nieuwe_functie", List.of("Bibliotheek"), "type_hergebruik", List.of("nevenbestemming"), "jaar",
						List.of("2022"), "kostprijs", List.of("210000"), "provincie", List.of("vlaams-brabant")),
				null, null, "50,879", "4,704", List.of("erfgoed", "samenleven"), List.of(), 0), "kenniscentrum", true);
		c = cases.move(c.publicId(), null, CaseStatus.PUBLISHED, c.version(), "kenniscentrum");

		browser.open("/kennis/collecties/kerken/" + c.publicId());
		assertThat(browser.text("h1")).isEqualTo("Browserkerk Leuven");
		assertThat(browser.text(".k1-facts")).contains("Nevenbestemming", "Bibliotheek", "Vlaams-Brabant", "2022",
				"210.000");
		assertThat(browser.text(".k1-verified")).startsWith("Laatst gecontroleerd op");
		assertThat(browser.text("main")).contains("Demo-case");
		browser.waitUntil(d -> "true".equals(browser.find(".k1-map").getDomAttribute("data-drawn")));
		browser.checkPage("the case page", "knowledge-case");

		browser.login("kenniscentrum", "demo");
		browser.open("/kenniscentrum/kennisbank/kerken");
		assertThat(browser.text(".k1-template")).contains("type_hergebruik", "eindrapport");
		assertThat(browser.text("main")).contains("Browserkerk Leuven");
		browser.checkPage("the template page", "knowledge-case-template");
	}

}
