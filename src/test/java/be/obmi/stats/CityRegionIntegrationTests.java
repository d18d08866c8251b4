package be.obmi.stats;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21, acceptance 3: the city-region of Gent on the public site with figures equal
 * to the sum of its municipalities (a count) and the ratio of their sums (a share),
 * computed here with SQL over the stored values (sectors of the centrumsteden,
 * municipalities elsewhere); the same figures on the comparison page beside the city and
 * Flanders; a peer group chosen on the comparison page; a city's redacteur adjusting its
 * own stadsregio (and nobody else).
 */
@ObmiIntegrationTest
class CityRegionIntegrationTests {

	static final String GENT = "44021";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCityRegionOfGentIsTheSumOfItsMunicipalities() {
		List<String> members = members();
		assertThat(members).contains(GENT, "44012", "44013").hasSizeGreaterThan(5);

		Document page = page("/gent/cijfers/stadsregio?indicator=bev_totaal");
		assertThat(page.selectFirst("h1").text()).isEqualTo("Stadsregio Gent");
		Element row = page.selectFirst("#region-table tr[data-indicator=bev_totaal]");
		String period = row.select("td").get(0).text();
		Map<String, Double> total = municipalities("bev_totaal", period);
		Map<String, Double> old = municipalities("bev_65plus", period);
		double regionTotal = members.stream().mapToDouble(total::get).sum();
		assertThat(number(row.selectFirst("td.region").text())).isEqualTo(regionTotal);
		assertThat(number(row.selectFirst("td.city").text())).isEqualTo(total.get(GENT));
		assertThat(number(row.selectFirst("td.flanders").text())).isGreaterThan(regionTotal);

		Element share = page.selectFirst("#region-table tr[data-indicator=bev_65plus_pct]");
		double regionOld = members.stream().mapToDouble(old::get).sum();
		assertThat(number(share.selectFirst("td.region").text())).isEqualTo(oneDecimal(100 * regionOld / regionTotal));
		assertThat(number(share.selectFirst("td.city").text()))
			.isEqualTo(oneDecimal(100 * old.get(GENT) / total.get(GENT)));

		// every municipality, the zones and the whole stadsregio, each from the same
		// values
		for (String member : members) {
			assertThat(number(page.selectFirst("#region-members tr[data-code=" + member + "] td.num").text()))
				.as(member)
				.isEqualTo(total.get(member));
		}
		assertThat(value(page, "zone:stadsregio")).isEqualTo(regionTotal);
		assertThat(value(page, "zone:kernstad")).isEqualTo(total.get(GENT));
		double agglomeration = jdbc.sql("""
				select a.code from stats.area_group g join stats.area_group_member m on m.group_id = g.id
				join stats.area a on a.id = m.area_id
				where g.tenant_id is null and g.code = 'stadsregio-gent' and m.zone in ('kernstad', 'agglomeratie')""")
			.query(String.class)
			.list()
			.stream()
			.mapToDouble(total::get)
			.sum();
		assertThat(value(page, "zone:agglomeratie")).isEqualTo(agglomeration);
		assertThat(value(page, "zone:banlieue")).isEqualTo(regionTotal - agglomeration);
		assertThat(page.text()).contains("standaardsamenstelling");

		// the comparison: the city, its stadsregio and Flanders side by side
		Document comparison = page("/gent/cijfers/vergelijking?indicator=bev_65plus_pct&periode=" + period);
		List<Element> lines = comparison.select("#region-comparison tbody tr");
		assertThat(lines).extracting(e -> e.selectFirst("th").text())
			.containsExactly("Gent", "Stadsregio Gent", "Vlaams Gewest");
		assertThat(number(lines.get(1).selectFirst("td").text())).isEqualTo(oneDecimal(100 * regionOld / regionTotal));

		// English
		assertThat(page("/gent/cijfers/stadsregio?lang=en").selectFirst("h1").text()).isEqualTo("City-region of Gent");
	}

	@Test
	void aPeerGroupIsChosenOnTheComparisonPage() {
		Document page = page("/gent/cijfers/vergelijking?indicator=bev_65plus_pct&groep=grootsteden");
		assertThat(page.select("select#groep option").eachAttr("value")).contains("centrumsteden", "grootsteden",
				"regionale-steden", "kleinsteden");
		assertThat(page.selectFirst("select#groep option[selected]").attr("value")).isEqualTo("grootsteden");
		List<String> names = page.select("#comparison-table tbody th").eachText();
		assertThat(names).hasSize(4);
		assertThat(names.get(0) + names.get(1)).contains("Antwerpen", "Gent");
		assertThat(names.get(2)).isEqualTo("Grootsteden samen");
		assertThat(names.get(3)).isEqualTo("Vlaams Gewest");
		String period = page.selectFirst("select#periode option[selected]").attr("value");
		Map<String, Double> total = municipalities("bev_totaal", period);
		Map<String, Double> old = municipalities("bev_65plus", period);
		double together = oneDecimal(100 * (old.get("11002") + old.get(GENT)) / (total.get("11002") + total.get(GENT)));
		assertThat(number(page.select("#comparison-table tbody tr").get(2).selectFirst("td").text()))
			.isEqualTo(together);

		// without a choice: the 13 centrumsteden as before
		assertThat(page("/gent/cijfers/vergelijking?indicator=bev_65plus_pct").select("#comparison-table tbody tr"))
			.hasSize(14);
	}

