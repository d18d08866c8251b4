package be.obmi.knowledge;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import be.obmi.audit.DataChanged;
import be.obmi.knowledge.search.SearchDocument;
import be.obmi.knowledge.search.SearchIndex;
import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A collection's search with its map in Chromium (issue 16, acceptance 5): type a query,
 * tick a facet, and the list, the announced count and the map's markers follow without a
 * page load; hovering a result highlights its marker; axe finds no serious or critical
 * violation and the console no CSP error.
 */
@ObmiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeSearchBrowserTests {

	static final String COLLECTION = "k2-kaart";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SearchIndex index;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	Browser browser;

	@BeforeAll
	void start() {
		if (jdbc.sql("select count(*) from knowledge.collection where code = ?")
			.param(COLLECTION)
			.query(Long.class)
			.single() == 0) {
			long collection = jdbc
				.sql("""
						insert into knowledge.collection (code, name_nl, name_en) values (?, 'Kerken op de kaart', 'Churches on the map')
						returning id""")
				.param(COLLECTION)
				.query(Long.class)
				.single();
			jdbc.sql("""
					insert into knowledge.field (collection_id, code, label_nl, label_en, type, choices, facet)
					values (?, 'soort_gebruik', 'Type hergebruik', 'Type of reuse', 'CHOICE',
					        '[{"code": "herbestemming", "nl": "Herbestemming", "en": "Reuse"},
					          {"code": "nevenbestemming", "nl": "Nevenbestemming", "en": "Secondary use"}]', true)""")
				.param(collection)
				.update();
			transactions.executeWithoutResult(s -> {
				add(collection, 1, "Kerk wordt bibliotheek", "herbestemming", 51.03, 4.48);
				add(collection, 2, "Kerk met concertzaal", "nevenbestemming", 51.05, 3.72);
				add(collection, 3, "Pastorie wordt woonproject", "herbestemming", 50.88, 4.70);
			});
		}
		// what the editors' pages do through the audit trail: the public cache renders
		// afresh
		events.publishEvent(new DataChanged(null, "knowledge.collection"));
		browser = Browser.start(port);
	}

	private void add(long collection, int n, String title, String type, double lat, double lon) {
		index.put(new SearchDocument(SearchDocument.Kind.CASE, 9_000_000 + n, COLLECTION, null, title,
				"Een voorbeeld van " + type + ".", "", "", true, Map.of("soort_gebruik", List.of(type)), List.of(),
				LocalDate.of(2024, n, 1), lat, lon, "/kennis/collecties/" + COLLECTION));
	}

	@AfterAll
	void stop() {
		browser.close();
	}

	private String markers() {
		return browser.find("#ks-map").getDomAttribute("data-markers");
	}

	@Test
	void theListTheFacetsAndTheMapMoveTogether() {
		browser.open("/kennis/collecties/" + COLLECTION + "?lang=nl");
		browser.waitUntil(d -> "3".equals(markers()));
		assertThat(browser.text("#ks-count")).isEqualTo("3 resultaten");
		browser.assertAccessible();
		browser.screenshot("knowledge-search");

		browser.find("#ks-q").sendKeys("kerk", Keys.ENTER);
		browser.waitUntil(d -> browser.text("#ks-count").equals("2 resultaten") && "2".equals(markers()));
		assertThat(browser.path()).contains("q=kerk");

		browser.driver().findElement(By.xpath("//label[span[text()='Herbestemming']]")).click();
		browser.waitUntil(d -> browser.text("#ks-count").equals("1 resultaat") && "1".equals(markers()));
		assertThat(browser.text("#ks-hits")).contains("Kerk wordt bibliotheek").doesNotContain("concertzaal");
		assertThat(browser.path()).contains("f.soort_gebruik=herbestemming");

		new Actions(browser.driver()).moveToElement(browser.find("#ks-hits li")).perform();
		browser.waitUntil(d -> !browser.findAll("#ks-map path[stroke='#7a0177']").isEmpty());
		assertThat(browser.find("#ks-hits li").getDomAttribute("class")).contains("ks-active");
		browser.assertAccessible();
		browser.screenshot("knowledge-search-filtered");

		browser.open("/kennis/collecties?lang=en");
		assertThat(browser.text("#ks-collections")).contains("Churches on the map");
		browser.assertAccessible();
		browser.screenshot("knowledge-search-collections");
		assertThat(browser.consoleProblems()).isEmpty();
	}

}
