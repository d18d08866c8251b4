package be.obmi.opendata;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * JSON-stat 2.0: our output passes the json-stat.org schema, keeps suppressed values out,
 * and reads back.
 */
class JsonStatFormatTests {

	static String json(Cube cube, String language) throws IOException {
		var out = new ByteArrayOutputStream();
		new JsonStatWriter(language).write(cube, out);
		return out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void outputIsValidAgainstTheJsonStatSchemaInEveryLanguage() throws IOException {
		assertThat(JsonStatSchema.validate(json(SampleCubes.districts(), "nl"))).isEmpty();
		assertThat(JsonStatSchema.validate(json(SampleCubes.districts(), "en"))).isEmpty();
		assertThat(JsonStatSchema.validate(json(SampleCubes.generated(3, 2, 2), null))).isEmpty();
	}

	@Test
	void theSchemaRejectsWhatTheSpecificationForbids() {
		assertThat(JsonStatSchema.validate("{\"version\":\"2.0\",\"class\":\"dataset\",\"id\":[\"a\"],\"size\":[1]}"))
			.isNotEmpty();
		assertThat(JsonStatSchema.validate(
				"{\"version\":\"2.0\",\"class\":\"dataset\",\"id\":[\"a\"],\"size\":[1],\"value\":[1],\"dimension\":{\"a\":{\"category\":{\"index\":[\"x\"]},\"role\":\"geo\"}}}"))
			.isNotEmpty();
	}

	@Test
	void writesTheDatasetStructureOfTheSpecification() throws IOException {
		var tree = JsonMapper.builder().build().readTree(json(SampleCubes.districts(), "nl"));
		assertThat(tree.get("version").asString()).isEqualTo("2.0");
		assertThat(tree.get("class").asString()).isEqualTo("dataset");
		assertThat(tree.get("id").toString()).isEqualTo("[\"geo\",\"indicator\",\"jaar\"]");
		assertThat(tree.get("size").toString()).isEqualTo("[3,2,3]");
		assertThat(tree.get("role").get("time").toString()).isEqualTo("[\"jaar\"]");
		assertThat(tree.get("role").get("geo").toString()).isEqualTo("[\"geo\"]");
		assertThat(tree.get("role").get("metric").toString()).isEqualTo("[\"indicator\"]");
		var indicator = tree.get("dimension").get("indicator").get("category");
		assertThat(indicator.get("unit").get("p65").get("decimals").asInt()).isEqualTo(1);
		assertThat(indicator.get("unit").get("p65").get("label").asString()).isEqualTo("%");
		assertThat(tree.get("dimension").get("geo").get("category").get("child").get("12025").toString())
			.isEqualTo("[\"12025A00\",\"12025B10\"]");
		assertThat(tree.get("value").size()).isEqualTo(18);
		assertThat(tree.get("value").get(13).isNull()).isTrue();
		assertThat(tree.get("status").get("13").asString()).isEqualTo("c");
		assertThat(tree.get("status").get("17").asString()).isEqualTo("..");
		assertThat(tree.get("updated").asString()).isEqualTo("2025-03-01T10:15:00Z");
		assertThat(tree.get("extension").get("labels").get("en").get("label").asString())
			.isEqualTo("Population by district");
	}

	@Test
	void suppressedValuesNeverAppear() throws IOException {
		var cube = SampleCubes.generated(10, 10, 10);
		var tree = JsonMapper.builder().build().readTree(json(cube, null));
		assertThat(tree.get("value").get(0).isNull()).isTrue();
		assertThat(tree.get("status").get("0").asString()).isEqualTo("c");
		assertThat(tree.get("value").get(1).asInt()).isEqualTo(1);
	}

	@Test
	void roundTripKeepsTheCubeInAllLanguages() throws IOException {
		var cube = SampleCubes.districts();
		var read = new JsonStatReader()
			.read(new ByteArrayInputStream(json(cube, "nl").getBytes(StandardCharsets.UTF_8)));
		SampleCubes.assertSameCube(cube, read.withCells(read.cells()));
	}

	@Test
	void readsSparseValueAndStatusObjectsAndIndexObjects() {
		var json = """
				{"version":"2.0","class":"dataset","label":"Test","id":["a","b"],"size":[2,2],
				 "dimension":{"a":{"label":"A","category":{"index":{"x":1,"w":0},"label":{"x":"X","w":"W"}}},
				              "b":{"category":{"index":["1","2"]}}},
				 "value":{"0":1.5,"3":4},"status":{"1":"..","2":"c"}}
				""";
		var cube = new JsonStatReader("en").read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
		assertThat(cube.dimensions().getFirst().categories().stream().map(Category::code)).containsExactly("w", "x");
		var cells = SampleCubes.cellList(cube);
		assertThat(cells.get(0)).isEqualTo(Cell.ok(1.5));
		assertThat(cells.get(1)).isEqualTo(Cell.missing(".."));
		assertThat(cells.get(2).status()).isEqualTo(CellStatus.SUPPRESSED);
		assertThat(cells.get(3)).isEqualTo(Cell.ok(4));
	}

	@Test
	void refusesAValueCountThatDiffersFromTheProductOfSize() {
		var json = "{\"version\":\"2.0\",\"class\":\"dataset\",\"id\":[\"a\"],\"size\":[3],\"dimension\":{\"a\":{\"category\":{\"index\":[\"x\",\"y\",\"z\"]}}},\"value\":[1,2]}";
		assertThatThrownBy(
				() -> new JsonStatReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(OpenDataFormatException.class)
			.hasMessageContaining("value")
			.hasMessageContaining("product van size is 3");
	}

	@Test
	void aTableWithoutExtensionIdIsNamedByItsHrefOrLabelSoTablesOfDifferentOfficesDoNotCollide() {
		String body = "\"version\":\"2.0\",\"class\":\"dataset\",\"id\":[\"a\"],\"size\":[1],\"value\":[1],"
				+ "\"dimension\":{\"a\":{\"category\":{\"index\":[\"x\"]}}}";
		assertThat(read("{" + body + ",\"label\":\"Bevölkerung nach Bezirk 2024\"}").id())
			.isEqualTo("Bevolkerung_nach_Bezirk_2024");
		assertThat(read("{" + body + ",\"label\":\"Population by region\"}").id()).isEqualTo("Population_by_region");
		assertThat(read(
				"{" + body + ",\"label\":\"x\",\"href\":\"https://data.example.org/api/v1/BE0101N1.json?lang=en\"}")
			.id()).isEqualTo("BE0101N1");
		assertThat(read("{" + body + "}").id()).isEqualTo("dataset");
	}

	private static Cube read(String json) {
		return new JsonStatReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
	}

}
