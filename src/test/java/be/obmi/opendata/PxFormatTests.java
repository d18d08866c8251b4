package be.obmi.opendata;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Map;

/**
 * PX (PX-file format specification 2013): a real Statistics Sweden table (PxWeb demo
 * database, TAB003, English and Swedish, ISO-8859-1, ".." missing) imports; its JSON-stat
 * export has the PX's dimensions, categories and values and passes the json-stat.org
 * schema; import → export → import gives the same cube.
 */
class PxFormatTests {

	static Cube scbTable() throws IOException {
		try (var in = PxFormatTests.class.getResourceAsStream("/px/TAB003.px")) {
			return new PxReader().read(in);
		}
	}

	static byte[] px(Cube cube) throws IOException {
		var out = new ByteArrayOutputStream();
		new PxWriter(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).write(cube, out);
		return out.toByteArray();
	}

	@Test
	void importsTheStatisticsSwedenTable() throws IOException {
		var cube = scbTable();
		assertThat(cube.id()).isEqualTo("TAB003");
		assertThat(cube.languages()).containsExactly("en", "sv");
		assertThat(cube.title().in("en"))
			.isEqualTo("Disposal facilities by treatment category, waste category, contents and year");
		assertThat(cube.title().in("sv"))
			.isEqualTo("Disposal facilities efter behandlingstyp, avfallskategori, tabellinnehåll och år");
		assertThat(cube.source())
			.isEqualTo(new LocalizedText(Map.of("en", "Statistics Sweden", "sv", "Statistikmyndigheten")));
		assertThat(cube.dimensions().stream().map(Dimension::id)).containsExactly("TREATMENT_CAT", "WASTE_CAT",
				"ContentsCode", "TIME");
		assertThat(cube.dimensions().stream().map(Dimension::size)).containsExactly(9, 34, 2, 4);
		assertThat(cube.dimensions().stream().map(Dimension::role)).containsExactly(DimensionRole.OTHER,
				DimensionRole.OTHER, DimensionRole.METRIC, DimensionRole.TIME);
		var treatment = cube.dimensions().getFirst();
		assertThat(treatment.label().in("sv")).isEqualTo("behandlingstyp");
		assertThat(treatment.categories().getFirst())
			.isEqualTo(new Category("05", new LocalizedText(Map.of("en", "RECYCLING", "sv", "MATERIALÅTERVINNING"))));
		var waste = cube.dimensions().get(1);
		assertThat(waste.category("01.4,02,03.1").orElseThrow().label().in("en")).isEqualTo("chemical wastes");
		assertThat(waste.category("TOT").orElseThrow().label().in("sv")).isEqualTo("Totalt");
		var contents = cube.dimensions().get(2);
		assertThat(contents.categories().getFirst().unit().label().in("sv")).isEqualTo("ton");
		var cells = SampleCubes.cellList(cube);
		assertThat(cells).hasSize(9 * 34 * 2 * 4);
		assertThat(cells.subList(0, 8)).containsExactly(Cell.ok(30), Cell.ok(500), Cell.ok(10), Cell.ok(0), Cell.ok(0),
				Cell.ok(0), Cell.ok(0), Cell.ok(0));
		// row 18 of the DATA block: 40000 ".." 120000 120000 0 ".." 0 0
		assertThat(cells.subList(17 * 8, 18 * 8)).containsExactly(Cell.ok(40000), Cell.missing(".."), Cell.ok(120000),
				Cell.ok(120000), Cell.ok(0), Cell.missing(".."), Cell.ok(0), Cell.ok(0));
		assertThat(cells.stream().filter(c -> c.status() == CellStatus.MISSING)).hasSize(18);
		assertThat(cells.getLast()).isEqualTo(Cell.ok(5578000));
	}

