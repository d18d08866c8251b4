package be.obmi.stats;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import be.obmi.opendata.JsonStatSchema;
import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/**
 * The public open data API as a client sees it, with real HTTP requests: the format by
 * {@code Accept} (406 when none fits) or {@code ?format=}, conditional requests by ETag
 * and Last-Modified that turn fresh after an import, the breakdown filter, the CSV on the
 * Web metadata served for the CSV and consistent with it, and a count below the threshold
 * never written as a value for anonymous clients, in any format of one indicator or of
 * all indicators.
 */
@ObmiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDataApiIntegrationTests {

	static final String DATA = "/api/v1/turnhout/stats/indicators/odapi_geheim/data?level=gemeente";

	static final String ALL = "/api/v1/turnhout/stats/data?level=gemeente&indicator=odapi_geheim,odapi_geslacht";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	void importAndPublish() {
		ApiClient editor = ApiClient.as(port, "redacteur.turnhout");
		// 2023: 3 is below the threshold of 5, so it is suppressed for the public
		String file = """
				indicator;gebied;periode;waarde;geslacht
				odapi_geheim;13040;2023;3;
				odapi_geheim;13040;2024;4711;
				odapi_geslacht;13040;2024;900;
				odapi_geslacht;13040;2024;410;M
				odapi_geslacht;13040;2024;490;V
				""";
		var imported = editor.upload("/api/v1/turnhout/stats/import?createIndicators=true", "odapi.csv",
				file.getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		for (String code : List.of("odapi_geheim", "odapi_geslacht")) {
			assertThat(editor.post("/api/v1/turnhout/stats/indicators/" + code + "/published?value=true").status())
				.isEqualTo(200);
		}
		byte[] px = new String(readResource("/px/TAB003.px"), StandardCharsets.ISO_8859_1)
			.getBytes(StandardCharsets.ISO_8859_1);
		var dataset = editor.upload("/api/v1/turnhout/stats/import", "TAB003.px", px, Map.of());
		assertThat(dataset.status()).as(dataset.body()).isEqualTo(200);
		// an imported table is a draft until published (threshold 0: the format tests
		// compare every value)
		assertThat(editor.post("/api/v1/turnhout/datasets/TAB003/published?value=true&threshold=0").status())
			.isEqualTo(200);
	}

	private byte[] readResource(String name) {
		try (var in = getClass().getResourceAsStream(name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(path.startsWith("http") ? path : "http://localhost:" + port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	@Test
	void theFormatFollowsAcceptUnlessTheFormatParameterIsGiven() throws Exception {
		Map<String, String> expected = Map.of("application/json", "application/json",
				"application/vnd.sdmx.data+csv;version=2.0.0", "application/vnd.sdmx.data+csv;version=2.0.0",
				"text/x-pcaxis", "text/x-pcaxis", "text/csv", "text/csv",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/csvm+json",
				"application/csvm+json", "text/html, application/xml;q=0.9, */*;q=0.8", "application/json",
				"application/xml;q=0.9, text/csv;q=0.5", "text/csv");
		for (String path : List.of(DATA, ALL, "/api/v1/turnhout/datasets/TAB003?lang=nl")) {
			for (var entry : expected.entrySet()) {
				HttpResponse<byte[]> response = get(path, "Accept", entry.getKey());
				assertThat(response.statusCode()).as(path + " " + entry.getKey()).isEqualTo(200);
				String type = response.headers().firstValue("Content-Type").orElseThrow().replace(" ", "");
				assertThat(type).as(path + " " + entry.getKey()).startsWith(entry.getValue());
				assertThat(response.headers().allValues("Vary").toString()).contains("Accept");
				String body = text(response);
				switch (entry.getValue()) {
					case "application/json" -> {
						if (entry.getKey().equals("application/json")) {
							assertThat(JsonStatSchema.validate(body)).as(path).isEmpty();
						}
						assertThat(JSON.readTree(body).get("version").asString()).isEqualTo("2.0");
					}
					case "application/vnd.sdmx.data+csv;version=2.0.0" -> assertThat(body).startsWith("STRUCTURE");
					case "text/x-pcaxis" -> assertThat(body).contains("MATRIX=").contains("DATA=");
					case "text/csv" -> assertThat(body.lines().findFirst().orElseThrow()).contains("value,status");
					case "application/csvm+json" -> assertThat(JSON.readTree(body).get("tableSchema")).isNotNull();
					default -> assertThat(response.body()).startsWith('P', 'K');
				}
			}
		}
		HttpResponse<byte[]> parameterWins = get(DATA + "&format=px", "Accept", "application/json");
		assertThat(parameterWins.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/x-pcaxis");
		assertThat(get(DATA + "&format=zip").statusCode()).isEqualTo(400);
	}

	@Test
	void nothingAcceptableGives406WithADutchProblem() throws Exception {
		for (String path : List.of(DATA, ALL, "/api/v1/turnhout/datasets/TAB003")) {
			HttpResponse<byte[]> response = get(path, "Accept", "application/xml, image/png;q=0.5");
			assertThat(response.statusCode()).as(path).isEqualTo(406);
			assertThat(response.headers().firstValue("Content-Type").orElseThrow())
				.startsWith("application/problem+json");
			JsonNode problem = JSON.readTree(response.body());
			assertThat(problem.get("status").asInt()).isEqualTo(406);
			assertThat(problem.get("detail").asString()).contains("Geen van de gevraagde mediatypes")
				.contains("text/csv");
		}
		assertThat(get(DATA, "Accept", "application/vnd.sdmx.data+csv;version=1.0.0").statusCode()).isEqualTo(406);
	}

	@Test
	void conditionalRequestsAnswer304UntilTheNextImport() throws Exception {
		HttpResponse<byte[]> first = settled(DATA + "&format=csv");
		String etag = first.headers().firstValue("ETag").orElseThrow();
		String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
		assertThat(get(DATA + "&format=csv", "If-None-Match", etag).statusCode()).isEqualTo(304);
		assertThat(get(DATA + "&format=csv", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
		assertThat(get(ALL + "&format=csv", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
		// another format is another representation
		assertThat(get(DATA + "&format=px", "If-None-Match", etag).statusCode()).isEqualTo(200);

		var imported = ApiClient.as(port, "redacteur.turnhout")
			.upload("/api/v1/turnhout/stats/import", "nieuw.csv",
					"indicator;gebied;periode;waarde\nodapi_geheim;13040;2025;5000\n".getBytes(StandardCharsets.UTF_8),
					Map.of());
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);

		HttpResponse<byte[]> byEtag = get(DATA + "&format=csv", "If-None-Match", etag);
		assertThat(byEtag.statusCode()).isEqualTo(200);
		assertThat(text(byEtag)).contains("5000");
		assertThat(byEtag.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
		HttpResponse<byte[]> byDate = get(DATA + "&format=csv", "If-Modified-Since", lastModified);
		assertThat(byDate.statusCode()).isEqualTo(200);
		assertThat(text(byDate)).contains("5000");

		HttpResponse<byte[]> after = settled(DATA + "&format=csv");
		ZonedDateTime before = ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME);
		ZonedDateTime now = ZonedDateTime.parse(after.headers().firstValue("Last-Modified").orElseThrow(),
				DateTimeFormatter.RFC_1123_DATE_TIME);
		assertThat(now).isAfter(before);
		assertThat(get(DATA + "&format=csv", "If-Modified-Since",
				after.headers().firstValue("Last-Modified").orElseThrow())
			.statusCode()).isEqualTo(304);

		// undoing that import is a change too: the value is gone at once, never a stale
		// 304
		String etagAfter = after.headers().firstValue("ETag").orElseThrow();
		String lastModifiedAfter = after.headers().firstValue("Last-Modified").orElseThrow();
		var undone = ApiClient.as(port, "redacteur.turnhout")
			.post("/api/v1/turnhout/stats/imports/" + imported.json().get("importId").asLong() + "/undo");
		assertThat(undone.status()).as(undone.body()).isEqualTo(200);
		HttpResponse<byte[]> afterUndo = get(DATA + "&format=csv", "If-None-Match", etagAfter, "If-Modified-Since",
				lastModifiedAfter);
		assertThat(afterUndo.statusCode()).isEqualTo(200);
		assertThat(text(afterUndo)).doesNotContain("5000");
		etagAfter = afterUndo.headers().firstValue("ETag").orElseThrow();

		// a change of the indicator (here its publication) is a change too
		ApiClient.as(port, "redacteur.turnhout")
			.post("/api/v1/turnhout/stats/indicators/odapi_geslacht/published?value=true");
		var republished = ApiClient.as(port, "redacteur.turnhout")
			.post("/api/v1/turnhout/stats/indicators/odapi_geslacht/published?value=false");
		assertThat(republished.status()).isEqualTo(200);
		ApiClient.as(port, "redacteur.turnhout")
			.post("/api/v1/turnhout/stats/indicators/odapi_geslacht/published?value=true");
		assertThat(get(DATA + "&format=csv", "If-None-Match", etagAfter).statusCode()).isEqualTo(200);

		// a dataset: its own import time
		HttpResponse<byte[]> dataset = settled("/api/v1/turnhout/datasets/TAB003?format=jsonstat");
		assertThat(get("/api/v1/turnhout/datasets/TAB003?format=jsonstat", "If-Modified-Since",
				dataset.headers().firstValue("Last-Modified").orElseThrow())
			.statusCode()).isEqualTo(304);
	}

	/**
	 * A 200 that carries Last-Modified: the header is left out while the last change is
	 * less than a second old (a change in that same second would not move it), so this
	 * waits at most a few seconds.
	 */
	private HttpResponse<byte[]> settled(String path) throws Exception {
		for (int i = 0; i < 30; i++) {
			HttpResponse<byte[]> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.headers().firstValue("ETag")).as(path).isPresent();
			if (response.headers().firstValue("Last-Modified").isPresent()) {
				return response;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no Last-Modified on " + path);
	}

	@Test
	void theBreakdownFilterSelectsOneBreakdown() throws Exception {
		ApiClient anonymous = ApiClient.anonymous(port);
		var breakdowns = anonymous.get("/api/v1/turnhout/stats/indicators/odapi_geslacht/breakdowns");
		assertThat(breakdowns.status()).isEqualTo(200);
		assertThat(breakdowns.json().get("breakdowns").toString()).isEqualTo("[\"\",\"geslacht=M\",\"geslacht=V\"]");

		String query = "/api/v1/turnhout/stats/observations/query?indicator=odapi_geslacht&level=gemeente&area=13040";
		assertThat(anonymous.get(query).json().get("items").get(0).get("value").asDouble()).isEqualTo(900);
		var men = anonymous.get(query + "&breakdown=geslacht=M");
		assertThat(men.json().get("breakdown").asString()).isEqualTo("geslacht=M");
		assertThat(men.json().get("items").get(0).get("value").asDouble()).isEqualTo(410);
		assertThat(anonymous.get(query + "&breakdown=geslacht%3DV").json().get("items").get(0).get("value").asDouble())
			.isEqualTo(490);

		String csv = text(get("/api/v1/turnhout/stats/indicators/odapi_geslacht/data?format=csv&breakdown=geslacht=V"));
		assertThat(csv).contains("490").doesNotContain("410").doesNotContain("900");
		String all = text(get(ALL + "&format=csv&breakdown=geslacht=M"));
		assertThat(all).contains("410").doesNotContain("odapi_geheim");

		var unknown = anonymous.get(query + "&breakdown=geslacht=X");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("geen uitsplitsing").contains("geslacht=M");
	}

	@Test
	void theCsvPointsToItsCsvwMetadataWhichDescribesItExactly() throws Exception {
		for (String path : List.of(DATA + "&format=csv", ALL + "&format=csv",
				"/api/v1/turnhout/datasets/TAB003?format=csv")) {
			HttpResponse<byte[]> csv = get(path);
			assertThat(csv.statusCode()).isEqualTo(200);
			String link = csv.headers().firstValue("Link").orElseThrow();
			assertThat(link).contains("rel=\"describedby\"").contains("type=\"application/csvm+json\"");
			String metadataUrl = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
			HttpResponse<byte[]> metadataResponse = get(metadataUrl);
			assertThat(metadataResponse.statusCode()).isEqualTo(200);
			assertThat(metadataResponse.headers().firstValue("Content-Type").orElseThrow())
				.startsWith("application/csvm+json");
			JsonNode metadata = JSON.readTree(metadataResponse.body());

			// the metadata is about this very table (W3C Model for Tabular Data, locating
			// metadata: url must match)
			assertThat(URI.create(metadataUrl).resolve(metadata.get("url").asString()).toString())
				.isEqualTo("http://localhost:" + port + path);
			assertThat(metadata.get("@context").get(0).asString()).isEqualTo("http://www.w3.org/ns/csvw");
			assertThat(metadata.get("dialect").get("delimiter").asString()).isEqualTo(",");

			List<CsvRecord> rows = new ArrayList<>();
			try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text(csv))) {
				reader.forEach(rows::add);
			}
			List<String> header = rows.get(0).getFields();
			JsonNode columns = metadata.get("tableSchema").get("columns");
			assertThat(columns.size()).isEqualTo(header.size());
			List<String> primaryKey = new ArrayList<>();
			metadata.get("tableSchema").get("primaryKey").forEach(k -> primaryKey.add(k.asString()));
			Set<String> keys = new HashSet<>();
			for (int c = 0; c < header.size(); c++) {
				JsonNode column = columns.get(c);
				// schema compatibility: the header cell is the column's name
				assertThat(column.get("name").asString()).isEqualTo(header.get(c));
				assertThat(column.get("titles").properties()).isNotEmpty();
				assertThat(column.get("datatype").asString()).isIn("string", "decimal");
			}
			for (CsvRecord row : rows.subList(1, rows.size())) {
				assertThat(row.getFieldCount()).isEqualTo(header.size());
				StringBuilder key = new StringBuilder();
				for (int c = 0; c < header.size(); c++) {
					JsonNode column = columns.get(c);
					String cell = row.getField(c);
					if (column.path("required").asBoolean(false)) {
						assertThat(cell).as("required %s", header.get(c)).isNotEmpty();
					}
					if ("decimal".equals(column.get("datatype").asString()) && !cell.isEmpty()) {
						assertThat(cell).matches("-?[0-9]+(\\.[0-9]+)?");
					}
					if (primaryKey.contains(header.get(c))) {
						key.append(cell).append('\u0000');
					}
				}
				assertThat(keys.add(key.toString())).as("primary key unique").isTrue();
				String value = row.getField(header.indexOf("value"));
				String status = row.getField(header.indexOf("status"));
				assertThat(value.isEmpty()).as("a value or a status").isNotEqualTo(status.isEmpty());
			}
		}
	}

	@Test
	void anonymousClientsGetTheSuppressedCellAsAStatusInEveryFormat() throws Exception {
		for (String path : List.of(DATA, ALL)) {
			for (String format : List.of("jsonstat", "sdmx-csv", "px", "csv", "xlsx")) {
				HttpResponse<byte[]> response = get(path + "&format=" + format);
				assertThat(response.statusCode()).isEqualTo(200);
				String body = text(response);
				switch (format) {
					case "jsonstat" -> {
						JsonNode json = JSON.readTree(body);
						assertThat(json.get("value").toString()).doesNotContain(",3,")
							.doesNotContain("[3,")
							.contains("4711");
						assertThat(json.get("status").toString()).contains("\"c\"");
					}
					case "sdmx-csv" -> assertThat(body.lines()
						.filter(l -> l.contains("13040") && l.contains("2023"))
						.filter(l -> l.contains("odapi_geheim") || path.equals(DATA))).singleElement()
						.satisfies(line -> assertThat(line).contains(",C").doesNotContain(",3,"));
					case "px" -> assertThat(body).contains("\"...\"").contains("4711").doesNotContain(" 3 ");
					case "csv" -> {
						assertThat(body.lines()
							.filter(l -> l.contains("13040") && l.contains("2023") && !l.contains("odapi_geslacht")))
							.singleElement()
							.satisfies(line -> assertThat(line).endsWith(",,c").doesNotContain(",3,"));
					}
					default -> {
						try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
							boolean sawThree = false;
							for (Row row : workbook.getSheetAt(0)) {
								for (var cell : row) {
									sawThree |= cell.getCellType() == CellType.NUMERIC
											&& cell.getNumericCellValue() == 3;
								}
							}
							assertThat(sawThree).as("the suppressed count in the workbook").isFalse();
						}
					}
				}
			}
		}
		// the editor sees it, and the answer is not stored by shared caches
		HttpResponse<String> editor = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + DATA + "&format=csv"))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString("redacteur.turnhout:demo".getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(editor.body().lines().filter(l -> l.contains("2023"))).singleElement()
			.satisfies(l -> assertThat(l).contains(",3,"));
		assertThat(editor.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
	}

}
