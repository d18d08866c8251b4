package be.obmi.stats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import be.obmi.support.ApiClient;
import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map, charts and comparisons of the public statistics site (issue 12), as a visitor
 * uses them: an area of the map clicked, or reached with Tab and opened with Enter, leads
 * to its area report, and shows its value and rank on hover and on focus; a chart is
 * exported as PNG, SVG and CSV; two periods are compared per area (checked against the
 * API); the centrumsteden are sorted with the own city marked in text and bold. Every
 * page passes axe and leaves no CSP violation or error in the console.
 */
@ObmiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsMapBrowserTests {

	static final String INDICATOR = "/mechelen/cijfers/indicator/bev_totaal?lang=nl";

	@LocalServerPort
	int port;

	Browser browser;

	Path downloads;

	@BeforeAll
	void start() throws IOException {
		browser = Browser.start(port);
		downloads = Files.createDirectories(Path.of("target", "downloads", "stats-map")).toAbsolutePath();
		try (var files = Files.list(downloads)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		((ChromeDriver) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", downloads.toString()));
	}

	@AfterAll
	void stop() {
		browser.close();
	}

	@Test
	void clickingAnAreaOnTheMapOpensItsReportAndHoverShowsValueAndRank() {
		browser.consoleProblems();
		openMap();
		assertThat(browser.text(".map-legend")).as("five classes with Belgian bounds")
			.containsPattern("\\d{1,3}\\.\\d{3} – \\d{1,3}\\.\\d{3}");
		assertThat(browser.findAll(".map-legend li")).hasSizeBetween(2, 7);
		WebElement area = browser.findAll("#map path[data-area]").get(3);
		String code = area.getDomAttribute("data-area");
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})",
				browser.find("#map"));
		int[] inside = pointInside(code);
		new Actions(browser.driver()).moveToElement(browser.find("#map"), inside[0], inside[1]).perform();
		String tooltip = tooltip().replace('\u00a0', ' ');
		assertThat(tooltip).matches(".+: \\d{1,3}(\\.\\d{3})* – \\d{1,2}e van 12");
		browser.screenshot("stats-indicator-map");
		browser.assertAccessible();
		assertThat(browser.consoleProblems()).as("console of the indicator page").isEmpty();

		new Actions(browser.driver()).click().perform();
		browser.waitUntil(d -> d.getCurrentUrl().contains("/cijfers/gebied/wijk/" + code));
		assertThat(browser.text("h1")).isNotBlank();
	}

	@Test
	void theKeyboardAloneReachesAnAreaShowsItsFigureAndOpensItsReport() {
		openMap();
		WebElement show = browser.find("#map-heading + form button");
		show.sendKeys("");
		Actions keys = new Actions(browser.driver());
		keys.sendKeys(Keys.TAB).perform();
		WebElement focused = browser.driver().switchTo().activeElement();
		assertThat(focused.getDomAttribute("data-area")).as("the first Tab after the form reaches an area").isNotNull();
		keys.sendKeys(Keys.TAB).perform();
		focused = browser.driver().switchTo().activeElement();
		String code = focused.getDomAttribute("data-area");
		assertThat(code).isNotNull();
		assertThat(focused.getDomAttribute("aria-label")).contains("e van 12");
		// the rank in the tooltip is the one in the table's row of that area
		String rank = browser.find("#rank-table tr:has(a[href$='/wijk/" + code + "']) td.rank").getText();
		assertThat(tooltip()).contains(rank);
		keys.sendKeys(Keys.ENTER).perform();
		browser.waitUntil(d -> d.getCurrentUrl().contains("/cijfers/gebied/wijk/" + code));
	}

	@Test
	void aChartIsExportedAsPngSvgAndItsData() throws Exception {
		browser.consoleProblems();
		browser.open(INDICATOR);
		browser.waitUntil(d -> "true".equals(browser.find("#trend-chart").getDomAttribute("data-drawn")));
		WebElement group = browser.find("[data-export-for='trend-chart']");
		assertThat(group.isDisplayed()).isTrue();
		group.findElement(By.cssSelector("[data-export=png]")).click();
		browser.waitUntil(d -> browser.find("#trend-chart").getDomAttribute("data-exported-png") != null);
		assertThat(browser.find("#trend-chart").getDomAttribute("data-exported-png")).startsWith("data:image/png");
		Path png = downloaded("bev_totaal-mechelen-verloop.png");
		byte[] bytes = Files.readAllBytes(png);
		assertThat(bytes).startsWith(new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		assertThat(bytes.length).as("a drawn chart, not an empty canvas").isGreaterThan(10_000);

		// keyboard: the SVG button reached with Tab and pressed with Enter
		WebElement svgButton = group.findElement(By.cssSelector("[data-export=svg]"));
		group.findElement(By.cssSelector("[data-export=png]")).sendKeys(Keys.TAB);
		assertThat(browser.driver().switchTo().activeElement()).isEqualTo(svgButton);
		svgButton.sendKeys(Keys.ENTER);
		String svg = Files.readString(downloaded("bev_totaal-mechelen-verloop.svg"));
		assertThat(svg).contains("<svg").contains("Mechelen");

		group.findElement(By.cssSelector("[data-export=csv]")).click();
		List<String> csv = Files.readAllLines(downloaded("bev_totaal-mechelen-verloop.csv"), StandardCharsets.UTF_8);
		assertThat(csv.get(0)).isEqualTo("\uFEFFperiode;Mechelen");
		assertThat(csv).anyMatch(l -> l.matches("2024;\\d+"));
		assertThat(browser.consoleProblems()).as("console while exporting").isEmpty();
	}

	@Test
	void twoPeriodsAreComparedPerAreaAsTheApiHasThem() throws Exception {
		browser.consoleProblems();
		browser.open(INDICATOR);
		new Select(browser.find("#van")).selectByValue("2020");
		new Select(browser.find("#tot")).selectByValue("2024");
		browser.find("#change-form button").sendKeys(Keys.ENTER);
		browser.waitUntil(d -> d.getCurrentUrl().contains("van=2020"));
		assertThat(browser.text("#change-heading")).contains("2020").contains("2024");
		Map<String, Double> before = api("2020");
		Map<String, Double> after = api("2024");
		List<WebElement> rows = browser.findAll("#change-table tbody tr");
		assertThat(rows).hasSize(12);
		int checked = 0;
		for (WebElement row : rows) {
			String code = row.getDomAttribute("data-area");
			List<WebElement> cells = row.findElements(By.cssSelector("td"));
			if (before.get(code) == null || after.get(code) == null) {
				continue;
			}
			assertThat(belgian(cells.get(0).getText())).as(code + " 2020").isEqualTo(before.get(code));
			assertThat(belgian(cells.get(1).getText())).as(code + " 2024").isEqualTo(after.get(code));
			double difference = after.get(code) - before.get(code);
			String shown = cells.get(2).getText();
			assertThat(belgian(shown)).as(code + " difference").isEqualTo(difference);
			if (difference > 0) {
				assertThat(shown).startsWith("+");
			}
			checked++;
		}
		assertThat(checked).as("areas with both figures").isGreaterThan(8);
		browser.waitUntil(d -> "true".equals(browser.find("#change-chart").getDomAttribute("data-drawn")));
		assertThat(browser.findAll("#change-chart svg text").stream().map(WebElement::getText))
			.as("the chart's legend names both periods")
			.contains("2020", "2024");
		browser.assertAccessible();
		assertThat(browser.consoleProblems()).as("console of the period comparison").isEmpty();
	}

	@Test
	void theCentrumstedenAreSortedWithTheOwnCityMarkedInTextAndBold() throws ParseException {
		browser.consoleProblems();
		browser.open("/mechelen/cijfers/vergelijking?indicator=bev_65plus_pct&lang=nl");
		browser.waitUntil(d -> "true".equals(browser.find("#comparison-chart").getDomAttribute("data-drawn")));
		List<WebElement> rows = browser.findAll("#comparison-table tbody tr");
		assertThat(rows).hasSize(14);
		double previous = Double.MAX_VALUE;
		for (WebElement row : rows.subList(0, 13)) {
			double value = belgian(row.findElement(By.cssSelector("td.num")).getText());
			assertThat(value).isLessThanOrEqualTo(previous);
			previous = value;
		}
		assertThat(rows.get(13).getText()).as("Flanders last, as the reference of a ratio").contains("Vlaams Gewest");
		WebElement own = browser.find("#comparison-table tr.own");
		assertThat(own.getText()).contains("Mechelen").contains("(uw stad)");
		assertThat(own.findElement(By.cssSelector("td.num")).getCssValue("font-weight")).isEqualTo("700");
		assertThat(browser.findAll("#comparison-chart svg text").stream().map(WebElement::getText))
			.anyMatch(t -> t.contains("Mechelen (uw stad)"));
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})",
				browser.find("#comparison-chart"));
		browser.screenshot("stats-comparison");
		browser.assertAccessible();

		browser.open("/mechelen/cijfers/vergelijking?indicator=bev_totaal&lang=nl");
		assertThat(browser.findAll("#comparison-table tbody tr")).as("a count: no Flemish total beside it").hasSize(13);
		assertThat(browser.consoleProblems()).as("console of the comparison").isEmpty();

		browser.open("/mechelen/cijfers?lang=nl");
		browser.screenshot("stats-dashboard");
		browser.assertAccessible();
	}

	@Test
	void suppressedAreasAreHatchedAndAreasWithoutFigureGreyBothInTheLegend() {
		ApiClient editor = ApiClient.as(port, "redacteur.kortrijk");
		List<String> wijken = ApiClient.anonymous(port)
			.get("/api/v1/kortrijk/stats/geo/wijken")
			.json()
			.get("features")
			.valueStream()
			.map(f -> f.get("properties").get("code").asString())
			.toList();
		StringBuilder csv = new StringBuilder("indicator;gebied;niveau;periode;waarde\n");
		int[] values = { 3, 120, 130, 140, 150, 160 };
		for (int i = 0; i < values.length; i++) {
			csv.append("kaartproef;").append(wijken.get(i)).append(";wijk;2024;").append(values[i]).append('\n');
		}
		ApiClient.Response imported = editor.upload("/api/v1/kortrijk/stats/import", "kaartproef.csv",
				csv.toString().getBytes(StandardCharsets.UTF_8), Map.of("createIndicators", "true"));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(editor.post("/api/v1/kortrijk/stats/indicators/kaartproef/published?value=true").status())
			.isEqualTo(200);
		try {
			browser.consoleProblems();
			browser.open("/kortrijk/cijfers/indicator/kaartproef?lang=nl");
			browser.waitUntil(d -> "true".equals(browser.find("#map").getDomAttribute("data-drawn")));
			assertThat(browser.find("#map path[data-area='" + wijken.get(0) + "']").getDomAttribute("fill"))
				.as("a suppressed wijk is hatched")
				.isEqualTo("url(#map-hatch)");
			assertThat(browser.find("#map path[data-area='" + wijken.get(values.length) + "']").getDomAttribute("fill"))
				.as("a wijk without a figure is grey")
				.isEqualTo("#bdbdbd");
			assertThat(browser.findAll("#map pattern#map-hatch")).hasSize(1);
			assertThat(browser.findAll(".map-legend li").stream().map(WebElement::getText)).contains("geheim",
					"geen cijfer");
			assertThat(browser.findAll(".map-legend .swatch.hatched")).hasSize(1);
			assertThat(browser.find("#map path[data-area='" + wijken.get(0) + "']").getDomAttribute("aria-label"))
				.contains("geheim");
			browser.assertAccessible();
			assertThat(browser.consoleProblems()).as("console of the map with suppressed areas").isEmpty();
		}
		finally {
			editor.post("/api/v1/kortrijk/stats/indicators/kaartproef/published?value=false");
		}
	}

	@Test
	void theSectorLevelSaysWhichFileTheCityMustSupply() {
		browser.open("/mechelen/cijfers/indicator/bev_totaal?niveau=statsec&lang=nl");
		assertThat(browser.text("#no-sector-map")).contains("statsec-12025.geojson");
		assertThat(browser.findAll("#map")).isEmpty();
		assertThat(browser.findAll("#rank-table tbody tr")).hasSizeGreaterThan(50);
	}

	private void openMap() {
		browser.open(INDICATOR);
		browser.waitUntil(d -> "true".equals(browser.find("#map").getDomAttribute("data-drawn")));
		assertThat(browser.findAll("#map path[data-area]")).hasSize(12);
	}

	/** The text of the map's visible tooltip, once it shows a rank. */
	private String tooltip() {
		String[] text = new String[1];
		browser.waitUntil(d -> {
			try {
				text[0] = browser.findAll("#map .leaflet-tooltip")
					.stream()
					.filter(WebElement::isDisplayed)
					.map(WebElement::getText)
					.filter(t -> t.contains("e van 12"))
					.findFirst()
					.orElse(null);
				return text[0] != null;
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				return false;
			}
		});
		return text[0];
	}

	/** A point inside an area's polygon, as an offset from the centre of the map. */
	@SuppressWarnings("unchecked")
	private int[] pointInside(String code) {
		List<Long> point = (List<Long>) ((JavascriptExecutor) browser.driver()).executeScript("""
				var path = document.querySelector('#map path[data-area="' + arguments[0] + '"]');
				var map = document.getElementById('map').getBoundingClientRect();
				var box = path.getBoundingClientRect();
				for (var fx = 0.5; fx < 1; fx += 0.04) {
				  for (var fy = 0.5; fy < 1; fy += 0.04) {
				    var xs = [fx, 1 - fx], ys = [fy, 1 - fy];
				    for (var i = 0; i < 2; i++) {
				      for (var j = 0; j < 2; j++) {
				        var x = Math.round(box.left + box.width * xs[i]), y = Math.round(box.top + box.height * ys[j]);
				        if (document.elementFromPoint(x, y) === path) {
				          return [Math.round(x - map.left - map.width / 2), Math.round(y - map.top - map.height / 2)];
				        }
				      }
				    }
				  }
				}
				return null;""", code);
		assertThat(point).as("a point inside " + code).isNotNull();
		return new int[] { point.get(0).intValue(), point.get(1).intValue() };
	}

	/** The wijken's values of bev_totaal in a period from the public query API. */
	private Map<String, Double> api(String period) {
		JsonNode items = ApiClient.anonymous(port)
			.get("/api/v1/mechelen/stats/observations/query?indicator=bev_totaal&level=wijk&from=" + period + "&to="
					+ period + "&size=10000")
			.json()
			.get("items");
		Map<String, Double> values = new HashMap<>();
		for (JsonNode item : items) {
			if (item.get("area").asString().startsWith("12025") && "ok".equals(item.get("status").asString())) {
				values.put(item.get("area").asString(), item.get("value").asDouble());
			}
		}
		return values;
	}

	private Path downloaded(String name) {
		Path file = downloads.resolve(name);
		browser.waitUntil(d -> Files.isRegularFile(file) && !Files.exists(downloads.resolve(name + ".crdownload")));
		return file;
	}

	private static double belgian(String text) throws ParseException {
		String plain = text.replace('\u00a0', ' ').replace("%", "").replace("+", "").strip();
		return NumberFormat.getNumberInstance(Locale.forLanguageTag("nl-BE")).parse(plain).doubleValue();
	}

}