	@Test
	void jsonStatExportHasTheDimensionsCategoriesAndValuesOfThePxTable() throws IOException {
		var cube = scbTable();
		var out = new ByteArrayOutputStream();
		new JsonStatWriter("en").write(cube, out);
		var json = out.toString(StandardCharsets.UTF_8);
		assertThat(JsonStatSchema.validate(json)).isEmpty();
		JsonNode tree = JsonMapper.builder().build().readTree(json);
		assertThat(tree.get("id").toString()).isEqualTo("[\"TREATMENT_CAT\",\"WASTE_CAT\",\"ContentsCode\",\"TIME\"]");
		assertThat(tree.get("size").toString()).isEqualTo("[9,34,2,4]");
		assertThat(tree.get("label").asString())
			.isEqualTo("Disposal facilities by treatment category, waste category, contents and year");
		assertThat(tree.get("source").asString()).isEqualTo("Statistics Sweden");
		assertThat(tree.get("role").get("time").toString()).isEqualTo("[\"TIME\"]");
		assertThat(tree.get("role").get("metric").toString()).isEqualTo("[\"ContentsCode\"]");
		var year = tree.get("dimension").get("TIME");
		assertThat(year.get("label").asString()).isEqualTo("year");
		assertThat(year.get("category").get("index").toString()).isEqualTo("[\"2010\",\"2012\",\"2014\",\"2016\"]");
		var contents = tree.get("dimension").get("ContentsCode").get("category");
		assertThat(contents.get("label").get("WasteNonHazard").asString())
			.isEqualTo("Treated waste, non hazardous (tonnes)");
		assertThat(contents.get("unit").get("WasteHazard").get("label").asString()).isEqualTo("tonnes");
		assertThat(tree.get("dimension").get("WASTE_CAT").get("category").get("label").get("12.8,13").asString())
			.isEqualTo("min. waste from w. treatm. and stabilised w.");
		// every number of the PX DATA block, in order, with null and status ".." where
		// the PX has ".."
		var pxTokens = pxDataTokens();
		assertThat(tree.get("value").size()).isEqualTo(pxTokens.size());
		for (int i = 0; i < pxTokens.size(); i++) {
			var token = pxTokens.get(i);
			if (token.equals("\"..\"")) {
				assertThat(tree.get("value").get(i).isNull()).isTrue();
				assertThat(tree.get("status").get(Integer.toString(i)).asString()).isEqualTo("..");
			}
			else {
				assertThat(tree.get("value").get(i).asDouble()).as("value %d", i).isEqualTo(Double.parseDouble(token));
			}
		}
	}

	@Test
	void jsonStatExportHasTheDimensionsAndCategoriesOfTheOfficesOwnJsonStat() throws IOException {
		var mapper = JsonMapper.builder().build();
		JsonNode office;
		try (var in = PxFormatTests.class.getResourceAsStream("/px/TAB003-metadata-jsonstat2.json")) {
			office = mapper.readTree(in);
		}
		var out = new ByteArrayOutputStream();
		new JsonStatWriter("en").write(scbTable(), out);
		JsonNode ours = mapper.readTree(out.toByteArray());
		for (var property : List.of("version", "class", "label", "source", "updated", "id", "size", "role")) {
			assertThat(ours.get(property)).as(property).isEqualTo(office.get(property));
		}
		for (var id : office.get("dimension").propertyNames()) {
			var theirs = office.get("dimension").get(id);
			var mine = ours.get("dimension").get(id);
			assertThat(mine.get("label")).as(id + ".label").isEqualTo(theirs.get("label"));
			assertThat(categoryOrder(mine.get("category").get("index"))).as(id + ".category.index")
				.isEqualTo(categoryOrder(theirs.get("category").get("index")));
			assertThat(mine.get("category").get("label")).as(id + ".category.label")
				.isEqualTo(theirs.get("category").get("label"));
			var units = theirs.get("category").get("unit");
			if (units != null) {
				for (var code : units.propertyNames()) {
					assertThat(mine.get("category").get("unit").get(code).get("decimals"))
						.isEqualTo(units.get(code).get("decimals"));
					assertThat(mine.get("category").get("unit").get(code).get("label").asString())
						.isEqualTo(units.get(code).get("base").asString());
				}
			}
		}
		assertThat(ours.get("dimension").propertyNames())
			.containsExactlyInAnyOrderElementsOf(office.get("dimension").propertyNames());
	}

	/** Category codes in index order, whether index is an array or an object. */
	private static List<String> categoryOrder(JsonNode index) {
		if (index.isArray()) {
			var codes = new ArrayList<String>();
			index.forEach(code -> codes.add(code.asString()));
			return codes;
		}
		var codes = new String[index.size()];
		index.properties().forEach(e -> codes[e.getValue().asInt()] = e.getKey());
		return List.of(codes);
	}

	/**
	 * The DATA block of the original file, split on white space: the office's own
	 * published numbers.
	 */
	private static List<String> pxDataTokens() throws IOException {
		try (var in = PxFormatTests.class.getResourceAsStream("/px/TAB003.px")) {
			var text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
			var data = text.substring(text.indexOf("\nDATA=") + 6, text.lastIndexOf(';'));
			return List.of(data.trim().split("\\s+"));
		}
	}

