package be.obmi.stats;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public statistics site as a visitor sees it (issue 12): numbers in the page's
 * language everywhere (server tables, chart axes and tooltips, map legend), charts that
 * work under the strict CSP (no refused inline style in the console, labels not clipped),
 * no horizontal scroll at desktop and phone width, the favicon, and the site's {@code ;}
 * CSV with decimal commas next to the unchanged open-data CSV.
 */
@ObmiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsSiteBrowserTests {

	/** 265.432 (Belgian Dutch grouping). */
	static final Pattern DUTCH_COUNT = Pattern.compile("\\b\\d{1,3}(\\.\\d{3})+\\b");

	/** 265,432 (English grouping). */
	static final Pattern ENGLISH_COUNT = Pattern.compile("\\b\\d{1,3}(,\\d{3})+\\b");

	/** 20,1 % (the space may be a no-break space). */
	static final Pattern DUTCH_SHARE = Pattern.compile("\\b\\d{1,2},\\d[\\s\\u00a0]%");

	static final Pattern ENGLISH_SHARE = Pattern.compile("\\b\\d{1,2}\\.\\d%");

	@LocalServerPort
	int port;

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
	void dutchPagesWriteNumbersTheBelgianWayInTablesChartsAndMap() {
		browser.consoleProblems();
		browser.open("/gent/cijfers?lang=nl");
		String population = tile("Inwoners");
		assertThat(population).containsPattern(DUTCH_COUNT).doesNotContainPattern(ENGLISH_COUNT);
		assertThat(population).as("a count has no decimals").doesNotContainPattern("\\d,\\d");
		browser.assertAccessible();
		browser.open("/gent/cijfers?thema=Ruimte&lang=nl");
		assertThat(tile("Oppervlakte")).as("km² with two decimals").containsPattern("^\\d+,\\d{2}\\b");

		browser.open("/gent/cijfers/indicator/bev_totaal?lang=nl");
		waitForDrawing();
		assertThat(axisLabels("#trend-chart")).anyMatch(l -> DUTCH_COUNT.matcher(l).matches())
			.noneMatch(l -> ENGLISH_COUNT.matcher(l).find());
		assertThat(tooltip("#trend-chart")).containsPattern(DUTCH_COUNT)
			.contains("Gent")
			.doesNotContainPattern(ENGLISH_COUNT)
			.doesNotContainPattern("\\d,\\d");
		assertThat(browser.text("#trend-heading + .chart + table tbody")).containsPattern(DUTCH_COUNT)
			.doesNotContainPattern(ENGLISH_COUNT)
			.doesNotContainPattern("\\d,\\d");
		assertThat(browser.text(".map-legend")).containsPattern(DUTCH_COUNT).doesNotContainPattern(ENGLISH_COUNT);
		assertThat(browser.consoleProblems()).as("console of the Dutch key figures and indicator page").isEmpty();
		browser.screenshot("stats-site-indicator-nl");
		browser.assertAccessible();

		browser.open("/gent/cijfers/indicator/bev_65plus_pct?lang=nl");
		waitForDrawing();
		assertThat(axisLabels("#trend-chart")).anyMatch(l -> l.matches("\\d{1,2}(,\\d)?[\\s\\u00a0]%"));
		assertThat(tooltip("#trend-chart")).containsPattern(DUTCH_SHARE);
		assertThat(browser.text("#trend-heading + .chart + table tbody")).containsPattern("\\b\\d{1,2},\\d\\b");
		assertThat(browser.text(".map-legend")).containsPattern(DUTCH_SHARE);
		assertThat(browser.consoleProblems()).as("console of a share's page").isEmpty();

		browser.open("/gent/cijfers/vergelijking?indicator=bev_totaal&lang=nl");
		browser.waitUntil(d -> !browser.findAll("#comparison-chart svg").isEmpty());
		assertThat(axisLabels("#comparison-chart")).anyMatch(l -> DUTCH_COUNT.matcher(l).matches())
			.noneMatch(l -> ENGLISH_COUNT.matcher(l).find());
		assertThat(browser.consoleProblems()).as("console of the comparison").isEmpty();
	}

	@Test
	void englishPagesWriteNumbersTheEnglishWay() {
		browser.consoleProblems();
		browser.open("/gent/cijfers?lang=en");
		String population = tile("Inhabitants");
		assertThat(population).containsPattern(ENGLISH_COUNT).doesNotContainPattern(DUTCH_COUNT);
		browser.assertAccessible();
		browser.open("/gent/cijfers?thema=Ruimte&lang=en");
		assertThat(tile("Area")).containsPattern("^\\d+\\.\\d{2}\\b");

		browser.open("/gent/cijfers/indicator/bev_totaal?lang=en");
		waitForDrawing();
		assertThat(axisLabels("#trend-chart")).anyMatch(l -> ENGLISH_COUNT.matcher(l).matches())
			.noneMatch(l -> DUTCH_COUNT.matcher(l).find());
		assertThat(tooltip("#trend-chart")).containsPattern(ENGLISH_COUNT).doesNotContainPattern(DUTCH_COUNT);
		assertThat(browser.text("#trend-heading + .chart + table tbody")).containsPattern(ENGLISH_COUNT)
			.doesNotContainPattern(DUTCH_COUNT);
		assertThat(browser.text(".map-legend")).containsPattern(ENGLISH_COUNT).doesNotContainPattern(DUTCH_COUNT);
		browser.assertAccessible();

		browser.open("/gent/cijfers/indicator/bev_65plus_pct?lang=en");
		waitForDrawing();
		assertThat(tooltip("#trend-chart")).containsPattern(ENGLISH_SHARE);
		assertThat(browser.text(".map-legend")).containsPattern(ENGLISH_SHARE);
		assertThat(browser.consoleProblems()).as("console of the English pages").isEmpty();
		browser.open("/gent/cijfers?lang=nl");
	}

	@Test
	void noHorizontalScrollAtDesktopAndPhoneWidth() {
		try {
			for (int width : new int[] { 1280, 375 }) {
				browser.windowSize(width, 900);
				for (String page : List.of("/gent/cijfers?lang=nl", "/gent/cijfers?thema=Ruimte&lang=nl",
						"/gent/cijfers?lang=en", "/antwerpen/cijfers?lang=nl",
						"/gent/cijfers/indicator/bev_totaal?lang=nl", "/gent/cijfers/gebieden?lang=nl")) {
					browser.open(page);
					if (page.contains("/indicator/")) {
						waitForDrawing();
					}
					long overflow = (Long) ((JavascriptExecutor) browser.driver()).executeScript(
							"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
					assertThat(overflow).as("horizontal overflow of %s at %d px", page, width).isLessThanOrEqualTo(0);
				}
				browser.open("/gent/cijfers?lang=nl");
				browser.screenshot("stats-site-dashboard-" + width);
			}
		}
		finally {
			browser.windowSize(1280, 1000);
		}
	}

	@Test
	void theSectorsAreListedUnderTheirDeelgemeente() {
		browser.open("/gent/cijfers/gebieden?lang=nl");
		assertThat(browser.text("main")).contains("per deelgemeente");
		assertThat(browser.findAll(".area-group h3")).hasSizeGreaterThan(1);
		assertThat(browser.findAll(".area-group h3").stream().map(WebElement::getText))
			.anyMatch(h -> h.startsWith("Deelgemeente Gentbrugge"));
		assertThat(browser.findAll(".area-group a[href*='/gebied/statsec/']")).hasSizeGreaterThan(50);
		browser.assertAccessible();
	}

	@Test
	void theFaviconIsLinkedAndServed() throws Exception {
		browser.consoleProblems();
		browser.open("/gent/cijfers");
		String href = browser.find("link[rel=icon]").getDomProperty("href");
		HttpResponse<String> icon = get(URI.create(href), HttpClient.Redirect.NEVER);
		assertThat(icon.statusCode()).isEqualTo(200);
		assertThat(icon.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
		assertThat(icon.body()).contains("<svg");
		assertThat(browser.consoleProblems()).as("no request for a missing icon").isEmpty();
	}

	@Test
	void theSitesCsvHasDecimalCommasAndTheOpenDataCsvKeepsItsFormat() throws Exception {
		List<String> shares = values(
				get("/gent/cijfers/indicator/bev_65plus_pct/download?niveau=wijk&formaat=csv").body(), ";", 5, 6);
		assertThat(shares).isNotEmpty().allMatch(v -> v.matches("\\d+(,\\d+)?"), "a number with a decimal comma");
		assertThat(shares).anyMatch(v -> v.contains(","));
		List<String> counts = values(get("/gent/cijfers/indicator/bev_totaal/download?niveau=wijk&formaat=csv").body(),
				";", 5, 6);
		assertThat(counts).isNotEmpty().allMatch(v -> v.matches("\\d+"), "a whole number, no ,0 and no grouping");

		HttpResponse<String> open = get("/api/v1/gent/stats/indicators/bev_65plus_pct/data?level=wijk&format=csv");
		assertThat(open.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("text/csv")
				.contains("header=present")
				.containsIgnoringCase("charset=UTF-8"));
		String header = open.body().replace("\uFEFF", "").lines().findFirst().orElseThrow();
		assertThat(header).isEqualTo("gebied,gebied_label,periode,periode_label,value,status");
		List<String> machine = new ArrayList<>();
		for (String line : open.body().lines().skip(1).toList()) {
			String[] f = line.split(",", -1);
			if (!f[f.length - 2].isEmpty()) {
				machine.add(f[f.length - 2]);
			}
		}
		assertThat(machine).isNotEmpty().allMatch(v -> v.matches("\\d+(\\.\\d+)?"), "a number with a decimal point");
		assertThat(machine).anyMatch(v -> v.contains("."));
	}

	/** The text of the tile of an indicator on the key-figures page. */
	private String tile(String name) {
		return browser.findAll(".tile")
			.stream()
			.filter(t -> t.findElement(By.cssSelector("h3")).getText().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no tile " + name))
			.findElement(By.cssSelector(".figure"))
			.getText();
	}

	private void waitForDrawing() {
		browser.waitUntil(d -> !browser.findAll("#trend-chart svg").isEmpty());
		if (!browser.findAll("#map").isEmpty()) {
			browser.waitUntil(d -> "true".equals(browser.find("#map").getDomAttribute("data-drawn")));
		}
	}

	/** The texts of a chart's SVG, as shown (no-break spaces as spaces). */
	private List<String> axisLabels(String chart) {
		return browser.findAll(chart + " svg text")
			.stream()
			.map(WebElement::getText)
			.map(t -> t.replace('\u00a0', ' ').strip())
			.filter(t -> !t.isEmpty())
			.toList();
	}

	/** Hovers the middle of a chart and returns the text of the tooltip that appears. */
	private String tooltip(String chart) {
		WebElement element = browser.find(chart);
		new Actions(browser.driver()).moveToElement(element, 0, 0).moveByOffset(15, 10).perform();
		browser.waitUntil(d -> browser.findAll(chart + " .chart-tooltip")
			.stream()
			.anyMatch(t -> t.isDisplayed() && !t.getText().isBlank()));
		return browser.find(chart + " .chart-tooltip").getText().replace('\u00a0', ' ');
	}

	private HttpResponse<String> get(String path) throws Exception {
		return get(URI.create("http://localhost:" + port + path), HttpClient.Redirect.NEVER);
	}

	private static HttpResponse<String> get(URI uri, HttpClient.Redirect redirect) throws Exception {
		try (HttpClient client = HttpClient.newBuilder().followRedirects(redirect).build()) {
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(uri.toString()).isLessThan(400);
			return response;
		}
	}

	/**
	 * The values of the ok rows of a CSV (column {@code value}, status in
	 * {@code status}).
	 */
	private static List<String> values(String csv, String separator, int value, int status) {
		List<String> values = new ArrayList<>();
		for (String line : csv.replace("\uFEFF", "").lines().skip(1).toList()) {
			String[] f = line.split(Pattern.quote(separator), -1);
			if (f.length > status && "ok".equals(f[status])) {
				values.add(f[value]);
			}
		}
		return values;
	}

}
