package be.obmi.stats;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static be.obmi.stats.CityRegionIntegrationTests.number;
import static be.obmi.stats.CityRegionIntegrationTests.oneDecimal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: series across the 2025 mergers on the new layout — Hasselt with Kortessem,
 * tested on the 2024 reference: the new Hasselt's figure of every period is the sum over
 * the union of the two municipalities' sectors (a count), the ratio of those sums (a
 * share), and no figure for an indicator that is not additive — and projections beside
 * the observed values with their scenario and base year: a city's import (all or nothing,
 * only its redacteur), the page, and the stadsregio's projection as the sum of its
 * municipalities'.
 */
@ObmiIntegrationTest
class MergersAndProjectionsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theNewHasseltIsSummedFromHasseltAndKortessemInEveryPeriod() {
		Document page = page("/hasselt/cijfers/fusies?indicator=bev_totaal");
		assertThat(page.selectFirst("#own-merger").text()).contains("Hasselt", "Kortessem");
		List<Element> rows = page.select("#merger-series tbody tr");
		assertThat(rows).hasSizeGreaterThan(5);
		for (Element row : rows) {
			String period = row.attr("data-period");
			assertThat(number(row.selectFirst("td.num").text())).as(period)
				.isEqualTo(union("bev_totaal", period, "71022", "73040"));
			assertThat(row.select("td").last().text()).isEqualTo("Uit de vroegere gemeenten");
		}
		// every merger of 2025 in the table, Antwerpen with Borsbeek summed as well
		String period = page.selectFirst("select#periode option[selected]").attr("value");
		assertThat(page.select("#mergers-table tbody tr")).hasSize(13);
		assertThat(number(page.selectFirst("#mergers-table tr[data-code=11002] td.num").text()))
			.isEqualTo(union("bev_totaal", period, "11002", "11007"));
		assertThat(page.selectFirst("#mergers-table tr[data-code=71072] td").text()).isEqualTo("71072");

		// a share: the ratio of the summed parts, never a mean of the two shares
		Document share = page("/hasselt/cijfers/fusies?indicator=bev_65plus_pct&periode=" + period);
		assertThat(number(share.selectFirst("#merger-series tr[data-period=" + period + "] td.num").text()))
			.isEqualTo(oneDecimal(100 * union("bev_65plus", period, "71022", "73040")
					/ union("bev_totaal", period, "71022", "73040")));

