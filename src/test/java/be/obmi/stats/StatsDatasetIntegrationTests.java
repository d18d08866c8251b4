package be.obmi.stats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
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
import be.obmi.opendata.PxReader;
import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.ArrayList;
import java.util.Locale;

/**
 * Whole tables in PX, JSON-stat and SDMX-CSV through the stats import: stored as
 * datasets, listed and exported again with the same dimensions, categories and values;
 * bad files refused with the reader's error and nothing stored.
 */
@ObmiIntegrationTest
class StatsDatasetIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	static byte[] tab003() throws IOException {
		try (InputStream in = StatsDatasetIntegrationTests.class.getResourceAsStream("/px/TAB003.px")) {
			return in.readAllBytes();
		}
	}

	/**
	 * Imports and, when the import stored a table, publishes it without a threshold
	 * (these tests are about the formats; drafts and disclosure control:
	 * DatasetPublicationIntegrationTests).
	 */
	ApiClient.Response upload(String scope, String user, String name, byte[] content) {
		ApiClient client = ApiClient.as(port, user);
		ApiClient.Response response = client.upload("/api/v1/" + scope + "/stats/import", name, content, Map.of());
		if (response.status() == 200) {
			for (JsonNode id : response.json().get("datasets")) {
				assertThat(client
					.post("/api/v1/" + scope + "/datasets/" + id.asString() + "/published?value=true&threshold=0")
					.status()).isEqualTo(200);
			}
		}
		return response;
	}

	byte[] download(String path) throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	Cube exported(String scope, String id) throws Exception {
		return new JsonStatReader()
			.read(new ByteArrayInputStream(download("/api/v1/" + scope + "/datasets/" + id + "?format=jsonstat")));
	}

	long datasets() {
		return jdbc.sql("select count(*) from stats.dataset").query(Long.class).single();
	}

	@Test
	void pxImportsAsADatasetThatAnonymousClientsReadWithTheSameCube() throws Exception {
		byte[] px = tab003();
		ApiClient.Response imported = upload("brugge", "redacteur.brugge", "TAB003.px", px);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("format").asString()).isEqualTo("px");
		assertThat(imported.json().get("datasets").toString()).isEqualTo("[\"TAB003\"]");

		Cube expected = new PxReader().read(new ByteArrayInputStream(px));
		assertSameCube(exported("brugge", "TAB003"), expected);

		ApiClient.Response list = ApiClient.anonymous(port).get("/api/v1/brugge/datasets");
		assertThat(list.status()).isEqualTo(200);
		JsonNode dataset = null;
		for (JsonNode each : list.json()) {
			dataset = "TAB003".equals(each.get("id").asString()) ? each : dataset;
		}
		assertThat(dataset).as(list.body()).isNotNull();
		assertThat(dataset.get("title").asString()).startsWith("Disposal facilities");
		assertThat(dataset.get("dimensions")).hasSize(4);
		assertThat(dataset.get("dimensions").get(3).get("size").asInt()).isEqualTo(4);
		assertThat(dataset.get("cells").asLong()).isEqualTo(9 * 34 * 2 * 4);
		assertThat(dataset.get("formats").toString()).contains("jsonstat", "sdmx-csv", "px", "csv", "xlsx");
		for (String format : List.of("sdmx-csv", "px", "csv", "xlsx")) {
			assertThat(download("/api/v1/brugge/datasets/TAB003?format=" + format)).isNotEmpty();
		}

		// the same file again changes nothing
		long before = datasets();
		ApiClient.Response again = upload("brugge", "redacteur.brugge", "TAB003.px", px);
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("datasets")).isEmpty();
		assertThat(datasets()).isEqualTo(before);

		// writing needs a redacteur; other tenants and unknown ids see nothing
		assertThat(upload("brugge", "lezer.brugge", "TAB003.px", px).status()).isEqualTo(403);
		ApiClient.Response unknown = ApiClient.anonymous(port).get("/api/v1/brugge/datasets/ONBEKEND");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).contains("Onbekende dataset ONBEKEND");
		ApiClient.Response unknownIndicator = ApiClient.anonymous(port)
			.get("/api/v1/brugge/stats/indicators/GEEN_INDICATOR/data?format=csv");
		assertThat(unknownIndicator.status()).isEqualTo(404);
		assertThat(unknownIndicator.body()).contains("Onbekende indicator GEEN_INDICATOR");
		assertThat(ApiClient.anonymous(port).get("/api/v1/mechelen/datasets/TAB003").status()).isEqualTo(404);
	}

	@Test
	void pxExportedAndImportedAgainGivesTheSameCube() throws Exception {
		byte[] px = tab003();
		Cube expected = new PxReader().read(new ByteArrayInputStream(px));
		ApiClient.Response first = upload("platform", "platformbeheerder", "TAB003.px", px);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		byte[] exported = download("/api/v1/platform/datasets/TAB003?format=px");
		ApiClient.Response second = upload("platform", "platformbeheerder", "TAB003-export.px", exported);
		assertThat(second.status()).as(second.body()).isEqualTo(200);
		assertSameCube(
				new PxReader().read(new ByteArrayInputStream(download("/api/v1/platform/datasets/TAB003?format=px"))),
				expected);
		assertSameCube(exported("platform", "TAB003"), expected);
	}

	@Test
	void truncatedPxAndWrongDataCountAreRefusedAndNothingIsStored() throws Exception {
		String px = new String(tab003(), StandardCharsets.ISO_8859_1).replace("MATRIX=\"TAB003\"",
				"MATRIX=\"TAB003_FOUT\"");
		long before = datasets();

		byte[] truncated = px.substring(0, px.length() / 2).getBytes(StandardCharsets.ISO_8859_1);
		ApiClient.Response refused = upload("brugge", "redacteur.brugge", "kapot.px", truncated);
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		JsonNode cut = refused.json().get("errors").get(0);
		assertThat(cut.get("column").asString()).isEqualTo("DATA");
		assertThat(cut.get("message").asString()).startsWith("Regel " + cut.get("row").asLong() + ", DATA:")
			.contains("afgebroken");

		int end = px.lastIndexOf(';');
		byte[] extra = (px.substring(0, end) + " 42\n;\n").getBytes(StandardCharsets.ISO_8859_1);
		ApiClient.Response wrongCount = upload("brugge", "redacteur.brugge", "teveel.px", extra);
		assertThat(wrongCount.status()).as(wrongCount.body()).isEqualTo(422);
		JsonNode tooMany = wrongCount.json().get("errors").get(0);
		assertThat(tooMany.get("row").asLong()).isEqualTo(px.lines().count());
		assertThat(tooMany.get("column").asString()).isEqualTo("DATA");
		assertThat(tooMany.get("message").asString()).contains("meer waarden dan de 2448");

		assertThat(datasets()).isEqualTo(before);
		assertThat(ApiClient.anonymous(port).get("/api/v1/brugge/datasets/TAB003_FOUT").status()).isEqualTo(404);
	}

	@Test
	void jsonStatAndSdmxCsvImportToo() throws Exception {
		OpenDataFormats formats = new OpenDataFormats();
		for (String format : List.of("jsonstat", "sdmx-csv")) {
			Cube cube = small("klein_" + format.replace("-", "_"));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			formats.writer(format, "nl").write(cube, out);
			ApiClient.Response imported = upload("brugge", "redacteur.brugge", "klein." + format, out.toByteArray());
			assertThat(imported.status()).as(imported.body()).isEqualTo(200);
			assertThat(imported.json().get("format").asString()).isEqualTo(format);
			String id = imported.json().get("datasets").get(0).asString();
			assertThat(id).isEqualToIgnoringCase(cube.id());
			Cube back = exported("brugge", id);
			// SDMX writes its ids in capitals
			assertThat(back.dimensions().stream().map(d -> d.id().toLowerCase(Locale.ROOT))).containsExactly("gebied",
					"periode");
			assertThat(back.dimensions().get(0).categories().stream().map(Category::code)).containsExactly("31005",
					"11002");
			assertThat(cells(back)).isEqualTo(cells(cube));
		}
	}

	static Cube small(String id) {
		return new Cube(id, LocalizedText.single("nl", "Kleine tabel"), LocalizedText.single("nl", "OBMi"),
				LocalizedText.single("nl", "aantal"), 0, Instant.parse("2026-01-01T00:00:00Z"), List.of(
						new Dimension("gebied", LocalizedText.single("nl", "Gebied"), DimensionRole.GEO,
								List.of(new Category("31005", LocalizedText.single("nl", "Brugge")),
										new Category("11002", LocalizedText.single("nl", "Antwerpen")))),
						new Dimension("periode", LocalizedText.single("nl", "Periode"), DimensionRole.TIME,
								List.of(new Category("2023", LocalizedText.single("nl", "2023")),
										new Category("2024", LocalizedText.single("nl", "2024"))))),
				Cells.of(List.of(Cell.ok(1), Cell.ok(2), Cell.missing(), Cell.ok(4))), Map.of());
	}

	static List<String> cells(Cube cube) {
		List<String> cells = new ArrayList<>();
		for (Cell cell : cube.cells()) {
			cells.add(cell.isOk() ? String.valueOf(cell.value()) : cell.status().name());
		}
		return cells;
	}

	static void assertSameCube(Cube actual, Cube expected) {
		assertThat(actual.id()).isEqualTo(expected.id());
		assertThat(actual.dimensions()).hasSameSizeAs(expected.dimensions());
		String language = expected.language();
		for (int d = 0; d < expected.dimensions().size(); d++) {
			Dimension e = expected.dimensions().get(d);
			Dimension a = actual.dimensions().get(d);
			assertThat(a.id()).isEqualTo(e.id());
			assertThat(a.categories().stream().map(Category::code))
				.containsExactlyElementsOf(e.categories().stream().map(Category::code).toList());
			assertThat(a.categories().stream().map(c -> c.label().in(language)))
				.containsExactlyElementsOf(e.categories().stream().map(c -> c.label().in(language)).toList());
		}
		assertThat(actual.cells().count()).isEqualTo(expected.cells().count());
		Iterator<Cell> a = actual.cells().iterator();
		for (Cell e : expected.cells()) {
			Cell next = a.next();
			assertThat(next.status()).isEqualTo(e.status());
			if (e.isOk()) {
				assertThat(next.value()).isEqualTo(e.value());
			}
		}
	}

}