	@Test
	void importExportImportGivesTheSameCube() throws IOException {
		var first = scbTable();
		var second = new PxReader().read(new ByteArrayInputStream(px(first)));
		SampleCubes.assertSameCube(first, second);
	}

	@Test
	void roundTripOfOurOwnCubeKeepsHierarchiesRolesUnitsAndStatuses() throws IOException {
		var cube = SampleCubes.districts();
		var once = new PxReader().read(new ByteArrayInputStream(px(cube)));
		var twice = new PxReader().read(new ByteArrayInputStream(px(once)));
		SampleCubes.assertSameCube(once, twice);
		assertThat(once.dimensions()).isEqualTo(cube.dimensions());
		assertThat(SampleCubes.cellList(once).get(13).status()).isEqualTo(CellStatus.SUPPRESSED);
		assertThat(SampleCubes.cellList(once).get(17)).isEqualTo(Cell.missing(".."));
	}

	@Test
	void writesTheKeywordsOfTheSpecificationWithinTheLineLength() throws IOException {
		var text = new String(px(SampleCubes.districts()), StandardCharsets.UTF_8);
		assertThat(text).startsWith(
				"CHARSET=\"ANSI\";\nAXIS-VERSION=\"2013\";\nCODEPAGE=\"utf-8\";\nLANGUAGE=\"nl\";\nLANGUAGES=\"nl\",\"en\";\n");
		assertThat(text).contains("MATRIX=\"bevolking_wijk\";", "DECIMALS=1;", "SHOWDECIMALS=1;",
				"SUBJECT-CODE=\"OBMI\";", "TITLE=\"Bevolking per wijk\";", "TITLE[en]=\"Population by district\";",
				"CONTENTS=", "UNITS=", "STUB=\"Wijk\",\"Indicator\";", "HEADING=\"Jaar\";",
				"STUB[en]=\"District\",\"Indicator\";", "VALUES(\"Jaar\")=\"2022\",\"2023\",\"2024\";",
				"CODES(\"Wijk\")=\"12025\",\"12025A00\",\"12025B10\";",
				"VALUES[en](\"District\")=\"Mechelen\",\"City centre\",\"=Nekkerspoel\";",
				"TIMEVAL(\"Jaar\")=TLIST(A1),\"2022\",\"2023\",\"2024\";", "SOURCE=\"Stad Mechelen\";",
				"HIERARCHIES(\"Wijk\")=\"Mechelen\",\"Mechelen\":\"Binnenstad\",\"Mechelen\":\"=Nekkerspoel\";",
				"DATA=\n87000 87500 88100\n18.5 18.7 18.9\n", "\"...\"", "\"..\"");
		assertThat(text).doesNotContain("4050");
		assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(256));
	}

	@Test
	void longTextsAreSplitIntoQuotedPartsAndReadBack() throws IOException {
		var cube = SampleCubes.districts();
		var longTitle = "Een heel lange titel ".repeat(30).trim();
		var withLongTitle = new Cube(cube.id(), LocalizedText.of(longTitle, "Long"), cube.source(), cube.unit(),
				cube.decimals(), cube.updated(), cube.dimensions(), cube.cells(), cube.extension());
		var text = new String(px(withLongTitle), StandardCharsets.UTF_8);
		assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(256));
		assertThat(new PxReader().read(new ByteArrayInputStream(px(withLongTitle))).title().in("nl"))
			.isEqualTo(longTitle);
	}

	@Test
	void readsWindows1252AndMissingSymbolsWithoutCodepage() {
		var text = """
				CHARSET="ANSI";
				LANGUAGE="fr";
				MATRIX="T1";
				TITLE="Population de la région";
				STUB="région";
				HEADING="année";
				VALUES("région")="Liège","Namur";
				VALUES("année")="2020","2021","2022";
				DATA=
				1 "." "...."
				"-" 5,6;
				""";
		var cube = new PxReader().read(new ByteArrayInputStream(text.getBytes(Charset.forName("windows-1252"))));
		assertThat(cube.title().in("fr")).isEqualTo("Population de la région");
		assertThat(cube.dimensions().getFirst().categories().getFirst().code()).isEqualTo("Liège");
		assertThat(SampleCubes.cellList(cube)).containsExactly(Cell.ok(1), Cell.missing("."), Cell.missing("...."),
				Cell.missing("-"), Cell.ok(5), Cell.ok(6));
	}

}
