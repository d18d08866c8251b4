package be.obmi.hostile;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, point 9 (partly): out-of-range values get a clear Dutch refusal, never a 500
 * — numbers that overflow or underflow to 0 in a statistics import, a round with a year
 * outside 1900–2200 or a deadline before its reference date, and a value the database
 * itself refuses (too long for its column).
 */
@ObmiIntegrationTest
class ValueBoundsHostileInputIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void numbersThatOverflowOrUnderflowAreRefusedWithRowAndColumn() {
		ApiClient editor = ApiClient.as(port, "redacteur.leuven");
		for (String value : new String[] { "1e-400", "1e400", "NaN", "Infinity", "0,000…1" }) {
			ApiClient.Response response = editor.upload("/api/v1/leuven/stats/import?createIndicators=true", "b.csv",
					("indicator;gebied;niveau;periode;waarde\nbereik_proef;24062;gemeente;2024;" + value + "\n")
						.getBytes(StandardCharsets.UTF_8),
					Map.of());
			assertThat(response.status()).as(value + ": " + response.body()).isEqualTo(422);
			assertThat(response.body()).contains("\"row\":2").contains("waarde");
		}
		assertThat(
				jdbc.sql("select count(*) from stats.indicator where code = 'bereik_proef'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aRoundOutsideTheCenturiesOrWithADeadlineBeforeItsReferenceDateIsRefused() {
		PageSession editor = PageSession.login(port, "redacteur.leuven");
		String csrf = editor.csrf("/leuven/plan/rondes");
		long before = jdbc.sql("select count(*) from plan.status_round").query(Long.class).single();
		for (String dates : new String[] { "referenceDate=99999-06-30&deadline=99999-07-31",
				"referenceDate=1850-06-30&deadline=1850-07-31", "referenceDate=2026-06-30&deadline=2026-05-01" }) {
			var response = editor.post("/leuven/plan/rondes", "name=Bereik&" + dates + "&scope=ALL&_csrf=" + csrf);
			assertThat(response.statusCode()).as(dates).isIn(302, 400);
			if (response.statusCode() == 302) {
				assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/leuven/plan/rondes");
			}
		}
		assertThat(jdbc.sql("select count(*) from plan.status_round").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aValueTheDatabaseRefusesIsA400InDutchNotA500() {
		PageSession editor = PageSession.login(port, "redacteur.leuven");
		String csrf = editor.csrf("/leuven/plan/rondes");
		var response = editor.post("/leuven/plan/rondes",
				"name=" + "x".repeat(5000) + "&referenceDate=2026-06-30&deadline=2026-07-31&scope=ALL&_csrf=" + csrf);
		assertThat(response.statusCode()).isIn(302, 400);
		ApiClient api = ApiClient.as(port, "redacteur.leuven");
		String longName = "n".repeat(400);
		ApiClient.Response catalogue = api.upload("/api/v1/leuven/stats/catalogue", "c.csv",
				("code;naam\nte_lang_proef;" + longName + "\n").getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(catalogue.status()).as(catalogue.body()).isIn(400, 422);
	}

}
