package be.obmi.stats;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import be.obmi.support.ApiClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.support.ui.Select;

/**
 * The public statistics pages in a real (headless) Chromium: dashboard, indicator page
 * with chart and map, area profile and its PDF, comparison of the centrumsteden; each
 * passes the axe-core check.
 */
@ObmiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Browser browser;

	@BeforeAll
	void start() {
		browser = Browser.start(port);
	}

	@AfterAll
	void stop() {
		browser.close();
	}

	@Test
	void themeDashboardShowsKeyFigureTiles() {
		browser.open("/kortrijk/cijfers");
		assertThat(browser.text("h1")).contains("Kortrijk");
		assertThat(browser.findAll(".tile")).hasSizeGreaterThanOrEqualTo(5);
		// issue 12: a ratio's centrumsteden figure is the 13 cities together, a count's
		// the mean per city (no longer one unweighted "Gemiddelde centrumsteden")
		assertThat(browser.text(".tiles")).contains("Vlaanderen")
			.contains("Centrumsteden samen")
			.contains("Gemiddelde per centrumstad");
		assertThat(browser.text("main")).contains("Demogegevens");
		browser.screenshot("stats-dashboard");
		browser.assertAccessible();
		browser.open("/kortrijk/cijfers?thema=Werk&lang=en");
		assertThat(browser.text("main")).contains("Flanders");
		browser.assertAccessible();
	}

	@Test
	void indicatorPageDrawsTrendChartAndChoroplethWithTables() {
		browser.open("/kortrijk/cijfers/indicator/bev_totaal?lang=nl");
		assertThat(browser.text("h1")).isEqualTo("Inwoners");
		browser.waitUntil(d -> !browser.findAll("#trend-chart svg").isEmpty());
		browser.waitUntil(d -> "true".equals(browser.find("#map").getDomAttribute("data-drawn")));
		assertThat(browser.findAll("#map path.leaflet-interactive, #map path")).isNotEmpty();
		assertThat(browser.findAll("table")).hasSizeGreaterThanOrEqualTo(2);
		browser.screenshot("stats-indicator");
		browser.assertAccessible();
	}

	@Test
	void areaProfileAndItsPdf() throws Exception {
		String wijk = jdbc
			.sql("select code from stats.area where level = 'wijk' and code like '34022%' order by code limit 1")
			.query(String.class)
			.single();
		browser.open("/kortrijk/cijfers/gebieden");
		browser.click("a[href$='/gebied/wijk/" + wijk + "']");
		assertThat(browser.path()).endsWith("/kortrijk/cijfers/gebied/wijk/" + wijk);
		assertThat(browser.text("h1")).startsWith("Steekkaart");
		assertThat(browser.findAll("table.profile tbody tr")).hasSizeGreaterThanOrEqualTo(5);
		browser.screenshot("stats-profile");
		browser.assertAccessible();
		HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/kortrijk/cijfers/gebied/wijk/" + wijk + "/pdf"))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
	}

	@Test
	void theOpenDataPageListsTheDatasetsAndIsAccessible() {
		browser.open("/kortrijk/cijfers/open-data");
		assertThat(browser.text("h1")).isEqualTo("Open data");
		assertThat(browser.findAll("a[href*='/stats/indicators/'][href*='format=jsonstat']")).isNotEmpty();
		browser.screenshot("stats-open-data");
		browser.assertAccessible();
	}

	@Test
	void comparisonOfTheCentrumsteden() {
		browser.open("/kortrijk/cijfers/vergelijking?indicator=werkzoekenden_pct");
		assertThat(browser.findAll("#comparison-table tbody tr")).hasSize(14);
		browser.waitUntil(d -> !browser.findAll("#comparison-chart svg").isEmpty());
		browser.screenshot("stats-comparison");
		browser.assertAccessible();
	}

	@Test
	void dataTeamUploadsAFileAndUndoesIt() throws Exception {
		Path file = Files.createTempFile("kortrijk-", ".csv");
		Files.writeString(file, "indicator;gebied;periode;waarde\nkortrijk_browser_test;34022;2024;17\n");
		try (Browser editor = Browser.start(port)) {
			editor.login("redacteur.kortrijk", "demo");
			editor.open("/kortrijk/cijfers/beheer");
			editor.assertAccessible();
			editor.find("#file").sendKeys(file.toAbsolutePath().toString());
			editor.click("#createIndicators");
			editor.click("form.stacked button[type=submit]");
			editor.waitUntil(
					d -> !editor.findAll(".alert.success").isEmpty() || !editor.findAll(".alert.error").isEmpty());
			assertThat(editor.text(".alert")).contains("1 nieuw");
			editor.screenshot("stats-admin");
			editor.assertAccessible();
			// a file with an error: the table names row and column
			Files.writeString(file, "indicator;gebied;periode;waarde\nkortrijk_browser_test;34022;2024;1x\n");
			editor.find("#file").sendKeys(file.toAbsolutePath().toString());
			editor.click("form.stacked button[type=submit]");
			editor.waitUntil(d -> !editor.findAll(".alert.error table").isEmpty());
			assertThat(editor.text(".alert.error table")).contains("2").contains("waarde").contains("geen getal");
			editor.assertAccessible();
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void dataTeamImportsAStatisticsOfficeTableForAnIndicatorWithAMapping() throws Exception {
		// a draft indicator of Kortrijk for the table to feed
		assertThat(
				ApiClient.as(port, "redacteur.kortrijk")
					.upload("/api/v1/kortrijk/stats/import", "nieuw.csv",
							"indicator;gebied;periode;waarde\nodmap_browser;34022;2020;1\n"
								.getBytes(StandardCharsets.UTF_8),
							Map.of("createIndicators", "true"))
					.status())
			.isEqualTo(200);
		String px = Files.readString(Path.of("docs/formats/examples/stats-tabel-kortrijk.px"))
			.replace("MATRIX=\"KORTRIJK_BEV_WIJK\"", "MATRIX=\"KORTRIJK_BEV_WIJK_BROWSER\"");
		Path table = Files.createTempFile("bev-", ".px");
		Files.writeString(table, px);
		Path mapping = Path.of("docs/formats/examples/stats-tabel-kortrijk-mapping.csv").toAbsolutePath();
		try (Browser editor = Browser.start(port)) {
			editor.login("redacteur.kortrijk", "demo");
			editor.open("/kortrijk/cijfers/beheer");
			editor.assertAccessible();
			// without the mapping every wijk code of the office is listed, with its
			// dimension
			editor.find("#file").sendKeys(table.toAbsolutePath().toString());
			new Select(editor.find("#indicator")).selectByValue("odmap_browser");
			editor.click("form.stacked button[type=submit]");
			editor.waitUntil(d -> !editor.findAll(".alert.error table").isEmpty());
			assertThat(editor.text(".alert.error table")).contains("wijk")
				.contains("Gebiedscode 'WA' bestaat niet in Kortrijk")
				.contains("Gebiedscode 'XX'");
			assertThat(new Select(editor.find("#indicator")).getFirstSelectedOption().getAttribute("value"))
				.isEqualTo("odmap_browser");
			editor.screenshot("stats-admin-table-errors");
			editor.assertAccessible();
			// with the mapping it imports: the values and the dataset
			editor.find("#file").sendKeys(table.toAbsolutePath().toString());
			editor.find("#mapping").sendKeys(mapping.toString());
			editor.click("form.stacked button[type=submit]");
			editor.waitUntil(d -> !editor.findAll(".alert.success").isEmpty());
			assertThat(editor.text(".alert.success")).contains("24 nieuw");
			assertThat(editor.driver().getPageSource()).contains("KORTRIJK_BEV_WIJK_BROWSER");
			editor.assertAccessible();
		}
		finally {
			Files.deleteIfExists(table);
		}
		assertThat(jdbc
			.sql("select count(*) from stats.observation o join stats.indicator i on i.id = o.indicator_id "
					+ "where i.code = 'odmap_browser' and o.period in ('2023', '2024')")
			.query(Long.class)
			.single()).isEqualTo(24);
	}

	@Test
	void downloadsRespectDisclosureControl() throws Exception {
		HttpResponse<String> csv = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
					+ "/kortrijk/cijfers/indicator/bev_65plus/download?niveau=statsec&formaat=csv"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).contains("indicator;gebied;naam;niveau;periode;waarde;status");
		for (String line : csv.body().split("\r\n")) {
			String[] f = line.split(";");
			if (f.length >= 7 && f[6].equals("ok")) {
				double v = Double.parseDouble(f[5]);
				assertThat(v == 0 || v >= 5).as(line).isTrue();
			}
		}
		HttpResponse<byte[]> xlsx = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
					+ "/kortrijk/cijfers/indicator/bev_totaal/download?niveau=wijk&formaat=xlsx"))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(new String(xlsx.body(), 0, 2)).isEqualTo("PK");
	}

}
