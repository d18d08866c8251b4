package be.obmi.stats.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import org.assertj.core.data.Offset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo statistics as the application loads them at start (through the catalogue and
 * observation imports), read through the public API as Mechelen's redacteur, who sees the
 * cells disclosure control hides: for every additive demo indicator the wijken and the
 * sectors add up to the city, and the shares of the city and of each wijk are those of
 * the sums. The import is in the platform's history like any upload.
 */
@ObmiIntegrationTest
class StatsDemoDataIntegrationTests {

	static final String CITY = "12025";

	static final List<String> PERIODS = List.of("2014", "2019", "2024");

	@LocalServerPort
	int port;

	@Test
	void wijkenAndSectorsAddUpToTheCityForEveryAdditiveIndicator() {
		ApiClient editor = ApiClient.as(port, "redacteur.mechelen");
		for (String indicator : DemoObservations.COUNTS) {
			for (String period : PERIODS) {
				Map<String, Double> wijken = values(editor, indicator, "wijk", period);
				assertThat(wijken).as("the 12 wijken of Mechelen").hasSize(12);
				double city = values(editor, indicator, "gemeente", period).get(CITY);
				double wijkSum = wijken.values().stream().mapToDouble(Double::doubleValue).sum();
				double sectorSum = values(editor, indicator, "statsec", period).values()
					.stream()
					.mapToDouble(Double::doubleValue)
					.sum();
				assertThat(wijkSum).as(indicator + " " + period + ": Σ wijken").isCloseTo(city, Offset.offset(1e-6));
				assertThat(sectorSum).as(indicator + " " + period + ": Σ sectors").isCloseTo(city, Offset.offset(1e-6));
				assertThat(city).as(indicator + " " + period).isPositive();
			}
		}
	}

	/**
	 * Acceptance 1 of issue 12 through the public pages, as a visitor reads them: on each
	 * additive indicator's page, the wijken's figures in its table add up to the city's
	 * figure in its trend table, and the share of 65-plussers on its page is the ratio of
	 * those sums.
	 */
	@Test
	void thePublicPagesShowWijkenThatAddUpToTheCity() {
		ApiClient visitor = ApiClient.anonymous(port);
		wijkenAddUpOnThePages(path -> visitor.get(path).body());
	}

	/**
	 * The check of the public pages, with {@code html} giving a page's HTML: over HTTP
	 * here, in a real browser in {@code StatsDemoDataBrowserTests}.
	 */
	static void wijkenAddUpOnThePages(Function<String, String> html) {
		Map<String, Double> cities = new LinkedHashMap<>();
		Map<String, Double> sums = new LinkedHashMap<>();
		for (String indicator : List.of("bev_totaal", "bev_65plus", "huishoudens", "woningen", "werkzoekenden")) {
			Document page = Jsoup
				.parse(html.apply("/mechelen/cijfers/indicator/" + indicator + "?niveau=wijk&periode=2024&lang=nl"));
			Element wijkTable = page.select("table:has(caption:contains(2024))").last();
			List<Double> wijken = wijkTable.select("tbody tr td.num").stream().map(td -> belgian(td.text())).toList();
			assertThat(wijken).as(indicator + ": the 12 wijken, none hidden").hasSize(12).doesNotContainNull();
			double sum = wijken.stream().mapToDouble(Double::doubleValue).sum();
			double city = belgian(cityIn2024(page));
			assertThat(sum).as(indicator + " 2024: Σ wijken on the page = the city on the page").isEqualTo(city);
			cities.put(indicator, city);
			sums.put(indicator, sum);
		}
		Document share = Jsoup
			.parse(html.apply("/mechelen/cijfers/indicator/bev_65plus_pct?niveau=wijk&periode=2024&lang=nl"));
		assertThat(belgian(cityIn2024(share))).as("the city's share is the ratio of its sums")
			.isCloseTo(Math.round(1000.0 * cities.get("bev_65plus") / cities.get("bev_totaal")) / 10.0,
					Offset.offset(1e-9));
	}

	/** The city's figure for 2024 in the trend table (its first column of figures). */
	private static String cityIn2024(Document page) {
		Element row = page.select("table:has(caption:contains(Verloop)) tbody tr:has(th:containsOwn(2024))").first();
		return row.select("td.num").first().text();
	}

