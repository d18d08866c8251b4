package be.obmi.stats;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import org.assertj.core.data.Offset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figures that add up (issue 12), on the public site of Mechelen with the demo data: a
 * ratio indicator is on the dashboard, the area profiles, the comparison and in the open
 * data as factor × Σnumerator / Σdenominator; the centrumsteden figure of a ratio is the
 * ratio of the 13 cities' sums (not the mean of their ratios) and of a count the mean per
 * city, each labelled as what it is, and suppressed when a city is; an indicator without
 * values is in no public list and its page says so in one line; a tenant's own indicator
 * gets no Flanders or centrumsteden benchmark that would only repeat its own figure. The
 * expected values are computed here with SQL over the stored sector values.
 */
@ObmiIntegrationTest
class StatsFiguresIntegrationTests {

	static final String MECHELEN = "12025";

	static final String PERIOD = "2024";

	static final String CATALOGUE = "code;naam;thema;definitie;eenheid;bron;soort;teller;noemer;factor;aggregatie;"
			+ "decimalen;drempel;gepubliceerd;demo";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRatioIsOnTheDashboardTheProfilesTheComparisonAndTheOpenDataAsTheRatioOfTheSums() {
		Map<String, Double> old = citySums("bev_65plus");
		Map<String, Double> total = citySums("bev_totaal");
		double mechelen = oneDecimal(100 * old.get(MECHELEN) / total.get(MECHELEN));

		Element tile = tile(page("/mechelen/cijfers?thema=Demografie"), "bev_65plus_pct");
		assertThat(number(tile.selectFirst("p.figure > span:not(.unit)").text())).isEqualTo(mechelen);
		assertThat(tile.selectFirst("p.figure .unit").text()).isEqualTo("procent");
		assertThat(tile.selectFirst("p.period").text()).isEqualTo("Mechelen, " + PERIOD);

		Element cityRow = profileRow(page("/mechelen/cijfers/gebied/gemeente/" + MECHELEN), "bev_65plus_pct");
		assertThat(number(cityRow.selectFirst("td[data-label=\"Mechelen\"]").text())).isEqualTo(mechelen);
		assertThat(cityRow.select("td").last().text()).isEqualTo(PERIOD);

		String wijk = jdbc
			.sql("select code from stats.area where level = 'wijk' and code like '" + MECHELEN + "%' order by code")
			.query(String.class)
			.list()
			.getFirst();
		Document wijkProfile = page("/mechelen/cijfers/gebied/wijk/" + wijk);
		String wijkName = wijkProfile.select("table.profile thead th").get(1).text();
		Element wijkRow = profileRow(wijkProfile, "bev_65plus_pct");
		assertThat(number(wijkRow.selectFirst("td[data-label=\"" + wijkName + "\"]").text()))
			.isEqualTo(oneDecimal(100 * wijkValue("bev_65plus", wijk) / wijkValue("bev_totaal", wijk)));
		assertThat(number(wijkRow.selectFirst("td[data-label=\"Mechelen\"]").text())).isEqualTo(mechelen);

		// every centrumstad in the comparison, Mechelen's row marked as its own
		Document comparison = page("/mechelen/cijfers/vergelijking?indicator=bev_65plus_pct&periode=" + PERIOD);
		assertThat(comparison.selectFirst("select#indicator option[selected]").attr("value"))
			.isEqualTo("bev_65plus_pct");
		Map<String, String> nisBySlug = centrumsteden();
		int cities = 0;
		for (Element row : comparison.select("table tbody tr")) {
			Element link = row.selectFirst("th a");
			if (link != null) {
				String nis = nisBySlug.get(link.attr("href").split("/")[1]);
				assertThat(number(row.selectFirst("td").text())).as(link.text())
					.isEqualTo(oneDecimal(100 * old.get(nis) / total.get(nis)));
				cities++;
			}
		}
		assertThat(cities).isEqualTo(13);
		assertThat(number(comparison.selectFirst("tr.own td").text())).isEqualTo(mechelen);

		// open data: listed, and the indicator's table with its unit and decimals
		assertThat(page("/mechelen/cijfers/open-data").select("a[href$=\"/cijfers/indicator/bev_65plus_pct\"]"))
			.isNotEmpty();
		assertThat(ApiClient.anonymous(port).get("/mechelen/cijfers/catalogus.ttl").body())
			.contains("/mechelen/cijfers/datasets/bev_65plus_pct>");
		JsonNode cube = ApiClient.anonymous(port)
			.get("/api/v1/mechelen/stats/indicators/bev_65plus_pct/data?level=gemeente&format=jsonstat")
			.json();
		assertThat(cube.at("/extension/decimals").asInt()).isEqualTo(1);
		assertThat(cube.at("/extension/unit").asString()).isEqualTo("procent");
		int area = position(cube.at("/dimension/gebied/category/index"), MECHELEN);
		int period = position(cube.at("/dimension/periode/category/index"), PERIOD);
		int periods = cube.at("/size/1").asInt();
		assertThat(cube.at("/value/" + (area * periods + period)).asDouble()).isEqualTo(mechelen);
		JsonNode all = ApiClient.anonymous(port)
			.get("/api/v1/mechelen/stats/data?level=gemeente&format=jsonstat&from=" + PERIOD)
			.json();
		assertThat(all.at("/dimension/indicator/category/unit/bev_65plus_pct/decimals").asInt()).isEqualTo(1);
		assertThat(all.at("/dimension/indicator/category/unit/bev_65plus_pct/label").asString()).isEqualTo("procent");
	}

