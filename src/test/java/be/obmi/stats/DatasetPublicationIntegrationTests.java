package be.obmi.stats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import be.obmi.opendata.Category;
import be.obmi.opendata.Cell;
import be.obmi.opendata.Cells;
import be.obmi.opendata.Cube;
import be.obmi.opendata.Dimension;
import be.obmi.opendata.DimensionRole;
import be.obmi.opendata.JsonStatReader;
import be.obmi.opendata.LocalizedText;
import be.obmi.opendata.OpenDataFormats;
import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import be.obmi.support.PageSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * Issue 11, point 4: an imported table is a draft (not public, not in DCAT) until a
 * redacteur publishes it; published, its small cells are suppressed with a second cell so
 * that the table's own total does not give them back; undoing its import removes it (or
 * restores what it replaced); it can be unpublished and deleted, with history.
 */
@ObmiIntegrationTest
class DatasetPublicationIntegrationTests {

	static final String SLUG = "aalst";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	static Cube table(String id, double a, double b, double c) {
		return new Cube(id, LocalizedText.single("nl", "Tabel met totaal"), LocalizedText.single("nl", "OBMi"),
				LocalizedText.single("nl", "aantal"), 0, Instant.parse("2026-01-01T00:00:00Z"), List.of(
						new Dimension("wijk", LocalizedText.single("nl", "Wijk"), DimensionRole.GEO,
								List.of(new Category("A", LocalizedText.single("nl", "Wijk A")),
										new Category("B", LocalizedText.single("nl", "Wijk B")),
										new Category("C", LocalizedText.single("nl", "Wijk C")),
										new Category("TOTAAL", LocalizedText.single("nl", "Totaal")))),
						new Dimension("periode", LocalizedText.single("nl", "Periode"), DimensionRole.TIME,
								List.of(new Category("2024", LocalizedText.single("nl", "2024"))))),
				Cells.of(List.of(Cell.ok(a), Cell.ok(b), Cell.ok(c), Cell.ok(a + b + c))), Map.of());
	}