		// not additive (a survey percentage the source gives per municipality): marked,
		// no figure
		Document survey = page("/hasselt/cijfers/fusies?indicator=GSM_WO_S_14");
		assertThat(survey.text()).contains("niet optelbaar");
		assertThat(survey.select("#merger-series td.num span.not-additive")).isNotEmpty();
		assertThat(survey.select("#merger-series td.num")).allMatch(td -> td.selectFirst(".not-additive") != null);
	}

	@Test
	void projectionsAreShownBesideTheObservedValuesWithScenarioAndBaseYear() {
		String scenario = "testscenario-" + System.nanoTime();
		byte[] bad = ("indicator;gebied;niveau;jaar;waarde;scenario;basisjaar\n" + "bev_totaal;44021;gemeente;2030;"
				+ "270000;" + scenario + ";2023\n" + "bestaat_niet;44021;gemeente;20x0;veel;" + scenario + ";2023\n")
			.getBytes(StandardCharsets.UTF_8);
		ApiClient.Response refused = ApiClient.as(port, "redacteur.gent")
			.upload("/api/v1/gent/stats/projections", "p.csv", bad, Map.of());
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("bestaat_niet").contains("20x0").contains("veel");
		assertThat(count(scenario)).isZero();
		byte[] file = ("indicator;gebied;niveau;jaar;waarde;scenario;basisjaar\n"
				+ "bev_totaal;44021;gemeente;2030;270000;" + scenario + ";2023\n"
				+ "bev_totaal;44021;gemeente;2035;275500;" + scenario + ";2023\n")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(ApiClient.as(port, "lezer.gent")
			.upload("/api/v1/gent/stats/projections", "p.csv", file, Map.of())
			.status()).isEqualTo(403);
		assertThat(ApiClient.anonymous(port).upload("/api/v1/gent/stats/projections", "p.csv", file, Map.of()).status())
			.isIn(401, 403);
		ApiClient.Response imported = ApiClient.as(port, "redacteur.gent")
			.upload("/api/v1/gent/stats/projections", "p.csv", file, Map.of());
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(count(scenario)).isEqualTo(2);
		// importing the same scenario and base year again replaces it
		ApiClient.as(port, "redacteur.gent").upload("/api/v1/gent/stats/projections", "p.csv", file, Map.of());
		assertThat(count(scenario)).isEqualTo(2);

		Document page = page("/gent/cijfers/projecties?indicator=bev_totaal");
		Element city = page.selectFirst("section.projection");
		List<String> headers = city.select("thead th").eachText();
		assertThat(headers).contains("Waargenomen", scenario + " (basisjaar 2023)",
				"hoofdscenario (demo) (basisjaar 2024)");
		int column = headers.indexOf(scenario + " (basisjaar 2023)");
		assertThat(city.selectFirst("tr[data-year=2030]").child(column).text()).isEqualTo("270.000");
		assertThat(city.selectFirst("tr[data-year=2035]").child(column).text()).isEqualTo("275.500");
		assertThat(city.selectFirst("tr[data-year=2024] td.observed").text()).isNotBlank();
		assertThat(city.selectFirst("tr[data-year=2024]").child(column).text()).isEmpty();
		assertThat(city.text()).contains("Demoprojecties");
		// another city does not see Gent's projection
		assertThat(page("/mechelen/cijfers/projecties?indicator=bev_totaal").text()).doesNotContain(scenario);

		// the stadsregio's projection: the sum of its municipalities' (demo scenario)
		Element region = page.select("section.projection").get(1);
		assertThat(region.selectFirst("h2").text()).contains("Stadsregio Gent");
		int demo = region.select("thead th").eachText().indexOf("hoofdscenario (demo) (basisjaar 2024)");
		double expected = jdbc.sql("""
				select sum(p.value) from stats.projection p join stats.indicator i on i.id = p.indicator_id
				where i.code = 'bev_totaal' and p.tenant_id is null and p.scenario = 'hoofdscenario (demo)'
				  and p.period = '2030' and p.area_id in (
				    select m.area_id from stats.area_group g join stats.area_group_member m on m.group_id = g.id
				    where g.tenant_id is null and g.code = 'stadsregio-gent')""").query(Double.class).single();
		assertThat(number(region.selectFirst("tr[data-year=2030]").child(demo).text())).isEqualTo(expected);
	}

	private long count(String scenario) {
		return jdbc.sql("select count(*) from stats.projection where scenario = ?")
			.param(scenario)
			.query(Long.class)
			.single();
	}

	/**
	 * The stored values of a platform indicator over the union of municipalities' areas.
	 */
	private double union(String indicator, String period, String... municipalities) {
		return jdbc
			.sql("""
					select sum(o.value) from stats.observation o join stats.indicator i on i.id = o.indicator_id
					join stats.area s on s.id = o.area_id
					join stats.area_ancestor aa on aa.area_id = s.id
					join stats.area c on c.id = aa.ancestor_id and c.level = 'gemeente'
					where i.code = ? and i.tenant_id is null and o.tenant_id is null and o.breakdown = '' and o.period = ?
					  and s.level in ('statsec', 'gemeente') and c.code in (:codes)"""
				.replace(":codes", "'" + String.join("','", municipalities) + "'"))
			.params(indicator, period)
			.query(Double.class)
			.single();
	}

	private Document page(String path) {
		ApiClient.Response response = ApiClient.anonymous(port).get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

}