	@Test
	void theCentrumstedenFigureOfARatioIsTheRatioOfTheirSumsAndOfACountTheMeanPerCity() {
		Map<String, Double> old = citySums("bev_65plus");
		Map<String, Double> total = citySums("bev_totaal");
		assertThat(total).hasSize(13);
		double pooled = oneDecimal(100 * old.values().stream().mapToDouble(Double::doubleValue).sum()
				/ total.values().stream().mapToDouble(Double::doubleValue).sum());
		double unweighted = oneDecimal(total.keySet()
			.stream()
			.mapToDouble(nis -> oneDecimal(100 * old.get(nis) / total.get(nis)))
			.average()
			.orElseThrow());
		assertThat(pooled).as("the ratio of the sums is not the mean of the ratios").isNotEqualTo(unweighted);

		Map<String, String> ratio = compare(tile(page("/mechelen/cijfers?thema=Demografie"), "bev_65plus_pct"));
		assertThat(ratio).containsOnlyKeys("Vlaanderen", "Centrumsteden samen");
		assertThat(number(ratio.get("Centrumsteden samen"))).isEqualTo(pooled);
		Map<String, String> trend = trendRow(page("/mechelen/cijfers/indicator/bev_65plus_pct"), PERIOD);
		assertThat(number(trend.get("Centrumsteden samen"))).isEqualTo(pooled);
		assertThat(number(trend.get("Mechelen"))).isEqualTo(oneDecimal(100 * old.get(MECHELEN) / total.get(MECHELEN)));
		assertThat(trend).containsKey("Vlaams Gewest");

		double mean = total.values().stream().mapToDouble(Double::doubleValue).sum() / 13;
		Map<String, String> count = compare(tile(page("/mechelen/cijfers?thema=Demografie"), "bev_totaal"));
		assertThat(count).containsOnlyKeys("Vlaanderen", "Gemiddelde per centrumstad");
		assertThat(number(count.get("Gemiddelde per centrumstad"))).isCloseTo(mean, Offset.offset(0.5));
		assertThat(compare(tile(page("/mechelen/cijfers?thema=Demografie&lang=en"), "bev_totaal")))
			.containsOnlyKeys("Flanders", "Average per central city");
		assertThat(compare(tile(page("/mechelen/cijfers?thema=Demografie&lang=en"), "bev_65plus_pct")))
			.containsOnlyKeys("Flanders", "Central cities combined");
	}

