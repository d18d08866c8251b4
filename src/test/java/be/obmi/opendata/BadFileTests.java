package be.obmi.opendata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import java.util.Random;

/**
 * Readers never crash: every bad file gives an OpenDataFormatException with a Dutch
 * message naming where and why.
 */
class BadFileTests {

	private static final String PX = """
			CHARSET="ANSI";
			CODEPAGE="utf-8";
			LANGUAGE="nl";
			MATRIX="T1";
			TITLE="Inwoners";
			STUB="gemeente";
			HEADING="jaar";
			VALUES("gemeente")="Gent","Brugge";
			VALUES("jaar")="2023","2024";
			DATA=
			1 2
			3 4;
			""";

	private static OpenDataFormatException px(String text) {
		return px(text.getBytes(StandardCharsets.UTF_8));
	}

	private static OpenDataFormatException px(byte[] bytes) {
		var thrown = catchThrowable(() -> new PxReader().read(new ByteArrayInputStream(bytes)));
		assertThat(thrown).isInstanceOf(OpenDataFormatException.class);
		return (OpenDataFormatException) thrown;
	}

	private static OpenDataFormatException jsonStat(String text) {
		var thrown = catchThrowable(
				() -> new JsonStatReader().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
		assertThat(thrown).isInstanceOf(OpenDataFormatException.class);
		return (OpenDataFormatException) thrown;
	}

	private static OpenDataFormatException sdmx(String text) {
		var thrown = catchThrowable(
				() -> new SdmxCsvReader().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
		assertThat(thrown).isInstanceOf(OpenDataFormatException.class);
		return (OpenDataFormatException) thrown;
	}

	@Test
	void theValidPxFileReads() {
		assertThat(SampleCubes
			.cellList(new PxReader().read(new ByteArrayInputStream(PX.getBytes(StandardCharsets.UTF_8)))))
			.containsExactly(Cell.ok(1), Cell.ok(2), Cell.ok(3), Cell.ok(4));
	}

	@Test
	void truncatedPxFiles() {
		assertThat(px(PX.substring(0, PX.indexOf("3 4"))).getMessage()).contains("DATA", "afgebroken", "2 van de 4");
		assertThat(px(PX.substring(0, PX.indexOf("DATA="))).getMessage()).contains("DATA", "ontbreekt");
		var cut = px(PX.substring(0, PX.indexOf("\"Brugge\"") + 4));
		assertThat(cut.getMessage()).contains("Regel 8", "VALUES", "afgebroken");
		assertThat(cut.line()).isEqualTo(8L);
	}

	@Test
	void wrongCharset() {
		var latin1 = PX.replace("Brugge", "Liège").getBytes(StandardCharsets.ISO_8859_1);
		var error = px(latin1);
		assertThat(error.getMessage()).contains("Regel 8", "tekenset", "CODEPAGE=\"utf-8\"");
		assertThat(px(PX.replace("utf-8", "klingon-1")).getMessage()).contains("CODEPAGE", "onbekende tekenset");
	}

	@Test
	void dataCountDifferentFromTheProductOfValues() {
		assertThat(px(PX.replace("3 4;", "3;")).getMessage()).contains("DATA bevat 3 waarden", "4");
		assertThat(px(PX.replace("3 4;", "3 4 5;")).getMessage()).contains("DATA bevat meer waarden dan de 4");
		assertThat(px(PX.replace("3 4;", "3 x;")).getMessage()).contains("Regel 12", "\"x\" is geen getal");
	}

	@Test
	void hugeDeclaredSizesAreRefusedBeforeAllocating() {
		var values = new StringBuilder();
		for (int i = 0; i < 8000; i++) {
			values.append(i == 0 ? "" : ",").append('"').append(i).append('"');
		}
		var huge = PX.replace("VALUES(\"gemeente\")=\"Gent\",\"Brugge\";", "VALUES(\"gemeente\")=" + values + ";")
			.replace("VALUES(\"jaar\")=\"2023\",\"2024\";", "VALUES(\"jaar\")=" + values + ";");
		assertThat(px(huge).getMessage()).contains("meer dan 50000000 cellen", "geweigerd");
		assertThat(jsonStat(
				"{\"version\":\"2.0\",\"class\":\"dataset\",\"id\":[\"a\",\"b\"],\"size\":[100000,100000],\"dimension\":{},\"value\":[]}")
			.getMessage()).contains("size", "meer dan 50000000 cellen");
	}

	@Test
	void missingMatrixValuesOrStub() {
		assertThat(px(PX.replace("MATRIX=\"T1\";\n", "")).getMessage()).contains("MATRIX", "ontbreekt");
		assertThat(px(PX.replace("VALUES(\"jaar\")=\"2023\",\"2024\";\n", "")).getMessage())
			.contains("VALUES(\"jaar\")", "ontbreken");
		assertThat(px(PX.replace("STUB=\"gemeente\";\n", "").replace("HEADING=\"jaar\";\n", "")).getMessage())
			.contains("STUB en HEADING");
		assertThat(px(new byte[0]).getMessage()).contains("MATRIX");
		var random = new byte[5000];
		Arrays.fill(random, (byte) 0x9D);
		assertThat(px(random).getMessage()).isNotBlank();
	}

	@Test
	void malformedJsonStat() {
		assertThat(jsonStat("{\"version\":\"2.0\",").getMessage()).contains("geen geldige JSON");
		assertThat(jsonStat("[]").getMessage()).contains("JSON-object");
		assertThat(jsonStat("{\"version\":\"1.0\",\"class\":\"dataset\"}").getMessage()).contains("version", "2.0");
		assertThat(jsonStat(
				"{\"version\":\"2.0\",\"class\":\"dataset\",\"id\":[\"a\"],\"size\":[2],\"dimension\":{\"a\":{\"category\":{\"index\":[\"x\"]}}},\"value\":[1,2]}")
			.getMessage()).contains("dimension.a.category.index", "1 categorieën");
		assertThat(jsonStat(
				"{\"version\":\"2.0\",\"class\":\"dataset\",\"id\":[\"a\"],\"size\":[1],\"dimension\":{\"a\":{\"category\":{\"index\":[\"x\"]}}},\"value\":[\"veel\"]}")
			.getMessage()).contains("value[0]", "getal of null");
		assertThat(jsonStat(
				"{\"version\":\"2.0\",\"class\":\"dataset\",\"id\":[\"a\"],\"size\":[1],\"dimension\":{\"a\":{\"category\":{\"index\":[\"x\"]}}},\"value\":{\"5\":1}}")
			.getMessage()).contains("value.5", "buiten de dataset");
	}

	@Test
	void sdmxCsvWithAWrongHeader() {
		assertThat(sdmx("DATAFLOW,STRUCTURE_ID,ACTION,A,OBS_VALUE\r\n").getMessage()).contains("Regel 1", "STRUCTURE");
		assertThat(sdmx("STRUCTURE,ID,ACTION,A,OBS_VALUE\r\n").getMessage()).contains("STRUCTURE_ID");
		assertThat(sdmx("STRUCTURE,STRUCTURE_ID,ACTION,A,VALUE\r\n").getMessage()).contains("OBS_VALUE", "ontbreekt");
		assertThat(sdmx("STRUCTURE,STRUCTURE_ID,ACTION,A,A,OBS_VALUE\r\n").getMessage()).contains("twee keer");
		assertThat(sdmx("STRUCTURE,STRUCTURE_ID,ACTION,A,OBS_VALUE\r\ndataflow,NA_MAIN,I,x,1\r\n").getMessage())
			.contains("Regel 2", "AGENTSCHAP:ID(VERSIE)");
		assertThat(sdmx("STRUCTURE,STRUCTURE_ID,ACTION,A,OBS_VALUE\r\ndataflow,E:X(1.0),I,x\r\n").getMessage())
			.contains("Regel 2", "4 velden", "5");
		assertThat(sdmx("STRUCTURE,STRUCTURE_ID,ACTION,A,OBS_VALUE\r\ndataflow,E:X(1.0),D,x,1\r\n").getMessage())
			.contains("ACTION", "D");
		assertThat(sdmx(
				"STRUCTURE,STRUCTURE_ID,ACTION,A,OBS_VALUE\r\ndataflow,E:X(1.0),I,x,1\r\ndataflow,E:X(1.0),I,x,2\r\n")
			.getMessage()).contains("Regel 3", "al eerder");
	}

	@Test
	void noOtherExceptionEscapesOnGarbage() throws IOException {
		var garbage = new byte[20_000];
		new Random(6).nextBytes(garbage);
		for (CubeReader reader : new CubeReader[] { new PxReader(), new JsonStatReader(), new SdmxCsvReader() }) {
			assertThat(catchThrowable(() -> reader.read(new ByteArrayInputStream(garbage))))
				.isInstanceOf(OpenDataFormatException.class);
		}
	}

}
