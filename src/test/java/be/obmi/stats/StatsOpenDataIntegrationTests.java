package be.obmi.stats;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import be.obmi.opendata.JsonStatSchema;
import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.List;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.Severity;
import org.apache.poi.ss.usermodel.CellType;

/**
 * An indicator's open data through the API in every format: JSON-stat that passes the
 * json-stat.org schema, and a count below the threshold written as a status, never as a
 * value, for anonymous clients in every format.
 */
@ObmiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsOpenDataIntegrationTests {

	static final String PATH = "/api/v1/brugge/stats/indicators/opendata_test/data?level=gemeente&format=";

	@LocalServerPort
	int port;

	@BeforeAll
	void importAndPublish() {
		ApiClient editor = ApiClient.as(port, "redacteur.brugge");
		String file = "indicator;gebied;periode;waarde\nopendata_test;31005;2023;3\nopendata_test;31005;2024;4711\n";
		var imported = editor.upload("/api/v1/brugge/stats/import?createIndicators=true", "od.csv",
				file.getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(editor.post("/api/v1/brugge/stats/indicators/opendata_test/published?value=true").status())
			.isEqualTo(200);
	}

	private HttpResponse<byte[]> anonymous(String format) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH + format)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void jsonStatPassesTheSchemaAndCarriesTheSuppressedCellAsStatus() throws Exception {
		HttpResponse<byte[]> response = anonymous("jsonstat");
		assertThat(response.statusCode()).isEqualTo(200);
		String body = new String(response.body(), StandardCharsets.UTF_8);
		assertThat(JsonStatSchema.validate(body)).isEmpty();
		JsonNode json = JsonMapper.builder().build().readTree(body);
		assertThat(json.get("id").toString()).contains("gebied", "periode");
		int periods = json.get("size").get(1).asInt();
		int brugge = index(json, "gebied", "31005");
		int p2023 = index(json, "periode", "2023");
		int p2024 = index(json, "periode", "2024");
		assertThat(json.get("value").get(brugge * periods + p2023).isNull()).isTrue();
		assertThat(json.get("value").get(brugge * periods + p2024).asDouble()).isEqualTo(4711);
		assertThat(json.get("status").toString()).isNotEqualTo("null");
		assertThat(body).doesNotContain(":3,").doesNotContain(",3,").doesNotContain("[3,");
	}

	@Test
	void everyOtherFormatWritesTheSuppressedCellWithoutItsValue() throws Exception {
		String sdmx = new String(anonymous("sdmx-csv").body(), StandardCharsets.UTF_8);
		assertThat(sdmx.lines().filter(l -> l.contains("31005") && l.contains("2023"))).singleElement()
			.satisfies(line -> assertThat(line).contains(",C").doesNotContain(",3,"));
		assertThat(sdmx.lines().filter(l -> l.contains("31005") && l.contains("2024"))).singleElement()
			.satisfies(line -> assertThat(line).contains("4711"));

		String px = new String(anonymous("px").body(), StandardCharsets.UTF_8);
		assertThat(px).contains("MATRIX=").contains("\"...\"").contains("4711");

		String csv = new String(anonymous("csv").body(), StandardCharsets.UTF_8);
		assertThat(csv.lines().filter(l -> l.contains("31005") && l.contains("2023"))).singleElement()
			.satisfies(line -> assertThat(line.split("[;,]")).doesNotContain("3"));

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(anonymous("xlsx").body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			boolean sawThree = false;
			boolean saw4711 = false;
			for (Row row : sheet) {
				for (var cell : row) {
					if (cell.getCellType() == CellType.NUMERIC) {
						sawThree |= cell.getNumericCellValue() == 3;
						saw4711 |= cell.getNumericCellValue() == 4711;
					}
				}
			}
			assertThat(saw4711).isTrue();
			assertThat(sawThree).as("the suppressed count in the workbook").isFalse();
		}
	}

	@Test
	void observationsAreQueriedByPeriodRangeAndAreaWithPaging() {
		ApiClient anonymous = ApiClient.anonymous(port);
		var all = anonymous.get(
				"/api/v1/platform/stats/observations/query?indicator=bev_totaal&level=gemeente&from=2020&to=2024&page=0&size=100");
		assertThat(all.status()).as(all.body()).isEqualTo(200);
		long total = all.json().get("total").asLong();
		assertThat(total).isGreaterThan(300 * 5 - 1);
		assertThat(all.json().get("items").size()).isEqualTo(100);
		var last = anonymous.get(
				"/api/v1/platform/stats/observations/query?indicator=bev_totaal&level=gemeente&from=2020&to=2024&size=100&page="
						+ (total / 100));
		assertThat(last.json().get("items").size()).isEqualTo((int) (total % 100));
		var two = anonymous.get(
				"/api/v1/platform/stats/observations/query?indicator=bev_totaal&level=gemeente&area=31005,12025&from=2023&to=2024");
		assertThat(two.json().get("total").asLong()).isEqualTo(4);
		for (JsonNode item : two.json().get("items")) {
			assertThat(item.get("period").asString()).isIn("2023", "2024");
			assertThat(item.get("area").asString()).isIn("31005", "12025");
		}
		var suppressed = anonymous
			.get("/api/v1/brugge/stats/observations/query?indicator=opendata_test&level=gemeente&area=31005");
		assertThat(suppressed.body()).contains("\"status\":\"suppressed\"").doesNotContain("\"value\":3");
		assertThat(anonymous.get("/api/v1/platform/stats/observations/query?indicator=bev_totaal&size=0").status())
			.isEqualTo(400);
	}

	@Test
	void aCitysExportBelowTheMunicipalityCoversOnlyItsOwnAreas() {
		ApiClient anonymous = ApiClient.anonymous(port);
		var gent = anonymous.get("/api/v1/gent/stats/indicators/bev_totaal/data?level=wijk&format=csv");
		assertThat(gent.status()).as(gent.body()).isEqualTo(200);
		List<String> codes = gent.body().lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().toList();
		assertThat(codes).isNotEmpty().allSatisfy(code -> assertThat(code).startsWith("44021"));
		var platform = anonymous.get("/api/v1/platform/stats/indicators/bev_totaal/data?level=wijk&format=csv");
		assertThat(platform.body().lines().skip(1).map(l -> l.substring(0, 5)).distinct().count()).isGreaterThan(1);
	}

	@Test
	void theEditorSeesTheRealValue() {
		var editor = ApiClient.as(port, "redacteur.brugge").get(PATH + "jsonstat");
		assertThat(editor.status()).isEqualTo(200);
		assertThat(editor.body()).contains("4711");
		assertThat(editor.json().get("value").toString()).contains("3");
	}

	/**
	 * A category's position, whether the dimension's index is written as an array or as
	 * an object.
	 */
	static int index(JsonNode json, String dimension, String code) {
		JsonNode index = json.get("dimension").get(dimension).get("category").get("index");
		if (index.isArray()) {
			for (int i = 0; i < index.size(); i++) {
				if (index.get(i).asString().equals(code)) {
					return i;
				}
			}
			throw new AssertionError(code + " not in " + dimension);
		}
		return index.get(code).asInt();
	}

	@Test
	void theCataloguesOfACityAndOfThePlatformPassTheDcatAp3Shapes() throws Exception {
		var px = new String(getClass().getResourceAsStream("/px/TAB003.px").readAllBytes(), StandardCharsets.ISO_8859_1)
			.getBytes(StandardCharsets.ISO_8859_1);
		var imported = ApiClient.as(port, "redacteur.brugge")
			.upload("/api/v1/brugge/stats/import", "TAB003.px", px, Map.of());
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		// listed in DCAT only once published
		assertThat(ApiClient.as(port, "redacteur.brugge")
			.post("/api/v1/brugge/datasets/TAB003/published?value=true")
			.status()).isEqualTo(200);
		Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph("standards/dcat-ap-3/dcat-ap-SHACL.ttl"));
		for (String path : List.of("/brugge/cijfers/catalogus.ttl", "/cijfers/catalogus.ttl",
				"/brugge/cijfers/catalogus.jsonld")) {
			HttpResponse<byte[]> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
						HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			var model = ModelFactory.createDefaultModel();
			RDFDataMgr.read(model, new ByteArrayInputStream(response.body()),
					path.endsWith(".ttl") ? Lang.TURTLE : Lang.JSONLD);
			var report = ShaclValidator.get().validate(shapes, model.getGraph());
			var violations = report.getEntries().stream().filter(e -> e.severity().equals(Severity.Violation)).toList();
			assertThat(violations).as(path).isEmpty();
			assertThat(model.size()).as(path).isGreaterThan(50);
		}
		String turtle = new String(HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/brugge/cijfers/catalogus.ttl"))
				.build(), HttpResponse.BodyHandlers.ofByteArray())
			.body(), StandardCharsets.UTF_8);
		assertThat(turtle).contains("opendata_test")
			.contains("refnis2019/31005")
			.contains("modellicentie-gratis-hergebruik")
			.contains("/datasets/TAB003?format=px");
	}

}
