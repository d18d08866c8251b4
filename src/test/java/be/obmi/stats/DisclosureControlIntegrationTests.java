package be.obmi.stats;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 3: a count below its threshold is {@code suppressed} for anonymous users,
 * also where the parent total minus the published siblings would reveal it; editors see
 * the real value, marked confidential.
 */
@ObmiIntegrationTest
class DisclosureControlIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void smallCountsAreSuppressedForAnonymousUsersIncludingBySubtraction() {
		// a deelgemeente of Genk with at least three sectors
		String deelgemeente = jdbc.sql("""
				select d.code from stats.area d join stats.area s on s.parent_id = d.id
				where d.level = 'deelgemeente' and d.code like '71016%' group by d.code having count(*) >= 3
				order by d.code limit 1""").query(String.class).single();
		List<String> sectors = jdbc
			.sql("""
					select s.code from stats.area s join stats.area d on d.id = s.parent_id where d.code = ? and d.level = 'deelgemeente'
					order by s.code""")
			.param(deelgemeente)
			.query(String.class)
			.list();
		StringBuilder csv = new StringBuilder("indicator;gebied;niveau;periode;waarde\n");
		Map<String, Integer> values = new HashMap<>();
		for (int i = 0; i < sectors.size(); i++) {
			int value = i == 0 ? 3 : 40 + 10 * i;
			values.put(sectors.get(i), value);
			csv.append("genk_leefloners;").append(sectors.get(i)).append(";statsec;2024;").append(value).append('\n');
		}
		StatsHttp http = new StatsHttp(port);
		StatsHttp.Response ok = http.upload("genk", "redacteur.genk", "leefloners.csv",
				csv.toString().getBytes(StandardCharsets.UTF_8), true);
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		String query = "/api/v1/genk/stats/observations?indicator=genk_leefloners&level=statsec&period=2024&within=71016";
		// a draft is not public
		assertThat(http.get(query, null).status()).isEqualTo(404);
		assertThat(http.post("/api/v1/genk/stats/indicators/genk_leefloners/published?value=true", "redacteur.genk")
			.status()).isEqualTo(200);

		JsonNode anonymous = http.get(query, null).json();
		Map<String, JsonNode> cells = new HashMap<>();
		anonymous.forEach(c -> cells.put(c.get("area").asString(), c));
		JsonNode small = cells.get(sectors.get(0));
		assertThat(small.get("status").asString()).isEqualTo("suppressed");
		assertThat(small.get("value").isNull()).isTrue();
		assertThat(anonymous.toString()).doesNotContain("\"value\":3.0");
		// secondary: the parent total is published, so one sibling must be suppressed too
		JsonNode parent = http
			.get("/api/v1/genk/stats/observations?indicator=genk_leefloners&level=deelgemeente&period=2024", null)
			.json();
		double total = 0;
		for (JsonNode p : parent) {
			if (p.get("area").asString().equals(deelgemeente)) {
				assertThat(p.get("status").asString()).isEqualTo("ok");
				total = p.get("value").asDouble();
			}
		}
		assertThat(total).isEqualTo(values.values().stream().mapToInt(Integer::intValue).sum());
		double published = 0;
		int suppressed = 0;
		for (String sector : sectors) {
			JsonNode c = cells.get(sector);
			if (c.get("status").asString().equals("ok")) {
				published += c.get("value").asDouble();
			}
			else {
				suppressed++;
			}
		}
		assertThat(suppressed).isGreaterThanOrEqualTo(2);
		assertThat(total - published).isNotEqualTo(3.0);

		// the editor sees the real value, marked confidential
		JsonNode editor = http.get(query, "redacteur.genk").json();
		for (JsonNode c : editor) {
			if (c.get("area").asString().equals(sectors.get(0))) {
				assertThat(c.get("value").asDouble()).isEqualTo(3.0);
				assertThat(c.get("confidential").asBoolean()).isTrue();
			}
		}
		// a lezer of another city is the public
		assertThat(http.get(query, "lezer.kortrijk").body()).doesNotContain("\"value\":3.0");
	}

}
