package be.obmi.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tables of statistics offices (PX, JSON-stat 2.0, SDMX-CSV 2.0) that feed an indicator
 * through the stats import: area and period codes mapped onto OBMi's, missing symbols
 * kept as missing, every unmappable code reported at once with nothing changed, a mapping
 * file that fixes them, and bad mapping files refused with row and column.
 */
@ObmiIntegrationTest
class StatsTableImportIntegrationTests {

	private static final Path EXAMPLE = Path.of("docs/formats/examples/stats-tabel-kortrijk.px");

	private static final Path EXAMPLE_MAPPING = Path.of("docs/formats/examples/stats-tabel-kortrijk-mapping.csv");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	record Part(String name, String filename, byte[] content) {

		static Part file(String name, String filename, byte[] content) {
			return new Part(name, filename, content);
		}

		static Part field(String name, String value) {
			return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
		}

	}

	/**
	 * A multipart POST to the import endpoint with the table in {@code file} and optional
	 * other parts.
	 */
	ApiClient.Response post(String slug, String user, Part... parts) {
		String boundary = "odmap" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Part part : parts) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
					+ (part.filename() == null ? ""
							: "; filename=\"" + part.filename() + "\"\r\nContent-Type: application/octet-stream")
					+ "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(part.content());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/" + slug + "/stats/import"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofString());
			return new ApiClient.Response(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Everything an import could change, to prove that a refused one changed nothing. */
	Map<String, Long> state() {
		Map<String, Long> state = new LinkedHashMap<>();
		for (String table : List.of("stats.observation", "stats.observation_change", "stats.import_batch",
				"stats.dataset", "stats.indicator")) {
			state.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
		}
		return state;
	}

	/** area code → value (or status when missing) of the observations API. */
	Map<String, String> read(String slug, String indicator, String level, String period) {
		ApiClient.Response response = ApiClient.as(port, "redacteur." + slug)
			.get("/api/v1/" + slug + "/stats/observations?indicator=" + indicator + "&level=" + level + "&period="
					+ period);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		Map<String, String> values = new LinkedHashMap<>();
		for (JsonNode row : response.json()) {
			if (!"missing".equals(row.get("status").asString()) || row.path("missingReason").isString()) {
				values.put(row.get("area").asString(),
						"ok".equals(row.get("status").asString()) ? String.valueOf(row.get("value").asDouble())
								: row.get("status").asString() + ":" + row.get("missingReason").asString());
			}
		}
		return values;
	}

	String observation(String indicator, String area, String period, String breakdown) {
		return jdbc.sql("""
				select coalesce(o.value::text, o.missing_reason) from stats.observation o
				join stats.indicator i on i.id = o.indicator_id join stats.area a on a.id = o.area_id
				where i.code = ? and a.code = ? and o.period = ? and o.breakdown = ?""")
			.params(indicator, area, period, breakdown)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	static List<String> errors(ApiClient.Response response) {
		List<String> errors = new ArrayList<>();
		for (JsonNode error : response.json().get("errors")) {
			errors.add(error.get("row").asLong() + "|" + error.get("column").asString() + "|"
					+ error.get("message").asString());
		}
		return errors;
	}

	@Test
	void theDocumentedPxExampleWithSeveralLanguagesIsRefusedWithEveryUnknownWijkCodeAndImportsWithItsMapping()
			throws Exception {
		byte[] px = Files.readAllBytes(EXAMPLE);
		String indicator = "odmap_inwoners_wijk";
		Map<String, Long> before = state();

		// without the mapping: the office's own wijk codes are unknown, all five are
		// listed, nothing changes
		ApiClient.Response refused = post("kortrijk", "redacteur.kortrijk", Part.file("file", "bev.px", px),
				Part.field("indicator", indicator), Part.field("createIndicators", "true"));
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		List<String> errors = errors(refused);
		assertThat(errors).hasSize(5);
		List<String> codes = List.of("TOT", "WA", "WB", "WC", "XX");
		for (int i = 0; i < codes.size(); i++) {
			assertThat(errors.get(i))
				.startsWith((i + 1) + "|wijk|Gebiedscode '" + codes.get(i) + "' bestaat niet in Kortrijk")
				.contains("geef een mapping op (wijk;" + codes.get(i) + ";");
		}
		assertThat(state()).isEqualTo(before);

		// with the documented mapping
		ApiClient.Response imported = post("kortrijk", "redacteur.kortrijk", Part.file("file", "bev.px", px),
				Part.file("mapping", "mapping.csv", Files.readAllBytes(EXAMPLE_MAPPING)),
				Part.field("indicator", indicator), Part.field("createIndicators", "true"));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		JsonNode summary = imported.json();
		assertThat(summary.get("format").asString()).isEqualTo("px");
		assertThat(summary.get("datasets").toString()).isEqualTo("[\"KORTRIJK_BEV_WIJK\"]");
		assertThat(summary.get("createdIndicators").toString()).isEqualTo("[\"" + indicator + "\"]");
		assertThat(summary.get("rows").asLong()).isEqualTo(4 * 3 * 2);
		assertThat(summary.get("inserted").asLong()).isEqualTo(4 * 3 * 2);
		assertThat(summary.get("warnings").toString()).contains("6 cellen overgeslagen volgens de mapping");
		long importId = summary.get("importId").asLong();

		// the totals (geslacht T mapped to *) are the indicator's values without
		// breakdown, read by the usual API
		assertThat(read("kortrijk", indicator, "wijk", "2024")).containsEntry("34022WA", "5230.0")
			.containsEntry("34022WB", "6150.0")
			.containsEntry("34022WC", "4302.0");
		assertThat(read("kortrijk", indicator, "gemeente", "2023")).containsEntry("34022", "77900.0");
		// the other categories are breakdowns; '..' is a missing value, never a zero
		assertThat(observation(indicator, "34022WA", "2023", "geslacht=vrouw")).isEqualTo("2630");
		assertThat(observation(indicator, "34022WB", "2023", "geslacht=man")).isEqualTo("onbekend");
		assertThat(observation(indicator, "34022WB", "2024", "geslacht=man")).isEqualTo("3010");
		assertThat(jdbc.sql("select count(*) from stats.observation where import_id = ? and missing_reason is not null")
			.param(importId)
			.query(Long.class)
			.single()).isEqualTo(2);
		// the stored table keeps both languages (once published)
		assertThat(ApiClient.as(port, "redacteur.kortrijk")
			.post("/api/v1/kortrijk/datasets/KORTRIJK_BEV_WIJK/published?value=true&threshold=0")
			.status()).isEqualTo(200);
		ApiClient.Response english = ApiClient.anonymous(port)
			.get("/api/v1/kortrijk/datasets/KORTRIJK_BEV_WIJK?format=jsonstat&lang=en");
		assertThat(english.status()).isEqualTo(200);
		assertThat(english.body()).contains("Inhabitants by district, sex and year");

		// the same files again change nothing
		ApiClient.Response again = post("kortrijk", "redacteur.kortrijk", Part.file("file", "bev.px", px),
				Part.file("mapping", "mapping.csv", Files.readAllBytes(EXAMPLE_MAPPING)),
				Part.field("indicator", indicator));
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("unchanged").asLong()).isEqualTo(24);
		assertThat(again.json().get("datasets")).isEmpty();

		// the import shows in the history and is undone as a whole
		ApiClient.Response undone = ApiClient.as(port, "redacteur.kortrijk")
			.post("/api/v1/kortrijk/stats/imports/" + importId + "/undo");
		assertThat(undone.status()).as(undone.body()).isEqualTo(200);
		assertThat(observation(indicator, "34022WA", "2024", "")).isNull();
		assertThat(
				jdbc.sql("select count(*) from audit.audit_event where entity_type = 'cijferimport' and entity_id = ?")
					.param(String.valueOf(importId))
					.query(Long.class)
					.single())
			.isEqualTo(2);
	}

	static final String JSON_STAT = """
			{"version":"2.0","class":"dataset","label":"Werkzoekenden naar gemeente en jaar","source":"VDAB",
			 "id":["geo","tijd"],"size":[3,2],"role":{"geo":["geo"],"time":["tijd"]},
			 "dimension":{
			   "geo":{"label":"gemeente","category":{"index":["34022","31005","44021"],
			     "label":{"34022":"Kortrijk","31005":"Brugge","44021":"Gent"}}},
			   "tijd":{"label":"jaar","category":{"index":["2023","2024"]}}},
			 "value":[3120,3050,null,4410,12250,11980],
			 "status":{"2":".."},
			 "extension":{"id":"ODMAP_WERKZOEKENDEN"}}""";

	@Test
	void aJsonStatTableWithNisCodesFeedsTheRequestedIndicator() {
		String indicator = "odmap_werkzoekenden";
		ApiClient.Response imported = post("kortrijk", "redacteur.kortrijk",
				Part.file("file", "werk.json", JSON_STAT.getBytes(StandardCharsets.UTF_8)),
				Part.field("indicator", indicator), Part.field("createIndicators", "true"));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("format").asString()).isEqualTo("jsonstat");
		assertThat(imported.json().get("rows").asLong()).isEqualTo(6);
		assertThat(imported.json().get("datasets").toString()).isEqualTo("[\"ODMAP_WERKZOEKENDEN\"]");
		Map<String, String> values = read("kortrijk", indicator, "gemeente", "2024");
		assertThat(values).containsEntry("34022", "3050.0").containsEntry("44021", "11980.0");
		assertThat(read("kortrijk", indicator, "gemeente", "2023")).containsEntry("31005", "missing:onbekend");
	}

	@Test
	void anSdmxCsvTableGetsItsAreasPeriodsAndBreakdownFromRefAreaTimePeriodAndTheOtherDimensions() {
		String sdmx = """
				STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS
				dataflow,BE_STAT:DF_ODMAP_LEEFLONERS(1.0),I,Q,34022,_T,2024-Q1,812,A
				dataflow,BE_STAT:DF_ODMAP_LEEFLONERS(1.0),I,Q,34022,M,2024-Q1,401,A
				dataflow,BE_STAT:DF_ODMAP_LEEFLONERS(1.0),I,Q,34022,F,2024-Q1,411,A
				dataflow,BE_STAT:DF_ODMAP_LEEFLONERS(1.0),I,Q,34022WA,_T,2024-Q1,35,A
				dataflow,BE_STAT:DF_ODMAP_LEEFLONERS(1.0),I,Q,34022WA,M,2024-Q1,,M
				dataflow,BE_STAT:DF_ODMAP_LEEFLONERS(1.0),I,Q,34022,_T,2024-Q2,820,A
				dataflow,BE_STAT:DF_ODMAP_LEEFLONERS(1.0),I,Q,34022WA,_T,2024-Q2,37,A
				""";
		String indicator = "odmap_leefloners";
		ApiClient.Response imported = post("kortrijk", "redacteur.kortrijk",
				Part.file("file", "leefloners.csv", sdmx.getBytes(StandardCharsets.UTF_8)),
				Part.field("indicator", indicator), Part.field("createIndicators", "true"));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("format").asString()).isEqualTo("sdmx-csv");
		// 2 areas x 3 sexes x 2 quarters = 12 cells, 7 rows in the file: the 5 absent
		// combinations are no observations
		assertThat(imported.json().get("rows").asLong()).isEqualTo(7);
		assertThat(imported.json().get("warnings").toString()).contains("5 cellen zonder waarde en zonder symbool");
		assertThat(read("kortrijk", indicator, "gemeente", "2024Q1")).containsEntry("34022", "812.0");
		assertThat(read("kortrijk", indicator, "wijk", "2024Q2")).containsEntry("34022WA", "37.0");
		assertThat(observation(indicator, "34022", "2024Q1", "SEX=F")).isEqualTo("411");
		assertThat(observation(indicator, "34022WA", "2024Q1", "SEX=M")).isEqualTo("niet_van_toepassing");
		// FREQ has a single category: no breakdown
		assertThat(jdbc
			.sql("select count(*) from stats.observation o join stats.indicator i on i.id = o.indicator_id "
					+ "where i.code = ? and o.breakdown like '%FREQ%'")
			.param(indicator)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void withoutRolesTheAreaAndPeriodDimensionsAreRecognisedByTheirCodesOrNamedByParameters() throws Exception {
		String table = """
				{"version":"2.0","class":"dataset","label":"Zonder rollen",
				 "id":["plaats_code","t"],"size":[2,2],
				 "dimension":{"plaats_code":{"category":{"index":["34022","31005"]}},
				   "t":{"category":{"index":["2021","2022"]}}},
				 "value":[10,11,20,21],"extension":{"id":"ODMAP_ZONDER_ROLLEN"}}""";
		ApiClient.Response recognised = post("kortrijk", "redacteur.kortrijk",
				Part.file("file", "t.json", table.getBytes(StandardCharsets.UTF_8)),
				Part.field("indicator", "odmap_rollen"), Part.field("createIndicators", "true"));
		assertThat(recognised.status()).as(recognised.body()).isEqualTo(200);
		assertThat(observation("odmap_rollen", "31005", "2022", "")).isEqualTo("21");

		Map<String, Long> before = state();
		ApiClient.Response unknownDimension = post("kortrijk", "redacteur.kortrijk",
				Part.file("file", "t.json", table.getBytes(StandardCharsets.UTF_8)),
				Part.field("indicator", "odmap_rollen"), Part.field("areaDimension", "gemeente"));
		assertThat(unknownDimension.status()).as(unknownDimension.body()).isEqualTo(422);
		assertThat(errors(unknownDimension)).containsExactly(
				"1|areaDimension|Dimensie 'gemeente' bestaat niet in de tabel (dimensies: plaats_code, t).");

		// the SCB table of acceptance 1 has no area dimension: it cannot feed an
		// indicator, and says why
		ApiClient.Response scb = post("kortrijk", "redacteur.kortrijk",
				Part.file("file", "TAB003.px", StatsDatasetIntegrationTests.tab003()),
				Part.field("indicator", "odmap_rollen"));
		assertThat(scb.status()).as(scb.body()).isEqualTo(422);
		assertThat(errors(scb)).hasSize(1);
		assertThat(errors(scb).get(0)).startsWith("1|areaDimension|De tabel heeft geen gebiedsdimensie")
			.endsWith("(dimensies: TREATMENT_CAT, WASTE_CAT, ContentsCode, TIME).");
		assertThat(state()).isEqualTo(before);
	}

	static final String FOREIGN = """
			{"version":"2.0","class":"dataset","label":"Befolkning","source":"SCB",
			 "id":["region","tid","ContentsCode"],"size":[3,3,1],
			 "role":{"geo":["region"],"time":["tid"],"metric":["ContentsCode"]},
			 "dimension":{
			   "region":{"label":"region","category":{"index":["SE0114","SE0180","34022"]}},
			   "tid":{"label":"år","category":{"index":["2023","2024","2024 vår"]}},
			   "ContentsCode":{"label":"tabellinnehåll","category":{"index":["BE0101N1"],"label":{"BE0101N1":"Folkmängd"}}}},
			 "value":[1,2,3,4,5,6,7,8,9],
			 "extension":{"id":"ODMAP_FOREIGN"}}""";

	@Test
	void everyUnmappableAreaAndPeriodCodeIsListedWithItsDimensionAndAMappingFixesThem() {
		String indicator = "odmap_inwoners_buitenland";
		Map<String, Long> before = state();
		ApiClient.Response refused = post("kortrijk", "redacteur.kortrijk",
				Part.file("file", "scb.json", FOREIGN.getBytes(StandardCharsets.UTF_8)),
				Part.field("indicator", indicator), Part.field("createIndicators", "true"));
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(errors(refused)).hasSize(3);
		assertThat(errors(refused).get(0)).startsWith("1|region|Gebiedscode 'SE0114' bestaat niet in Kortrijk");
		assertThat(errors(refused).get(1)).startsWith("2|region|Gebiedscode 'SE0180' bestaat niet in Kortrijk");
		assertThat(errors(refused).get(2)).startsWith("3|tid|Periodecode '2024 vår' is geen periode");
		assertThat(state()).isEqualTo(before);

		String mapping = """
				dimensie;code;doel
				region;SE0114;34022WA
				region;SE0180;-
				tid;2024 vår;2024S1
				""";
		ApiClient.Response imported = post("kortrijk", "redacteur.kortrijk",
				Part.file("file", "scb.json", FOREIGN.getBytes(StandardCharsets.UTF_8)),
				Part.file("mapping", "mapping.csv", mapping.getBytes(StandardCharsets.UTF_8)),
				Part.field("indicator", indicator), Part.field("createIndicators", "true"));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("rows").asLong()).isEqualTo(6);
		assertThat(observation(indicator, "34022WA", "2024S1", "")).isEqualTo("3");
		assertThat(observation(indicator, "34022", "2023", "")).isEqualTo("7");
	}

	@Test
	void aBadMappingFileIsRefusedInDutchWithRowAndColumnAndChangesNothing() {
		byte[] table = FOREIGN.replace("ODMAP_FOREIGN", "ODMAP_FOREIGN_BAD").getBytes(StandardCharsets.UTF_8);
		Map<String, Long> before = state();

		ApiClient.Response header = post("kortrijk", "redacteur.kortrijk", Part.file("file", "scb.json", table),
				Part.file("mapping", "m.csv", "van;naar\nSE0114;34022\n".getBytes(StandardCharsets.UTF_8)),
				Part.field("indicator", "odmap_x"), Part.field("createIndicators", "true"));
		assertThat(header.status()).as(header.body()).isEqualTo(422);
		assertThat(errors(header)).containsExactly(
				"1|mapping|Het mappingbestand moet de kolommen dimensie, code en doel hebben (bv. 'dimensie;code;doel'), gevonden: van, naar.");

		String mapping = """
				dimensie;code;doel
				regio;SE0114;34022
				region;SE9999;34022
				region;SE0114;99999ZZ
				region;SE0180;
				tid;2024 vår;voorjaar
				tid;2024 vår;2024S1
				""";
		ApiClient.Response bad = post("kortrijk", "redacteur.kortrijk", Part.file("file", "scb.json", table),
				Part.file("mapping", "m.csv", mapping.getBytes(StandardCharsets.UTF_8)),
				Part.field("indicator", "odmap_x"), Part.field("createIndicators", "true"));
		assertThat(bad.status()).as(bad.body()).isEqualTo(422);
		// the file itself first (empty target, a code twice), then the lines checked
		// against the table
		assertThat(errors(bad)).containsExactly(
				"5|mapping.doel|Het doel ontbreekt: geef een OBMi-code, * (totaal) of - (overslaan).",
				"7|mapping.code|Code '2024 vår' van dimensie 'tid' staat al op rij 6 van de mapping.");

		String wrong = """
				dimensie;code;doel
				regio;SE0114;34022
				region;SE9999;34022
				region;SE0114;99999ZZ
				region;SE0180;-
				tid;2024 vår;voorjaar
				""";
		ApiClient.Response unknown = post("kortrijk", "redacteur.kortrijk", Part.file("file", "scb.json", table),
				Part.file("mapping", "m.csv", wrong.getBytes(StandardCharsets.UTF_8)),
				Part.field("indicator", "odmap_x"), Part.field("createIndicators", "true"));
		assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
		assertThat(errors(unknown)).containsExactly(
				"2|mapping.dimensie|Dimensie 'regio' bestaat niet in de tabel (dimensies: region, tid, ContentsCode).",
				"3|mapping.code|Code 'SE9999' komt niet voor in dimensie 'region' van de tabel.",
				"4|mapping.doel|Doel '99999ZZ' is geen OBMi-gebiedscode (bv. 34022, 34022WA of 34022A00-, of niveau:code).",
				"6|mapping.doel|Doel 'voorjaar' is geen periode: verwacht bv. 2024, 2024S1, 2024Q3 of 2024-06.");
		assertThat(state()).isEqualTo(before);
	}

	@Test
	void aMeasureDimensionIsMappedOntoIndicatorsAndAnIndicatorWithAPlainCsvIsRefused() throws Exception {
		// the measure (ContentsCode) named in the mapping: no indicator parameter needed;
		// an unknown indicator is an error
		String mapping = "dimensie;code;doel\nregion;SE0114;-\nregion;SE0180;-\ntid;2024 vår;-\nContentsCode;BE0101N1;odmap_onbekend\n";
		byte[] table = FOREIGN.replace("ODMAP_FOREIGN", "ODMAP_FOREIGN_METRIC").getBytes(StandardCharsets.UTF_8);
		ApiClient.Response unknown = post("kortrijk", "redacteur.kortrijk", Part.file("file", "scb.json", table),
				Part.file("mapping", "m.csv", mapping.getBytes(StandardCharsets.UTF_8)));
		assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
		assertThat(errors(unknown))
			.containsExactly("5|mapping.doel|Onbekende indicator 'odmap_onbekend'. Voeg ze eerst "
					+ "toe aan de catalogus of importeer met createIndicators=true.");
		ApiClient.Response imported = post("kortrijk", "redacteur.kortrijk", Part.file("file", "scb.json", table),
				Part.file("mapping", "m.csv", mapping.getBytes(StandardCharsets.UTF_8)),
				Part.field("createIndicators", "true"));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("rows").asLong()).isEqualTo(2);
		assertThat(observation("odmap_onbekend", "34022", "2024", "")).isEqualTo("8");

		ApiClient.Response csv = post("kortrijk", "redacteur.kortrijk",
				Part.file("file", "lang.csv", Files.readAllBytes(Path.of("docs/formats/examples/stats-lang.csv"))),
				Part.field("indicator", "bev_totaal"));
		assertThat(csv.status()).as(csv.body()).isEqualTo(422);
		assertThat(errors(csv).get(0)).startsWith("1|indicator|Een indicator of mapping geldt alleen voor een tabel");

		// a reader without rights cannot import a table either
		assertThat(post("kortrijk", "lezer.kortrijk", Part.file("file", "scb.json", table),
				Part.file("mapping", "m.csv", mapping.getBytes(StandardCharsets.UTF_8)))
			.status()).isEqualTo(403);
	}

}
