package be.obmi.stats;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The area report (issue 12) on Mechelen's public site with the demo data: its values are
 * the API's for the area, a count's share is the API's value of its percentage, each
 * index is 100 × the area's share / the benchmark's (computed here from the API's
 * values); suppressed counts are suppressed in the report with every share and index that
 * rests on them; the PDF has several pages with the city's name, the date made and the
 * sources.
 */
@ObmiIntegrationTest
class AreaReportIntegrationTests {

	static final String MECHELEN = "12025";

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String CATALOGUE = "code;naam;thema;definitie;eenheid;bron;soort;teller;noemer;factor;aggregatie;"
			+ "decimalen;drempel;gepubliceerd;demo";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theReportShowsTheApisValuesSharesAndIndexesForAWijk() {
		String wijk = firstWijk();
		Document report = page("/mechelen/cijfers/gebied/wijk/" + wijk);
		Element count = row(report, "bev_65plus");
		String period = count.select("td").last().text();

		double wijkCount = api("bev_65plus", "wijk", period, wijk);
		assertThat(number(cell(count, "value"))).isEqualTo(wijkCount);
		assertThat(number(cell(count, "city"))).isEqualTo(api("bev_65plus", "gemeente", period, MECHELEN));
		double wijkShare = api("bev_65plus_pct", "wijk", period, wijk);
		double cityShare = api("bev_65plus_pct", "gemeente", period, MECHELEN);
		double flandersShare = api("bev_65plus_pct", "gewest", period, "02000");
		assertThat(number(cell(count, "share"))).isEqualTo(wijkShare);
		// the share is the percentage of the wijk's own counts, computed independently
		assertThat(wijkShare).isEqualTo(Math.round(1000 * wijkCount / api("bev_totaal", "wijk", period, wijk)) / 10.0);
		assertThat(number(cell(count, "index-city"))).isEqualTo((double) Math.round(100 * wijkShare / cityShare));
		assertThat(number(cell(count, "index-flanders")))
			.isEqualTo((double) Math.round(100 * wijkShare / flandersShare));
		assertThat(cell(count, "index-centrumsteden")).isNotBlank().isNotEqualTo("n.v.t.");

		// a ratio is its own share; its indexes are the same as its count's
		Element ratio = row(report, "bev_65plus_pct");
		assertThat(number(cell(ratio, "value"))).isEqualTo(wijkShare);
		assertThat(number(cell(ratio, "share"))).isEqualTo(wijkShare);
		assertThat(cell(ratio, "index-city")).isEqualTo(cell(count, "index-city"));

		// a count without a percentage has neither share nor index
		Element inhabitants = row(report, "bev_totaal");
		assertThat(number(cell(inhabitants, "value"))).isEqualTo(api("bev_totaal", "wijk", period, wijk));
		assertThat(cell(inhabitants, "share")).isEqualTo("n.v.t.");
		assertThat(cell(inhabitants, "index-city")).isEqualTo("n.v.t.");

		// breadcrumbs, the locator map of the wijk, a chart per figure
		assertThat(report.select("nav.breadcrumbs a").eachText()).contains("Mechelen");
		assertThat(report.selectFirst(".locator-map").attr("data-highlight")).isEqualTo(wijk);
		assertThat(report.select("[data-report-chart]")).hasSize(report.select("table.profile tbody tr").size());

		// the city's own report: every index against the city is 100
		Document city = page("/mechelen/cijfers/gebied/gemeente/" + MECHELEN);
		assertThat(cell(row(city, "bev_65plus_pct"), "index-city")).isEqualTo("100");
		assertThat(number(cell(row(city, "bev_65plus_pct"), "value"))).isEqualTo(cityShare);
	}

	@Test
	void aSectorReportNamesItsDeelgemeente() {
		String[] sector = jdbc
			.sql("""
					select s.code, d.name from stats.area s join stats.area d on d.id = s.parent_id
					where s.level = 'statsec' and d.level = 'deelgemeente' and s.code like '12025%' order by s.code limit 1""")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();
		Document report = page("/mechelen/cijfers/gebied/statsec/" + sector[0]);
		assertThat(report.selectFirst(".report-location a").text()).isEqualTo(sector[1]);
		assertThat(report.select("nav.breadcrumbs a").eachText()).containsSubsequence("Mechelen", sector[1]);
		assertThat(report.selectFirst(".report-location").text()).contains("koppelen statistische sectoren niet");
	}

