package be.obmi.stats;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, the acceptance test: a redacteur of Sint-Niklaas unpublishes and publishes an
 * indicator and gives it an English name in the UI; anonymous visitors (served by the
 * public response cache) see each change at once on the English indicator page, in the
 * open-data list and in the DCAT catalogue fetched over HTTP; unpublished, it is gone
 * from them. The admin pages (the tenant's and the platform admin's shared catalogue)
 * pass axe and write no console problems.
 */
@ObmiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsPublishingBrowserTests {

	static final String SLUG = "sint-niklaas";

	static final String CODE = "team_publiceren";

	static final String ENGLISH = "Street trees planted";

	@LocalServerPort
	int port;

	Browser browser;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	void start() {
		StatsHttp api = new StatsHttp(port);
		String catalogue = "code;naam;thema;definitie;eenheid;aggregatie;decimalen;drempel;gepubliceerd\n" + CODE
				+ ";Geplante straatbomen;Leefomgeving;Bomen die de stad dit jaar langs straten plantte.;bomen;sum;0;0;ja\n";
		assertThat(api
			.upload(SLUG, "redacteur." + SLUG, "catalogus.csv", catalogue.getBytes(StandardCharsets.UTF_8), false,
					"/api/v1/" + SLUG + "/stats/catalogue")
			.status()).isEqualTo(200);
		assertThat(api
			.upload(SLUG, "redacteur." + SLUG, "bomen.csv",
					("indicator;gebied;periode;waarde\n" + CODE + ";46021;2024;480\n").getBytes(StandardCharsets.UTF_8),
					false)
			.status()).isEqualTo(200);
		browser = Browser.start(port);
	}

	@AfterAll
	void stop() {
		browser.close();
	}

	/** An anonymous answer, in English when {@code english} (the language cookie). */
	HttpResponse<String> anonymous(String path, boolean english) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (english) {
			request.header("Cookie", "obmi-taal=en");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Scrolls the element to the top of the window, for the screenshot. */
	void scrollTo(String css) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", browser.find(css));
	}

	String catalogue() throws Exception {
		return anonymous("/" + SLUG + "/cijfers/catalogus.ttl", false).body();
	}

	@Test
	void aRedacteurUnpublishesPublishesAndNamesAnIndicatorInEnglishAndVisitorsSeeItAtOnce() throws Exception {
		String page = "/" + SLUG + "/cijfers/indicator/" + CODE;
		// visitors' answers are in the public response cache before the changes
		HttpResponse<String> before = anonymous(page, true);
		assertThat(before.statusCode()).isEqualTo(200);
		assertThat(before.body()).as("no English name yet: the Dutch one, marked Dutch")
			.contains("<h1 lang=\"nl\">Geplante straatbomen</h1>");
		assertThat(catalogue()).contains("/datasets/" + CODE + ">").doesNotContain(ENGLISH);
		assertThat(anonymous("/" + SLUG + "/cijfers/open-data", false).body()).contains(CODE);

		browser.login("redacteur." + SLUG, "demo");
		browser.open("/" + SLUG + "/cijfers/beheer?lang=en");
		browser.consoleProblems();
		browser.assertAccessible();
		scrollTo("#indicators-heading");
		browser.screenshot("stats-admin");
		String row = "#indicator-" + CODE;
		assertThat(browser.text(row)).contains("Geplante straatbomen").contains("published");

		// unpublish: gone from the public page, the open-data list and DCAT
		browser.click(row + " form button");
		browser.waitUntil(d -> browser.text("#indicators-heading ~ [role=status]").contains(CODE));
		assertThat(browser.text(row)).contains("draft");
		assertThat(anonymous(page, true).statusCode()).isEqualTo(404);
		assertThat(anonymous("/" + SLUG + "/cijfers/open-data", false).body()).doesNotContain(CODE);
		assertThat(catalogue()).doesNotContain("/datasets/" + CODE);

		// publish again
		browser.click(row + " form button");
		browser.waitUntil(d -> browser.text(row).contains("published"));
		assertThat(anonymous(page, true).statusCode()).isEqualTo(200);
		assertThat(catalogue()).contains("/datasets/" + CODE + ">");

		// the English name, through the edit form
		browser.click(row + " a.button");
		browser.waitUntil(d -> d.getCurrentUrl().contains("/beheer/indicatoren/" + CODE));
		browser.assertAccessible();
		browser.screenshot("stats-admin-indicator");
		WebElement nameEn = browser.find("#nameEn");
		nameEn.clear();
		nameEn.sendKeys(ENGLISH);
		browser.click("#indicator-form button[type=submit]");
		browser.waitUntil(d -> !browser.findAll("[role=status]").isEmpty());
		assertThat(browser.text("[role=status]")).contains("has been saved");
		assertThat(browser.text("table.history")).contains(ENGLISH).contains("redacteur." + SLUG);
		browser.assertAccessible();
		scrollTo("#history-heading");
		browser.screenshot("stats-admin-indicator-saved");
		assertThat(browser.consoleProblems()).as("console of the admin pages").isEmpty();

		HttpResponse<String> after = anonymous(page, true);
		assertThat(after.body()).as("the English page shows the new name at once")
			.contains("<h1>" + ENGLISH + "</h1>")
			.as("the untranslated definition stays Dutch, marked Dutch")
			.contains("lang=\"nl\">Bomen die de stad dit jaar langs straten plantte.</dd>");
		assertThat(catalogue()).contains("\"" + ENGLISH + "\"@en").contains("\"Geplante straatbomen\"@nl");

		// the demo reads in English; an untranslated theme is shown in Dutch, marked
		// Dutch
		String dashboard = anonymous("/" + SLUG + "/cijfers?thema=Demografie", true).body();
		assertThat(dashboard).contains("<h2 id=\"theme-heading\">Demography</h2>")
			.contains(">Inhabitants</a>")
			.contains("lang=\"nl\">Leefomgeving</a>");

		browser.open("/" + SLUG + "/cijfers/beheer");
		assertThat(browser.text("#changed-since")).contains("Geplante straatbomen");
		browser.assertAccessible();
		scrollTo("#changed-heading");
		browser.screenshot("stats-admin-changed");
	}

	@Test
	void thePlatformAdminsSharedCataloguePassesAxe() {
		try (Browser admin = Browser.start(port)) {
			admin.login("platformbeheerder", "demo");
			admin.open("/platform/cijfers/beheer?q=bev_&lang=en");
			admin.consoleProblems();
			assertThat(admin.text("#indicator-bev_totaal")).contains("Inwoners").contains("Inhabitants");
			admin.assertAccessible();
			admin.screenshot("stats-admin-platform");
			admin.click("#indicator-bev_totaal a.button");
			admin.waitUntil(d -> d.getCurrentUrl().contains("/platform/cijfers/beheer/indicatoren/bev_totaal"));
			assertThat(admin.find("#nameEn").getDomProperty("value")).isEqualTo("Inhabitants");
			admin.assertAccessible();
			admin.screenshot("stats-admin-platform-indicator");
			assertThat(admin.consoleProblems()).as("console of the platform's catalogue pages").isEmpty();
		}
	}

}
