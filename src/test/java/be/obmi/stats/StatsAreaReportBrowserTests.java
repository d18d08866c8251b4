package be.obmi.stats;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The area report in headless Chromium (issue 12): a wijk of Mechelen with its trend
 * charts and locator map drawn under the strict CSP (no console problem), axe without
 * serious or critical violations, and the PDF's first pages rendered to PNG; the public
 * dashboard for the overview screenshot.
 */
@ObmiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsAreaReportBrowserTests {

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
	void aWijkReportDrawsItsChartsAndMapUnderTheCspAndIsAccessible() {
		String wijk = jdbc
			.sql("select code from stats.area where level = 'wijk' and code like '12025%' order by code limit 1")
			.query(String.class)
			.single();
		browser.consoleProblems();
		browser.windowSize(1280, 2400);
		browser.open("/mechelen/cijfers/gebied/wijk/" + wijk + "?lang=nl");
		assertThat(browser.text("h1")).startsWith("Steekkaart");
		browser.waitUntil(d -> "true".equals(browser.find(".locator-map").getDomAttribute("data-drawn")));
		browser.waitUntil(d -> browser.findAll("[data-report-chart]")
			.stream()
			.allMatch(c -> "true".equals(c.getDomAttribute("data-drawn"))));
		assertThat(browser.findAll("[data-report-chart] svg")).isNotEmpty();
		assertThat(browser.findAll(".locator-map path")).isNotEmpty();
		assertThat(browser.findAll("table.profile tbody tr")).hasSizeGreaterThanOrEqualTo(5);
		browser.screenshot("stats-area-report");
		browser.assertAccessible();
		assertThat(browser.consoleProblems()).as("console of the area report").isEmpty();

		String sector = jdbc
			.sql("""
					select s.code from stats.area s join stats.area d on d.id = s.parent_id
					where s.level = 'statsec' and d.level = 'deelgemeente' and s.code like '12025%' order by s.code limit 1""")
			.query(String.class)
			.single();
		browser.open("/mechelen/cijfers/gebied/statsec/" + sector + "?lang=en");
		browser.waitUntil(d -> "true".equals(browser.find(".locator-map").getDomAttribute("data-drawn")));
		assertThat(browser.text(".report-location")).contains("does not link statistical sectors");
		browser.assertAccessible();
		assertThat(browser.consoleProblems()).as("console of a sector's report").isEmpty();
	}

	@Test
	void thePdfRendersToAnImage() throws Exception {
		String wijk = jdbc
			.sql("select code from stats.area where level = 'wijk' and code like '12025%' order by code limit 1")
			.query(String.class)
			.single();
		HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/mechelen/cijfers/gebied/wijk/" + wijk + "/pdf"))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			assertThat(document.getNumberOfPages()).isGreaterThan(1);
			PDFRenderer renderer = new PDFRenderer(document);
			save(renderer.renderImageWithDPI(0, 110), "stats-area-report-pdf");
			save(renderer.renderImageWithDPI(1, 110), "stats-area-report-pdf-page2");
		}
	}

	@Test
	void theDashboardOverview() {
		browser.windowSize(1280, 1600);
		browser.open("/mechelen/cijfers?lang=nl");
		assertThat(browser.findAll("li.tile")).isNotEmpty();
		browser.screenshot("stats-dashboard-overview");
		browser.assertAccessible();
	}

	private static void save(BufferedImage image, String name) throws IOException {
		Files.createDirectories(Browser.SCREENSHOTS);
		Path file = Browser.SCREENSHOTS.resolve(name + ".png");
		ImageIO.write(image, "png", file.toFile());
		assertThat(Files.size(file)).isGreaterThan(10_000);
	}

}