	@Test
	void suppressedCountsAreSuppressedInTheReportWithTheirSharesAndIndexes() {
		String deelgemeente = jdbc.sql("""
				select d.code from stats.area d join stats.area s on s.parent_id = d.id
				where d.level = 'deelgemeente' and d.code like '12025%' group by d.code having count(*) >= 3
				order by d.code limit 1""").query(String.class).single();
		List<String> sectors = jdbc.sql("""
				select s.code from stats.area s join stats.area d on d.id = s.parent_id
				where d.code = ? and d.level = 'deelgemeente' order by s.code""")
			.param(deelgemeente)
			.query(String.class)
			.list();
		ApiClient editor = ApiClient.as(port, "redacteur.mechelen");
		byte[] catalogue = (CATALOGUE + "\n"
				+ "rap_klein;Rapporttest leefloners;Rapporttest;;personen;Stad Mechelen, rapporttest;registered;;;1;sum;0;5;ja;nee\n"
				+ "rap_klein_pct;Rapporttest leefloners aandeel;Rapporttest;;procent;Stad Mechelen, rapporttest;registered;rap_klein;bev_totaal;100;ratio;2;0;ja;nee\n")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(editor.upload("/api/v1/mechelen/stats/catalogue", "rapport.csv", catalogue, Map.of()).status())
			.isEqualTo(200);
		StringBuilder values = new StringBuilder("indicator;gebied;niveau;periode;waarde\n");
		for (int i = 0; i < sectors.size(); i++) {
			values.append("rap_klein;")
				.append(sectors.get(i))
				.append(";statsec;2024;")
				.append(i == 0 ? 3 : 40 + 10 * i)
				.append('\n');
		}
		ApiClient.Response imported = editor.upload("/api/v1/mechelen/stats/import", "rapport.csv",
				values.toString().getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);

		List<String> suppressed = new ArrayList<>();
		for (JsonNode c : ApiClient.anonymous(port)
			.get("/api/v1/mechelen/stats/observations?indicator=rap_klein&level=statsec&period=2024&within=" + MECHELEN)
			.json()) {
			if ("suppressed".equals(c.get("status").asString())) {
				suppressed.add(c.get("area").asString());
			}
		}
		assertThat(suppressed).as("primary and secondary").contains(sectors.get(0)).hasSizeGreaterThanOrEqualTo(2);
		for (String code : suppressed) {
			Document report = page("/mechelen/cijfers/gebied/statsec/" + code);
			for (String indicator : List.of("rap_klein", "rap_klein_pct")) {
				Element row = row(report, indicator);
				for (String column : List.of("value", "share", "index-city", "index-flanders", "index-centrumsteden")) {
					String text = cell(row, column);
					assertThat(text).as(code + " " + indicator + " " + column).isIn("geheim", "n.v.t.");
				}
				assertThat(cell(row, "value")).isEqualTo("geheim");
				assertThat(cell(row, "share")).isEqualTo("geheim");
				assertThat(cell(row, "index-city")).isEqualTo("geheim");
			}
			// nor in the trend tables or the charts' data (the area's column and line)
			for (Element trend : report.select("li.report-trend:has(h3:containsOwn(Rapporttest))")) {
				assertThat(trend.select("tbody tr > td:nth-of-type(1)").eachText())
					.allMatch(t -> t.equals("geheim") || t.equals("geen gegevens"));
				JsonNode chart = JSON.readTree(trend.selectFirst("[data-report-chart]").attr("data-report-chart"));
				chart.at("/series/0/values").forEach(v -> assertThat(v.asString()).isEqualTo("-"));
			}
			String pdf = pdfText("/mechelen/cijfers/gebied/statsec/" + code + "/pdf");
			assertThat(pdf).contains("Rapporttest leefloners").contains("geheim");
		}
		// the deelgemeente's total is published, with its share and index
		Element total = row(page("/mechelen/cijfers/gebied/deelgemeente/" + deelgemeente), "rap_klein");
		assertThat(cell(total, "value")).isNotEqualTo("geheim");
		assertThat(cell(total, "index-city")).isNotEqualTo("geheim");
	}

	@Test
	void thePdfHasSeveralPagesWithTheCityTheDateAndTheSources() throws IOException {
		String wijk = firstWijk();
		byte[] pdf = bytes("/mechelen/cijfers/gebied/wijk/" + wijk + "/pdf");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isGreaterThan(1);
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			String made = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
				.withLocale(Locale.forLanguageTag("nl-BE"))
				.format(LocalDate.now(ZoneId.of("Europe/Brussels")));
			assertThat(text).contains("Mechelen").contains("Gemaakt op " + made);
			String source = jdbc
				.sql("select source from stats.indicator where code = 'bev_totaal' and tenant_id is null")
				.query(String.class)
				.single();
			assertThat(text).contains("Bron: " + source);
			assertThat(text).contains("Index Mechelen").contains("1 / " + document.getNumberOfPages());
		}
	}

	private String firstWijk() {
		return jdbc
			.sql("select code from stats.area where level = 'wijk' and code like '" + MECHELEN + "%' order by code")
			.query(String.class)
			.list()
			.getFirst();
	}

	/** The API's value of one area: ok values only. */
	private double api(String indicator, String level, String period, String area) {
		String within = "gewest".equals(level) ? "" : "&within=" + MECHELEN;
		for (JsonNode c : ApiClient.anonymous(port)
			.get("/api/v1/mechelen/stats/observations?indicator=" + indicator + "&level=" + level + "&period=" + period
					+ within)
			.json()) {
			if (c.get("area").asString().equals(area)) {
				assertThat(c.get("status").asString()).as(indicator + " " + area).isEqualTo("ok");
				return c.get("value").asDouble();
			}
		}
		throw new AssertionError(indicator + ": no value for " + area);
	}

	private Document page(String path) {
		ApiClient.Response response = ApiClient.anonymous(port).get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	private static Element row(Document report, String code) {
		Element row = report.selectFirst("table.profile tr[data-indicator=" + code + "]");
		assertThat(row).as("the row of " + code).isNotNull();
		return row;
	}

	/** A cell's shown text without its unit. */
	private static String cell(Element row, String column) {
		Element cell = row.selectFirst("td[data-column=" + column + "]");
		assertThat(cell).as(column).isNotNull();
		Element copy = cell.clone();
		copy.select(".unit").remove();
		return copy.text();
	}

	/** A number as the Dutch pages show it (1.234,5). */
	private static double number(String text) {
		return Double.parseDouble(text.replace(".", "").replace(",", ".").strip());
	}

	private byte[] bytes(String path) {
		try {
			HttpResponse<byte[]> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
						HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String pdfText(String path) {
		try (PDDocument document = Loader.loadPDF(bytes(path))) {
			return new PDFTextStripper().getText(document);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
