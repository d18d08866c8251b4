package be.obmi.stats;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Municipalities;
import be.obmi.tenancy.Municipality;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import java.math.BigDecimal;

/**
 * Acceptance 1 and 2 of the stats issue: a Swing upload file with municipal crime figures
 * 2011–2019 for all 321 codes (319 municipalities + 99991 + 99992) and an unnamed index
 * column imports into the platform scope, and the read API returns exactly the file's
 * values; the same file with one corrupted value is refused with row and column, and
 * nothing changes.
 */
@ObmiIntegrationTest
class SwingImportIntegrationTests {

	static final String[] INDICATORS = { "swing_diefstal_afpersing", "swing_woninginbraak", "swing_geweld_personen",
			"swing_misdrijven_per_1000" };

	@LocalServerPort
	int port;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	/** The file's cell text per code|year|indicator. */
	final Map<String, String> cells = new HashMap<>();

	byte[] swingFile(String corruptKey) {
		List<String> codes = new ArrayList<>(
				municipalities.all().stream().map(Municipality::nisCode).sorted().toList());
		codes.add("99991");
		codes.add("99992");
		assertThat(codes).hasSize(321);
		StringBuilder csv = new StringBuilder(",period,geolevel,geoitem," + String.join(",", INDICATORS) + ",\n");
		int index = 0;
		for (int year = 2011; year <= 2019; year++) {
			for (String code : codes) {
				csv.append(index++).append(',').append(year).append(",gemeente,").append(code);
				for (int i = 0; i < INDICATORS.length; i++) {
					long seed = Long.parseLong(code) * 31 + year * 7L + i * 13L;
					String value;
					if (seed % 97 == 0) {
						value = "-99999";
					}
					else if (seed % 89 == 0) {
						value = "-99997";
					}
					else if (i == 3) {
						value = String.valueOf((seed % 9000) / 100.0);
					}
					else {
						value = String.valueOf(seed % 1500);
					}
					String key = code + "|" + year + "|" + INDICATORS[i];
					cells.put(key, value);
					csv.append(',').append(key.equals(corruptKey) ? value + "x" : value);
				}
				csv.append(",\n");
			}
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void swingFileImportsIntoThePlatformAndTheApiReturnsExactlyItsValues() {
		StatsHttp http = new StatsHttp(port);
		byte[] file = swingFile(null);

		// acceptance 2 first on the untouched database: a corrupted value is refused with
		// row and column
		byte[] corrupted = swingFile("44021|2015|swing_woninginbraak");
		StatsHttp.Response refused = http.upload("platform", "platformbeheerder", "misdrijven-fout.csv", corrupted,
				true);
		assertThat(refused.status()).isEqualTo(422);
		JsonNode error = refused.json().get("errors").get(0);
		assertThat(refused.json().get("errors")).hasSize(1);
		assertThat(error.get("column").asString()).isEqualTo("swing_woninginbraak");
		int gentRow = rowOf(corrupted, ",2015,gemeente,44021,");
		assertThat(error.get("row").asLong()).isEqualTo(gentRow);
		assertThat(error.get("message").asString()).contains("geen getal");
		assertThat(
				jdbc.sql("select count(*) from stats.indicator where code like 'swing_%'").query(Long.class).single())
			.isZero();

		StatsHttp.Response ok = http.upload("platform", "platformbeheerder", "misdrijven-2011-2019.csv", file, true);
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		JsonNode summary = ok.json();
		assertThat(summary.get("rows").asInt()).isEqualTo(321 * 9 * 4);
		assertThat(summary.get("inserted").asInt()).isEqualTo(321 * 9 * 4);
		assertThat(summary.get("createdIndicators")).hasSize(4);
		assertThat(summary.get("warnings").toString()).contains("geen naam");
		long importId = summary.get("importId").asLong();

		assertApiReturnsFileValues(http);

		// the corrupted file again, now that data exists: refused, nothing changes
		long before = observationCount();
		StatsHttp.Response refusedAgain = http.upload("platform", "platformbeheerder", "misdrijven-fout.csv", corrupted,
				true);
		assertThat(refusedAgain.status()).isEqualTo(422);
		assertThat(refusedAgain.json().get("errors").get(0).get("row").asLong()).isEqualTo(gentRow);
		assertThat(observationCount()).isEqualTo(before);
		assertThat(jdbc.sql("select max(id) from stats.import_batch").query(Long.class).single()).isEqualTo(importId);
		assertApiReturnsFileValues(http);

		// re-importing the same file changes nothing
		StatsHttp.Response again = http.upload("platform", "platformbeheerder", "misdrijven-2011-2019.csv", file, true);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("inserted").asInt()).isZero();
		assertThat(again.json().get("updated").asInt()).isZero();
		assertThat(again.json().get("unchanged").asInt()).isEqualTo(321 * 9 * 4);
		assertThat(observationCount()).isEqualTo(before);

		// a platform import needs the platform admin, not a tenant's redacteur
		assertThat(http.upload("platform", "redacteur.kortrijk", "x.csv", file, true).status()).isEqualTo(403);
		assertThat(http.upload("platform", null, "x.csv", file, true).status()).isIn(401, 403);
	}

	private void assertApiReturnsFileValues(StatsHttp http) {
		for (String indicator : INDICATORS) {
			for (int year = 2011; year <= 2019; year++) {
				StatsHttp.Response response = http.get(
						"/api/v1/platform/stats/observations?indicator=" + indicator + "&level=gemeente&period=" + year,
						"platformbeheerder");
				assertThat(response.status()).as(response.body()).isEqualTo(200);
				Map<String, JsonNode> byArea = new HashMap<>();
				response.json().forEach(n -> byArea.put(n.get("area").asString(), n));
				assertThat(byArea).hasSize(321);
				for (Map.Entry<String, JsonNode> e : byArea.entrySet()) {
					String text = cells.get(e.getKey() + "|" + year + "|" + indicator);
					JsonNode cell = e.getValue();
					if (text.startsWith("-9999")) {
						assertThat(cell.get("status").asString()).isEqualTo("missing");
						assertThat(cell.get("value").isNull()).isTrue();
						assertThat(cell.get("missingReason").asString())
							.isEqualTo(text.equals("-99999") ? "onbekend" : "gecensureerd");
					}
					else {
						assertThat(cell.get("status").asString()).isEqualTo("ok");
						assertThat(cell.get("value").decimalValue()).as(e.getKey() + " " + year + " " + indicator)
							.isEqualByComparingTo(new BigDecimal(text));
					}
				}
			}
		}
	}

	private long observationCount() {
		return jdbc.sql("select count(*) from stats.observation").query(Long.class).single();
	}

	private static int rowOf(byte[] file, String marker) {
		String[] lines = new String(file, StandardCharsets.UTF_8).split("\n");
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].contains(marker)) {
				return i + 1;
			}
		}
		throw new AssertionError(marker);
	}

}