	@Test
	void theCentrumstedenFigureIsSuppressedWhenACityIs() {
		ApiClient admin = ApiClient.as(port, "platformbeheerder");
		byte[] catalogue = catalogue(
				"fig_klein;Figurentest klein;Figurentest;;personen;test;registered;;;1;sum;0;5;ja;nee",
				"fig_klein_pct;Figurentest klein aandeel;Figurentest;;procent;test;registered;fig_klein;bev_totaal;100;ratio;2;0;ja;nee");
		assertThat(admin.upload("/api/v1/platform/stats/catalogue", "figuren.csv", catalogue, Map.of()).status())
			.isEqualTo(200);
		StringBuilder values = new StringBuilder("indicator;gebied;niveau;periode;waarde\n");
		centrumsteden().values()
			.forEach(nis -> values.append("fig_klein;")
				.append(nis)
				.append(";gemeente;")
				.append(PERIOD)
				.append(";")
				.append(nis.equals(MECHELEN) ? 3 : 100)
				.append('\n'));
		ApiClient.Response imported = admin.upload("/api/v1/platform/stats/import", "figuren.csv",
				csv(values.toString()), Map.of());
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);

		Document dashboard = page("/mechelen/cijfers?thema=Figurentest");
		Element count = tile(dashboard, "fig_klein");
		assertThat(count.selectFirst("p.figure").text()).contains("geheim");
		assertThat(compare(count)).containsEntry("Gemiddelde per centrumstad", "geheim");
		assertThat(compare(tile(dashboard, "fig_klein_pct"))).containsEntry("Centrumsteden samen", "geheim");
	}

	@Test
	void anIndicatorWithoutValuesIsInNoPublicListAndItsPageSaysSo() {
		String empty = jdbc.sql("""
				select code from stats.indicator i where tenant_id is null and published and code like 'GSM%'
				and not exists (select 1 from stats.observation o where o.indicator_id = i.id) order by code limit 1""")
			.query(String.class)
			.single();
		String theme = jdbc.sql("select theme from stats.indicator where tenant_id is null and code = ?")
			.param(empty)
			.query(String.class)
			.single();
		ApiClient editor = ApiClient.as(port, "redacteur.mechelen");
		byte[] catalogue = catalogue(
				"fig_leeg_mechelen;Nog zonder cijfers;Demografie;;personen;test;registered;;;1;sum;0;5;ja;nee");
		assertThat(editor.upload("/api/v1/mechelen/stats/catalogue", "leeg.csv", catalogue, Map.of()).status())
			.isEqualTo(200);

		for (String code : List.of(empty, "fig_leeg_mechelen")) {
			String link = "a[href$=\"/cijfers/indicator/" + code + "\"]";
			Document dashboard = page("/mechelen/cijfers?thema=" + URLEncoder.encode(theme, StandardCharsets.UTF_8));
			assertThat(dashboard.select(link)).as(code + " on the dashboard").isEmpty();
			assertThat(page("/mechelen/cijfers").select(link)).as(code + " on the dashboard").isEmpty();
			assertThat(page("/mechelen/cijfers/open-data").select(link)).as(code + " in open data").isEmpty();
			assertThat(page("/mechelen/cijfers/vergelijking").select("option[value=\"" + code + "\"]"))
				.as(code + " in the comparison")
				.isEmpty();
			assertThat(ApiClient.anonymous(port).get("/mechelen/cijfers/catalogus.ttl").body()).as(code + " in DCAT")
				.doesNotContain("/datasets/" + code + ">");
			assertThat(ApiClient.anonymous(port).get("/mechelen/cijfers/catalogus.jsonld").body()).as(code + " in DCAT")
				.doesNotContain("/datasets/" + code + "\"");
			assertThat(ApiClient.anonymous(port)
				.get("/api/v1/mechelen/stats/data?level=gemeente&format=csv&from=" + PERIOD)
				.body()).as(code + " in the export of all indicators").doesNotContain(code).contains("bev_65plus_pct");

			ApiClient.Response direct = ApiClient.anonymous(port).get("/mechelen/cijfers/indicator/" + code);
			assertThat(direct.status()).isEqualTo(200);
			Document page = Jsoup.parse(direct.body());
			assertThat(page.select("main p").eachText()).contains("Voor deze indicator zijn er nog geen cijfers.");
			assertThat(page.select("#trend-chart, #map, table")).isEmpty();
			assertThat(page("/mechelen/cijfers/indicator/" + code + "?lang=en").select("main p").eachText())
				.contains("There are no figures for this indicator yet.");
		}
		assertThat(ApiClient.anonymous(port).get("/cijfers/catalogus.ttl").body())
			.doesNotContain("/datasets/" + empty + ">")
			.contains("/cijfers/datasets/bev_65plus_pct>");
	}

	@Test
	void aTenantsOwnIndicatorWithValuesOnlyInTheTenantHasNoBenchmark() {
		ApiClient editor = ApiClient.as(port, "redacteur.mechelen");
		byte[] catalogue = catalogue(
				"fig_eigen;Eigen telling;Eigenfiguren;;deelnemers;Stad Mechelen;registered;;;1;sum;0;0;ja;nee",
				"fig_eigen_pm;Eigen telling per 1000 inwoners;Eigenfiguren;;per 1000 inwoners;Stad Mechelen;registered;fig_eigen;bev_totaal;1000;ratio;1;0;ja;nee");
		assertThat(editor.upload("/api/v1/mechelen/stats/catalogue", "eigen.csv", catalogue, Map.of()).status())
			.isEqualTo(200);
		List<String> wijken = jdbc
			.sql("select code from stats.area where level = 'wijk' and code like '" + MECHELEN + "%' order by code")
			.query(String.class)
			.list();
		StringBuilder values = new StringBuilder("indicator;gebied;niveau;periode;waarde\n");
		for (String period : List.of("2023", PERIOD)) {
			for (String wijk : wijken) {
				values.append("fig_eigen;").append(wijk).append(";wijk;").append(period).append(";40\n");
			}
		}
		ApiClient.Response imported = editor.upload("/api/v1/mechelen/stats/import", "eigen.csv",
				csv(values.toString()), Map.of());
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);

		Document dashboard = page("/mechelen/cijfers?thema=Eigenfiguren");
		for (String code : List.of("fig_eigen", "fig_eigen_pm")) {
			Element tile = tile(dashboard, code);
			assertThat(tile.selectFirst("p.figure").text()).as(code).isNotBlank().doesNotContain("geen gegevens");
			assertThat(compare(tile)).as(code + ": no benchmark").isEmpty();
			Map<String, String> trend = trendRow(page("/mechelen/cijfers/indicator/" + code), PERIOD);
			assertThat(trend).as(code).containsOnlyKeys("Periode", "Mechelen");
			Element row = profileRow(page("/mechelen/cijfers/gebied/gemeente/" + MECHELEN), code);
			assertThat(row.selectFirst("td[data-label=\"Vlaams Gewest\"]").text()).as(code).isEqualTo("geen gegevens");
		}
		assertThat(number(tile(dashboard, "fig_eigen").selectFirst("p.figure > span:not(.unit)").text()))
			.isEqualTo(40.0 * wijken.size());
		// the platform's own indicators keep theirs
		assertThat(compare(tile(page("/mechelen/cijfers?thema=Demografie"), "bev_totaal"))).hasSize(2);
	}

	private Document page(String path) {
		ApiClient.Response response = ApiClient.anonymous(port).get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	private static Element tile(Document dashboard, String code) {
		Element tile = dashboard.selectFirst("li.tile:has(a[href$=\"/cijfers/indicator/" + code + "\"])");
		assertThat(tile).as("the tile of " + code).isNotNull();
		return tile;
	}

	/** The benchmarks of a tile: label → shown text. */
	private static Map<String, String> compare(Element tile) {
		Map<String, String> shown = new LinkedHashMap<>();
		for (Element dt : tile.select("dl.compare dt")) {
			shown.put(dt.text(), dt.nextElementSibling().text());
		}
		return shown;
	}

	private static Element profileRow(Document profile, String code) {
		Element row = profile.selectFirst("table.profile tr:has(a[href$=\"/cijfers/indicator/" + code + "\"])");
		assertThat(row).as("the profile row of " + code).isNotNull();
		return row;
	}

	/** One row of the trend table of an indicator page: column header → shown text. */
	private static Map<String, String> trendRow(Document page, String period) {
		Element table = page.selectFirst("table.responsive");
		List<String> headers = table.select("thead th").eachText();
		for (Element row : table.select("tbody tr")) {
			if (row.selectFirst("th").text().equals(period)) {
				Map<String, String> cells = new LinkedHashMap<>();
				cells.put(headers.get(0), period);
				List<Element> tds = row.select("td");
				for (int i = 0; i < tds.size(); i++) {
					cells.put(headers.get(i + 1), tds.get(i).text());
				}
				return cells;
			}
		}
		throw new AssertionError("no row " + period);
	}

	/** The stored sector values of a platform indicator summed per centrumstad. */
	private Map<String, Double> citySums(String indicator) {
		Map<String, Double> sums = new HashMap<>();
		jdbc.sql("""
				select c.code, sum(o.value) as total from stats.observation o
				join stats.indicator i on i.id = o.indicator_id
				join stats.area s on s.id = o.area_id
				join stats.area_ancestor aa on aa.area_id = s.id
				join stats.area c on c.id = aa.ancestor_id
				where i.code = ? and i.tenant_id is null and o.tenant_id is null and o.breakdown = '' and o.period = ?
				  and s.level = 'statsec' and c.level = 'gemeente'
				  and c.code in (select nis_code from tenancy.tenant where centrumstad)
				group by c.code""").params(indicator, PERIOD).query(rs -> {
			sums.put(rs.getString("code"), rs.getDouble("total"));
		});
		return sums;
	}

	private double wijkValue(String indicator, String wijk) {
		return jdbc.sql("""
				select o.value from stats.observation o join stats.indicator i on i.id = o.indicator_id
				join stats.area a on a.id = o.area_id
				where i.code = ? and i.tenant_id is null and o.tenant_id is null and o.breakdown = '' and o.period = ?
				  and a.level = 'wijk' and a.code = ?""").params(indicator, PERIOD, wijk).query(Double.class).single();
	}

	/** The centrumsteden: slug → NIS code. */
	private Map<String, String> centrumsteden() {
		Map<String, String> cities = new LinkedHashMap<>();
		jdbc.sql("select slug, nis_code from tenancy.tenant where centrumstad order by slug").query(rs -> {
			cities.put(rs.getString("slug"), rs.getString("nis_code"));
		});
		return cities;
	}

	/** The position of a category in a JSON-stat index (an array or an object). */
	private static int position(JsonNode index, String code) {
		if (index.isObject()) {
			return index.get(code).asInt();
		}
		for (int i = 0; i < index.size(); i++) {
			if (index.get(i).asString().equals(code)) {
				return i;
			}
		}
		throw new AssertionError(code + " not in " + index);
	}

	/** A number as the Dutch pages show it (1.234,5). */
	private static double number(String text) {
		return Double.parseDouble(text.replace(".", "").replace(",", ".").strip());
	}

	private static double oneDecimal(double value) {
		return Math.round(value * 10) / 10.0;
	}

	/** A catalogue file with these rows. */
	private static byte[] catalogue(String... rows) {
		return csv(CATALOGUE + "\n" + String.join("\n", rows) + "\n");
	}

	private static byte[] csv(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