	/**
	 * A figure as a Dutch page writes it: {@code 86.415}, {@code 20,3}; null when hidden.
	 */
	private static Double belgian(String text) {
		String number = text.replace("\u00a0", " ").replaceAll("[^0-9,.-]", "");
		return number.isEmpty() ? null : Double.valueOf(number.replace(".", "").replace(',', '.'));
	}

	@Test
	void sharesAreThoseOfTheSums() {
		ApiClient editor = ApiClient.as(port, "redacteur.mechelen");
		for (String period : PERIODS) {
			Map<String, Double> old = values(editor, "bev_65plus", "wijk", period);
			Map<String, Double> total = values(editor, "bev_totaal", "wijk", period);
			Map<String, Double> share = values(editor, "bev_65plus_pct", "wijk", period);
			double sumOld = old.values().stream().mapToDouble(Double::doubleValue).sum();
			double sumTotal = total.values().stream().mapToDouble(Double::doubleValue).sum();
			assertThat(values(editor, "bev_65plus_pct", "gemeente", period).get(CITY)).as("the city in " + period)
				.isEqualTo(oneDecimal(100 * sumOld / sumTotal));
			assertThat(share.keySet()).isEqualTo(total.keySet());
			share.forEach((wijk, value) -> assertThat(value).as(wijk + " in " + period)
				.isEqualTo(oneDecimal(100 * old.get(wijk) / total.get(wijk))));
		}
	}

	@Test
	void tinySectorsAreSuppressedForThePublicButNotTheirSums() {
		ApiClient anonymous = ApiClient.anonymous(port);
		String path = "/api/v1/mechelen/stats/observations?indicator=bev_totaal&period=2024&within=" + CITY + "&level=";
		assertThat(anonymous.get(path + "statsec").body()).contains("\"status\":\"suppressed\"");
		assertThat(anonymous.get(path + "wijk").body()).doesNotContain("\"status\":\"suppressed\"");
	}

	@Test
	void theDemoIndicatorsAreMarkedAndTheImportIsInThePlatformsHistory() {
		JsonNode indicators = ApiClient.anonymous(port).get("/api/v1/mechelen/stats/indicators").json();
		for (DemoCatalogue.Entry entry : DemoCatalogue.INDICATORS) {
			JsonNode found = null;
			for (JsonNode i : indicators) {
				if (i.get("code").asString().equals(entry.code())) {
					found = i;
				}
			}
			assertThat(found).as(entry.code()).isNotNull();
			assertThat(found.get("demo").asBoolean()).as(entry.code() + " demo").isTrue();
			assertThat(found.get("platform").asBoolean()).isTrue();
			assertThat(found.get("published").asBoolean()).isTrue();
			assertThat(found.get("aggregation").asString()).isEqualTo(entry.aggregation());
		}
		ApiClient.Response history = ApiClient.as(port, "platformbeheerder").get("/api/v1/platform/stats/imports");
		assertThat(history.status()).as(history.body()).isEqualTo(200);
		JsonNode demo = null;
		for (JsonNode batch : history.json()) {
			if (StatsDemoData.FILE_NAME.equals(batch.get("filename").asString())) {
				demo = batch;
			}
		}
		assertThat(demo).as("the demo import in the platform's history").isNotNull();
		assertThat(demo.get("actor").asString()).isEqualTo(StatsDemoData.ACTOR);
		assertThat(demo.get("format").asString()).isEqualTo("lang");
		assertThat(demo.get("inserted").asLong()).isEqualTo(demo.get("rowCount").asLong()).isGreaterThan(200_000);
	}

	/** The values of an indicator at a level inside Mechelen, by area code; all shown. */
	private static Map<String, Double> values(ApiClient client, String indicator, String level, String period) {
		ApiClient.Response response = client.get("/api/v1/mechelen/stats/observations?indicator=" + indicator
				+ "&level=" + level + "&period=" + period + "&within=" + CITY);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		Map<String, Double> values = new LinkedHashMap<>();
		for (JsonNode cell : response.json()) {
			assertThat(cell.get("status").asString()).as(indicator + " " + cell.get("area").asString()).isEqualTo("ok");
			values.put(cell.get("area").asString(), cell.get("value").asDouble());
		}
		return values;
	}

	private static double oneDecimal(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
