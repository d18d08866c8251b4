package be.obmi.stats;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding things on the public statistics site (issue 12): the search box on every stats
 * page, used with the keyboard, finds "65-plussers" and "bevolking" typed with a typo, an
 * area with its accents left out, and leads to the indicator page or the area report; the
 * page passes axe; the public API answers the same.
 */
@ObmiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsSearchBrowserTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

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
	void aVisitorFindsIndicatorsWithTyposAndReachesThemWithTheKeyboard() {
		browser.open("/mechelen/cijfers?lang=nl");
		WebElement box = browser.find("#stats-nav-q");
		box.sendKeys("65-plussers", Keys.ENTER);
		browser.waitUntil(driver -> driver.getCurrentUrl().contains("/cijfers/zoeken"));
		assertThat(browser.text("#found-indicators + ul")).contains("Aandeel 65-plussers");
		browser.assertAccessible();
		browser.screenshot("stats-search-65-plussers");

		browser.open("/mechelen/cijfers/zoeken?q=bevolkng&lang=nl");
		assertThat(browser.text("#found-indicators + ul")).as("a typo is forgiven").contains("Bevolkingsdichtheid");
		WebElement first = browser.find("#found-indicators + ul a");
		String name = first.getText();
		first.sendKeys(Keys.ENTER);
		browser.waitUntil(driver -> driver.getCurrentUrl().contains("/cijfers/indicator/"));
		assertThat(browser.text("h1")).contains(name);

		browser.open("/mechelen/cijfers/zoeken?q=zzqxw&lang=en");
		assertThat(browser.text("[role=status]")).contains("Nothing found for “zzqxw”");
	}

	@Test
	void anAreaIsFoundWithoutItsAccentsAndTheApiAnswersTheSame() throws Exception {
		String wijk = jdbc.sql("""
				select a.name from stats.area a join stats.area_ancestor x on x.area_id = a.id
				join stats.area c on c.id = x.ancestor_id and c.level = 'gemeente' and c.code = '12025'
				where a.level = 'wijk' order by a.code limit 1""").query(String.class).single();
		String typed = Normalizer.normalize(wijk, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase();

		browser.open("/mechelen/cijfers/zoeken?lang=nl&q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8));
		WebElement hit = browser.findAll("#found-areas + ul a")
			.stream()
			.filter(a -> a.getText().equals(wijk))
			.findFirst()
			.orElseThrow();
		hit.click();
		browser.waitUntil(driver -> driver.getCurrentUrl().contains("/cijfers/gebied/wijk/"));

		HttpResponse<String> api = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/mechelen/stats/search?q="
					+ URLEncoder.encode("sint niklas", StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(api.body());
		List<String> areas = body.get("areas").valueStream().map(a -> a.get("name").asString()).toList();
		assertThat(areas).as("a municipality, misspelt").contains("Sint-Niklaas");
		assertThat(body.get("areas").get(0).get("url").asString()).startsWith("/mechelen/cijfers/gebied/");
	}

}