	@Test
	void aCitysRedacteurAdjustsItsOwnStadsregioOnly() {
		byte[] file = "gemeente;zone\n44012;agglomeratie\n44045;banlieue\n".getBytes(StandardCharsets.UTF_8);
		assertThat(ApiClient.as(port, "redacteur.mechelen")
			.upload("/api/v1/gent/stats/stadsregio", "regio.csv", file, Map.of())
			.status()).isEqualTo(403);
		assertThat(ApiClient.as(port, "lezer.gent")
			.upload("/api/v1/gent/stats/stadsregio", "regio.csv", file, Map.of())
			.status()).isEqualTo(403);
		ApiClient.Response refused = ApiClient.as(port, "redacteur.gent")
			.upload("/api/v1/gent/stats/stadsregio", "regio.csv",
					"gemeente;zone\n44012;agglomeratie\n99999;banlieue\n44045;stadsrand\n"
						.getBytes(StandardCharsets.UTF_8),
					Map.of());
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("99999").contains("stadsrand");
		assertThat(members()).hasSizeGreaterThan(5);
		try {
			ApiClient.Response adjusted = ApiClient.as(port, "redacteur.gent")
				.upload("/api/v1/gent/stats/stadsregio", "regio.csv", file, Map.of());
			assertThat(adjusted.status()).as(adjusted.body()).isEqualTo(200);
			assertThat(adjusted.json().get("municipalities").asInt()).isEqualTo(3);
			Document page = page("/gent/cijfers/stadsregio?indicator=bev_totaal");
			String period = page.selectFirst("#region-table tr[data-indicator=bev_totaal] td").text();
			Map<String, Double> total = municipalities("bev_totaal", period);
			assertThat(page.text()).contains("zelf aangepast");
			assertThat(page.select("#region-members tbody tr:not(.total)")).hasSize(3);
			assertThat(value(page, "zone:stadsregio"))
				.isEqualTo(total.get(GENT) + total.get("44012") + total.get("44045"));
			// another city's stadsregio is untouched
			assertThat(page("/mechelen/cijfers/stadsregio").text()).contains("standaardsamenstelling");
		}
		finally {
			assertThat(ApiClient.as(port, "redacteur.gent").post("/api/v1/gent/stats/stadsregio/standaard").status())
				.isEqualTo(200);
		}
		assertThat(page("/gent/cijfers/stadsregio").text()).contains("standaardsamenstelling");
	}

	/** The NIS codes of the default stadsregio of Gent. */
	private List<String> members() {
		return jdbc.sql("""
				select a.code from stats.area_group g join stats.area_group_member m on m.group_id = g.id
				join stats.area a on a.id = m.area_id where g.tenant_id is null and g.code = 'stadsregio-gent'""")
			.query(String.class)
			.list();
	}

	/**
	 * A platform indicator's stored values summed per municipality (from sectors or the
	 * municipality).
	 */
	private Map<String, Double> municipalities(String indicator, String period) {
		Map<String, Double> sums = new HashMap<>();
		jdbc.sql("""
				select c.code, sum(o.value) as total from stats.observation o
				join stats.indicator i on i.id = o.indicator_id
				join stats.area s on s.id = o.area_id
				join stats.area_ancestor aa on aa.area_id = s.id
				join stats.area c on c.id = aa.ancestor_id
				where i.code = ? and i.tenant_id is null and o.tenant_id is null and o.breakdown = '' and o.period = ?
				  and s.level in ('statsec', 'gemeente') and c.level = 'gemeente'
				group by c.code""").params(indicator, period).query(rs -> {
			sums.put(rs.getString("code"), rs.getDouble("total"));
		});
		return sums;
	}

	private static double value(Document page, String code) {
		return number(page.selectFirst("#region-members tr[data-code=\"" + code + "\"] td.num").text());
	}

	private Document page(String path) {
		ApiClient.Response response = ApiClient.anonymous(port).get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	/** A number as the Dutch pages show it (1.234,5). */
	static double number(String text) {
		return Double.parseDouble(text.replace(".", "").replace(",", ".").strip());
	}

	static double oneDecimal(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