	static byte[] jsonStat(Cube cube) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new OpenDataFormats().writer("jsonstat", "nl").write(cube, out);
		return out.toByteArray();
	}

	@Test
	void aTableIsADraftUntilPublishedThenUnderDisclosureControlAndGoneWithItsUndo() throws Exception {
		ApiClient editor = ApiClient.as(port, "redacteur." + SLUG);
		ApiClient anonymous = ApiClient.anonymous(port);
		String path = "/api/v1/" + SLUG + "/datasets/PUBLICATIE_PROEF";
		ApiClient.Response imported = editor.upload("/api/v1/" + SLUG + "/stats/import", "t.json",
				jsonStat(table("PUBLICATIE_PROEF", 3, 40, 57)), Map.of());
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		long importId = imported.json().get("importId").asLong();

		// a draft: not for anonymous visitors (any format), not in the list, not in DCAT;
		// the editor sees it
		for (String format : List.of("jsonstat", "csv", "px", "sdmx-csv", "xlsx")) {
			assertThat(anonymous.get(path + "?format=" + format).status()).as(format).isEqualTo(404);
		}
		assertThat(anonymous.get("/api/v1/" + SLUG + "/datasets").body()).doesNotContain("PUBLICATIE_PROEF");
		assertThat(anonymous.get("/" + SLUG + "/cijfers/catalogus.ttl").body()).doesNotContain("PUBLICATIE_PROEF");
		assertThat(editor.get(path + "?format=jsonstat").status()).isEqualTo(200);
		// a reader of the tenant cannot publish, another tenant cannot see or publish it
		assertThat(ApiClient.as(port, "lezer." + SLUG).post(path + "/published?value=true").status()).isEqualTo(403);
		assertThat(ApiClient.as(port, "redacteur.gent")
			.post("/api/v1/gent/datasets/PUBLICATIE_PROEF/published?value=true")
			.status()).isEqualTo(404);
		assertThat(ApiClient.as(port, "redacteur.gent").get(path + "?format=jsonstat").status()).isEqualTo(404);

		// published with threshold 5: 3 is suppressed, and with it a second cell (the
		// total would give it back)
		assertThat(editor.post(path + "/published?value=true&threshold=5").status()).isEqualTo(200);
		ApiClient.Response published = anonymous.get(path + "?format=jsonstat");
		assertThat(published.status()).isEqualTo(200);
		Cube seen = new JsonStatReader()
			.read(new ByteArrayInputStream(published.body().getBytes(StandardCharsets.UTF_8)));
		List<Cell> cells = new ArrayList<>();
		seen.cells().forEach(cells::add);
		assertThat(cells.get(0).isOk()).as("3 is below the threshold").isFalse();
		assertThat(cells.stream().filter(c -> !c.isOk()).count()).as("a second cell so the total does not betray it")
			.isEqualTo(2);
		for (String format : List.of("csv", "px", "sdmx-csv")) {
			ApiClient.Response other = anonymous.get(path + "?format=" + format);
			assertThat(other.status()).isEqualTo(200);
			// PX: only the data (its CREATION-DATE holds the clock, which reads "40" at
			// minute 40)
			String data = format.equals("px") ? other.body().substring(other.body().indexOf("DATA=")) : other.body();
			assertThat(data).as(format).doesNotContain("40").doesNotContain(",3,").doesNotContain(";3;");
		}
		assertThat(editor.get(path + "?format=csv").body()).as("editors see real values").contains("40");
		assertThat(anonymous.get("/" + SLUG + "/cijfers/catalogus.ttl").body()).contains("PUBLICATIE_PROEF");

		// unpublished: gone again at once, also from the public response cache
		assertThat(editor.post(path + "/published?value=false").status()).isEqualTo(200);
		assertThat(anonymous.get(path + "?format=jsonstat").status()).isEqualTo(404);
		assertThat(anonymous.get("/" + SLUG + "/cijfers/catalogus.ttl").body()).doesNotContain("PUBLICATIE_PROEF");

		// undo of its import removes it
		assertThat(editor.post("/api/v1/" + SLUG + "/stats/imports/" + importId + "/undo").status()).isEqualTo(200);
		assertThat(editor.get(path + "?format=jsonstat").status()).isEqualTo(404);

		// imported again, replaced by a second import, that undone: the first content
		// comes back
		ApiClient.Response first = editor.upload("/api/v1/" + SLUG + "/stats/import", "t.json",
				jsonStat(table("PUBLICATIE_PROEF", 10, 20, 30)), Map.of());
		ApiClient.Response second = editor.upload("/api/v1/" + SLUG + "/stats/import", "t.json",
				jsonStat(table("PUBLICATIE_PROEF", 11, 21, 31)), Map.of());
		assertThat(editor.post("/api/v1/" + SLUG + "/stats/imports/" + second.json().get("importId").asLong() + "/undo")
			.status()).isEqualTo(200);
		assertThat(editor.get(path + "?format=csv").body()).contains("20").doesNotContain("21");
		assertThat(first.status()).isEqualTo(200);

		// the same steps on the admin page: a redacteur of the tenant only
		PageSession page = PageSession.login(port, "redacteur." + SLUG);
		String csrf = page.csrf("/" + SLUG + "/cijfers/beheer");
		assertThat(page.get("/" + SLUG + "/cijfers/beheer").body()).contains("PUBLICATIE_PROEF");
		String pageRoute = "/" + SLUG + "/cijfers/beheer/datasets/PUBLICATIE_PROEF/";
		PageSession reader = PageSession.login(port, "lezer." + SLUG);
		assertThat(reader.post(pageRoute + "publiceren", "threshold=0&_csrf=" + reader.csrf("/" + SLUG)).statusCode())
			.isEqualTo(403);
		PageSession gent = PageSession.login(port, "redacteur.gent");
		assertThat(gent.post(pageRoute + "publiceren", "threshold=0&_csrf=" + gent.csrf("/gent/cijfers/beheer"))
			.statusCode()).isEqualTo(403);
		assertThat(page.post(pageRoute + "publiceren", "threshold=0&_csrf=" + csrf).statusCode()).isEqualTo(302);
		assertThat(anonymous.get(path + "?format=csv").body()).contains("20");
		assertThat(page.post(pageRoute + "depubliceren", "_csrf=" + csrf).statusCode()).isEqualTo(302);
		assertThat(anonymous.get(path + "?format=csv").status()).isEqualTo(404);
		assertThat(page.post("/" + SLUG + "/cijfers/beheer/datasets/ONBEKEND/publiceren", "_csrf=" + csrf).statusCode())
			.isEqualTo(404);

		// deleted, with history
		assertThat(editor.delete(path).status()).isEqualTo(204);
		assertThat(editor.get(path + "?format=jsonstat").status()).isEqualTo(404);
		assertThat(jdbc.sql(
				"select count(*) from audit.audit_event where entity_type = 'dataset' and entity_id = ? and action = 'DELETE'")
			.param("PUBLICATIE_PROEF")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
