package be.obmi.stats;

import be.obmi.stats.domain.Indicator;
import be.obmi.stats.importing.ObservationImporter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import be.obmi.support.ObmiIntegrationTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import be.obmi.shared.BelgianNumber;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;

/**
 * The long import format (CSV in Windows-1252 and UTF-8, XLSX), errors, re-import,
 * replacement in the history, undo.
 */
@ObmiIntegrationTest
class StatsImportIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	StatsHttp http() {
		return new StatsHttp(port);
	}

	@Test
	void windows1252CsvWithBreakdownsImportsIntoATenant() {
		String csv = """
				indicator;gebied;niveau;periode;waarde;herkomst;voorlopig
				kortrijk_inwoners_herkomst;34022;gemeente;2023;1234,5;België;nee
				kortrijk_inwoners_herkomst;34022;gemeente;2023;321;Buiten België;ja
				kortrijk_inwoners_herkomst;34022;gemeente;2024;;België;
				""";
		StatsHttp.Response refused = http().upload("kortrijk", "redacteur.kortrijk", "herkomst.csv",
				csv.getBytes(Charset.forName("windows-1252")), true);
		assertThat(refused.status()).isEqualTo(422);
		JsonNode error = refused.json().get("errors").get(0);
		assertThat(error.get("row").asInt()).isEqualTo(4);
		assertThat(error.get("column").asString()).isEqualTo("waarde");

		String fixed = csv.replace("2024;;België;", "2024;1300;België;ja");
		StatsHttp.Response ok = http().upload("kortrijk", "redacteur.kortrijk", "herkomst.csv",
				fixed.getBytes(Charset.forName("windows-1252")), true);
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		assertThat(ok.json().get("inserted").asInt()).isEqualTo(3);
		assertThat(jdbc
			.sql("select breakdown from stats.observation o join stats.indicator i on i.id = o.indicator_id "
					+ "where i.code = 'kortrijk_inwoners_herkomst' and value = 1234.5")
			.query(String.class)
			.single()).isEqualTo("herkomst=België");
		assertThat(jdbc
			.sql("select provisional from stats.observation o join stats.indicator i on i.id = o.indicator_id "
					+ "where i.code = 'kortrijk_inwoners_herkomst' and value = 321")
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void unknownIndicatorsAndAreasAreErrorsWithRowAndColumn() {
		String csv = "indicator,gebied,periode,waarde\nbestaat_niet_xyz,34022,2024,5\nbev_totaal,99999999,2024,5\nbev_totaal,34022,2024X,5\n";
		StatsHttp.Response refused = http().upload("kortrijk", "redacteur.kortrijk", "fout.csv",
				csv.getBytes(StandardCharsets.UTF_8), false);
		assertThat(refused.status()).isEqualTo(422);
		JsonNode errors = refused.json().get("errors");
		assertThat(errors.toString()).contains("Onbekend gebied '99999999'")
			.contains("Ongeldige periode '2024X'")
			.contains("Onbekende indicator 'bestaat_niet_xyz'");
		assertThat(errors.toString()).contains("\"row\":3")
			.contains("\"column\":\"gebied\"")
			.contains("\"row\":4")
			.contains("\"column\":\"periode\"");
		assertThat(jdbc.sql("select count(*) from stats.indicator where code = 'bestaat_niet_xyz'")
			.query(Long.class)
			.single()).isZero();

		String twice = "indicator,gebied,periode,waarde\nkortrijk_dubbel,34022,2024,5\nkortrijk_dubbel,34022,2023,6\nkortrijk_dubbel,34022,2024,7\n";
		StatsHttp.Response duplicate = http().upload("kortrijk", "redacteur.kortrijk", "dubbel.csv",
				twice.getBytes(StandardCharsets.UTF_8), true);
		assertThat(duplicate.status()).isEqualTo(422);
		assertThat(duplicate.body()).contains("\"row\":4").contains("ook op rij 2");
		assertThat(jdbc.sql("select count(*) from stats.indicator where code = 'kortrijk_dubbel'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void xlsxImportsAndReplacementShowsInHistoryAndUndoRestores() throws IOException {
		byte[] first = xlsx(new Object[][] { { "kortrijk_fietsen", "34022", "2022", 100 },
				{ "kortrijk_fietsen", "34022", "2023", 110 } });
		StatsHttp.Response a = http().upload("kortrijk", "redacteur.kortrijk", "fietsen.xlsx", first, true);
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		long firstId = a.json().get("importId").asLong();
		assertThat(value("kortrijk_fietsen", "2023")).isEqualTo(110.0);

		byte[] second = xlsx(new Object[][] { { "kortrijk_fietsen", "34022", "2022", 100 },
				{ "kortrijk_fietsen", "34022", "2023", 115.5 }, { "kortrijk_fietsen", "34022", "2024", 120 } });
		StatsHttp.Response b = http().upload("kortrijk", "redacteur.kortrijk", "fietsen-v2.xlsx", second, false);
		assertThat(b.status()).as(b.body()).isEqualTo(200);
		assertThat(b.json().get("inserted").asInt()).isEqualTo(1);
		assertThat(b.json().get("updated").asInt()).isEqualTo(1);
		assertThat(b.json().get("unchanged").asInt()).isEqualTo(1);
		long secondId = b.json().get("importId").asLong();
		assertThat(value("kortrijk_fietsen", "2023")).isEqualTo(115.5);

		JsonNode detail = http().get("/api/v1/kortrijk/stats/imports/" + secondId, "redacteur.kortrijk").json();
		assertThat(detail.get("changes").toString()).contains("\"oldValue\":110.0").contains("\"newValue\":115.5");

		// the first import cannot be undone while a later one changed the same values
		assertThat(http().post("/api/v1/kortrijk/stats/imports/" + firstId + "/undo", "redacteur.kortrijk").status())
			.isEqualTo(409);
		assertThat(http().post("/api/v1/kortrijk/stats/imports/" + secondId + "/undo", "redacteur.kortrijk").status())
			.isEqualTo(200);
		assertThat(value("kortrijk_fietsen", "2023")).isEqualTo(110.0);
		assertThat(value("kortrijk_fietsen", "2024")).isNull();
		assertThat(http().post("/api/v1/kortrijk/stats/imports/" + firstId + "/undo", "redacteur.kortrijk").status())
			.isEqualTo(200);
		assertThat(value("kortrijk_fietsen", "2022")).isNull();
		assertThat(
				jdbc.sql("select count(*) from audit.audit_event where entity_type = 'cijferimport' and entity_id = ?")
					.param(String.valueOf(secondId))
					.query(Long.class)
					.single())
			.isEqualTo(2);
		// a lezer may not import
		assertThat(http().upload("kortrijk", "lezer.kortrijk", "fietsen.xlsx", first, true).status()).isEqualTo(403);
	}

	@Test
	void surveyValuesGetTheirConfidenceMargin() {
		Indicator survey = new Indicator(1, null, "x", "x", "t", null, null, null, null, "survey", null, null, 1,
				"none", 1, 0, true, false, 0, null, null, null, null);
		var v = new ObservationImporter.Value(2, "x", 1, "2020", "", 40.0, null, false, false, 600, 10_000L);
		assertThat(ObservationImporter.margin(survey, v)).isEqualTo(3.801);
		assertThat(BelgianNumber.parseDouble("1.234,5")).isEqualTo(1234.5);
		assertThat(BelgianNumber.parseDouble("12a")).isNull();
	}

	@Test
	void catalogueImportCreatesUpdatesAndExports() {
		String csv = """
				code;naam;thema;eenheid;aggregatie;teller;noemer;factor;decimalen;gepubliceerd
				kortrijk_bomen;Straatbomen;Klimaat;bomen;sum;;;;0;ja
				kortrijk_bomen_per_inwoner;Straatbomen per 1.000 inwoners;Klimaat;per 1.000 inwoners;ratio;kortrijk_bomen;bev_totaal;1000;1;ja
				""";
		StatsHttp.Response ok = http().upload("kortrijk", "redacteur.kortrijk", "catalogus.csv",
				csv.getBytes(StandardCharsets.UTF_8), false, "/api/v1/kortrijk/stats/catalogue");
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		assertThat(ok.json().get("created").asInt()).isEqualTo(2);
		StatsHttp.Response again = http().upload("kortrijk", "redacteur.kortrijk", "catalogus.csv",
				csv.replace("Straatbomen;", "Bomen langs straten;").getBytes(StandardCharsets.UTF_8), false,
				"/api/v1/kortrijk/stats/catalogue");
		assertThat(again.json().get("updated").asInt()).isEqualTo(1);
		assertThat(again.json().get("unchanged").asInt()).isEqualTo(1);
		String export = http().get("/api/v1/kortrijk/stats/catalogue", null).body();
		assertThat(export).contains(
				"kortrijk_bomen_per_inwoner;Straatbomen per 1.000 inwoners;Klimaat;;per 1.000 inwoners;;registered;kortrijk_bomen;bev_totaal;1000;ratio;1;0;ja");
		// the ratio is computed from the numerator and the (shared) denominator
		http().upload("kortrijk", "redacteur.kortrijk", "bomen.csv",
				"indicator;gebied;periode;waarde\nkortrijk_bomen;34022;2024;15650\n".getBytes(StandardCharsets.UTF_8),
				false);
		StatsHttp.Response ratio = http().get("/api/v1/kortrijk/stats/observations?indicator=kortrijk_bomen_per_inwoner"
				+ "&level=gemeente&period=2024&within=34022", null);
		assertThat(ratio.json().get(0).get("value").asDouble()).isBetween(150.0, 250.0);
		// a tenant cannot change a shared indicator
		StatsHttp.Response refused = http().upload("kortrijk", "redacteur.kortrijk", "catalogus.csv",
				"code;naam\nbev_totaal;Inwonertjes\n".getBytes(StandardCharsets.UTF_8), false,
				"/api/v1/kortrijk/stats/catalogue");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("\"row\":2").contains("gedeelde catalogus");
	}

	@Test
	void aCitysOwnAreaSetAggregatesItsSectors() {
		List<String> sectors = jdbc.sql("""
				select s.code from stats.area s join stats.area_ancestor aa on aa.area_id = s.id
				join stats.area g on g.id = aa.ancestor_id and g.level = 'gemeente' and g.code = '34022'
				where s.level = 'statsec' order by s.code limit 5""").query(String.class).list();
		StringBuilder csv = new StringBuilder("label;gebied;niveau\n");
		for (int i = 0; i < sectors.size(); i++) {
			csv.append(i < 3 ? "Noord" : "Zuid").append(';').append(sectors.get(i)).append(";statsec\n");
		}
		StatsHttp.Response defined = http().upload("kortrijk", "redacteur.kortrijk", "wijken.csv",
				csv.toString().getBytes(StandardCharsets.UTF_8), false,
				"/api/v1/kortrijk/stats/area-sets/eigen-wijken");
		assertThat(defined.status()).as(defined.body()).isEqualTo(200);
		assertThat(defined.json().get("members").asInt()).isEqualTo(5);

		Map<String, Double> total = new HashMap<>();
		Map<String, Double> old = new HashMap<>();
		for (JsonNode c : http()
			.get("/api/v1/kortrijk/stats/observations?indicator=bev_totaal&level=statsec&period=2024&within=34022",
					"redacteur.kortrijk")
			.json()) {
			total.put(c.get("area").asString(), c.get("value").asDouble());
		}
		for (JsonNode c : http()
			.get("/api/v1/kortrijk/stats/observations?indicator=bev_65plus&level=statsec&period=2024&within=34022",
					"redacteur.kortrijk")
			.json()) {
			old.put(c.get("area").asString(), c.get("value").asDouble());
		}
		double north = sectors.subList(0, 3).stream().mapToDouble(total::get).sum();
		double northOld = sectors.subList(0, 3).stream().mapToDouble(old::get).sum();
		JsonNode set = http()
			.get("/api/v1/kortrijk/stats/observations?indicator=bev_totaal&period=2024&set=eigen-wijken",
					"redacteur.kortrijk")
			.json();
		assertThat(set.get(0).get("area").asString()).isEqualTo("Noord");
		assertThat(set.get(0).get("value").asDouble()).isEqualTo(north);
		JsonNode share = http()
			.get("/api/v1/kortrijk/stats/observations?indicator=bev_65plus_pct&period=2024&set=eigen-wijken", null)
			.json();
		assertThat(share.get(0).get("value").asDouble()).isCloseTo(100 * northOld / north, Offset.offset(0.051));
		// another city has no such set
		assertThat(http()
			.get("/api/v1/oostende/stats/observations?indicator=bev_totaal&period=2024&set=eigen-wijken",
					"redacteur.oostende")
			.status()).isEqualTo(404);
	}

	@Test
	void theApiIsDocumented() {
		String openApi = http().get("/api/docs/openapi.json", null).body();
		assertThat(openApi).contains("/api/v1/{scope}/stats/import")
			.contains("/api/v1/{scope}/stats/observations")
			.contains("/api/v1/{scope}/stats/imports/{id}/undo")
			.contains("/api/v1/{scope}/stats/catalogue");
	}

	private Double value(String indicator, String period) {
		JsonNode cells = http()
			.get("/api/v1/kortrijk/stats/observations?indicator=" + indicator + "&level=gemeente&period=" + period,
					"redacteur.kortrijk")
			.json();
		for (JsonNode cell : cells) {
			if (cell.get("area").asString().equals("34022")) {
				return cell.get("value").isNull() ? null : cell.get("value").asDouble();
			}
		}
		return null;
	}

	private static byte[] xlsx(Object[][] rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("cijfers");
			Row header = sheet.createRow(0);
			String[] names = { "indicator", "gebied", "periode", "waarde" };
			for (int i = 0; i < names.length; i++) {
				header.createCell(i).setCellValue(names[i]);
			}
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r + 1);
				row.createCell(0).setCellValue((String) rows[r][0]);
				row.createCell(1).setCellValue(Double.parseDouble((String) rows[r][1]));
				row.createCell(2).setCellValue((String) rows[r][2]);
				row.createCell(3).setCellValue(((Number) rows[r][3]).doubleValue());
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

}
