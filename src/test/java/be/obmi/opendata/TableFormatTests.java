package be.obmi.opendata;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import org.assertj.core.api.Assertions;

/**
 * CSV with its CSV on the Web metadata (W3C tabular metadata), and XLSX: formulas are
 * neutralised.
 */
class TableFormatTests {

	@Test
	void csvHasOneRowPerCellAndNeutralisesFormulas() throws IOException {
		var out = new ByteArrayOutputStream();
		new CsvTableWriter().write(SampleCubes.districts(), out);
		var lines = List.of(out.toString(StandardCharsets.UTF_8).split("\r\n"));
		assertThat(lines.getFirst()).isEqualTo("geo,geo_label,indicator,indicator_label,jaar,jaar_label,value,status");
		assertThat(lines).hasSize(19);
		assertThat(lines.get(1)).isEqualTo("12025,Mechelen,inw,Inwoners,2022,2022,87000,");
		assertThat(lines.get(14)).isEqualTo("12025B10,'=Nekkerspoel,inw,Inwoners,2023,2023,,c");
		assertThat(lines.get(18)).isEqualTo("12025B10,'=Nekkerspoel,p65,Aandeel 65-plussers,2024,2024,,..");
		assertThat(String.join("\n", lines)).doesNotContain("4050");
	}

	@Test
	void csvwMetadataDescribesTheColumns() throws IOException {
		var out = new ByteArrayOutputStream();
		new CsvwMetadataWriter().write(SampleCubes.districts(), "bevolking_wijk.csv", out);
		var tree = JsonMapper.builder().build().readTree(out.toByteArray());
		assertThat(tree.get("@context").get(0).asString()).isEqualTo("http://www.w3.org/ns/csvw");
		assertThat(tree.get("url").asString()).isEqualTo("bevolking_wijk.csv");
		assertThat(tree.get("dc:title").get("en").asString()).isEqualTo("Population by district");
		var columns = tree.get("tableSchema").get("columns");
		assertThat(columns.size()).isEqualTo(8);
		assertThat(columns.get(0).get("name").asString()).isEqualTo("geo");
		assertThat(columns.get(0).get("titles").get("nl").asString()).isEqualTo("Wijk");
		assertThat(columns.get(0).get("titles").get("en").asString()).isEqualTo("District");
		assertThat(columns.get(6).get("name").asString()).isEqualTo("value");
		assertThat(columns.get(6).get("datatype").asString()).isEqualTo("decimal");
		assertThat(tree.get("tableSchema").get("primaryKey").toString()).isEqualTo("[\"geo\",\"indicator\",\"jaar\"]");
		// every column name is a valid CSVW name (no leading underscore,
		// URI-template-safe characters)
		columns.forEach(c -> assertThat(c.get("name").asString()).matches("[A-Za-z0-9][A-Za-z0-9_]*"));
	}

	@Test
	void xlsxWritesTextAsTextAndNumbersAsNumbers() throws IOException {
		var out = new ByteArrayOutputStream();
		new XlsxWriter().write(SampleCubes.districts(), out);
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(18);
			var formulaLike = sheet.getRow(14).getCell(1);
			assertThat(formulaLike.getCellType()).isEqualTo(CellType.STRING);
			assertThat(formulaLike.getStringCellValue()).isEqualTo("=Nekkerspoel");
			assertThat(formulaLike.getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(sheet.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(87000);
			assertThat(sheet.getRow(14).getCell(6)).isNull();
			assertThat(sheet.getRow(14).getCell(7).getStringCellValue()).isEqualTo("c");
			for (var row : sheet) {
				for (var cell : row) {
					assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
				}
			}
		}
	}

	@Test
	void theFacadeHandsOutWritersByApiNameAndReadersByDetectedFormat() throws IOException {
		var formats = new OpenDataFormats();
		assertThat(formats.writer("jsonstat", "en")).isInstanceOf(JsonStatWriter.class);
		assertThat(formats.writer("sdmx-csv", null).mediaType())
			.isEqualTo("application/vnd.sdmx.data+csv; version=2.0.0");
		assertThat(formats.writer("px", null).fileExtension()).isEqualTo("px");
		assertThat(formats.writer("csv", "nl")).isInstanceOf(CsvTableWriter.class);
		assertThat(formats.writer("XLSX", "nl")).isInstanceOf(XlsxWriter.class);
		var out = new ByteArrayOutputStream();
		formats.writer("jsonstat", null).write(SampleCubes.districts(), out);
		var bytes = out.toByteArray();
		var cube = formats.reader(OpenDataFormats.detect(bytes)).read(new ByteArrayInputStream(bytes));
		assertThat(cube.id()).isEqualTo("bevolking_wijk");
		Assertions.assertThatThrownBy(() -> formats.reader(OpenDataFormat.OTHER))
			.isInstanceOf(OpenDataFormatException.class)
			.hasMessageContaining("onbekend bestandsformaat");
	}

	@Test
	void detectsFormatsFromContent() throws IOException {
		var px = new ByteArrayOutputStream();
		new PxWriter().write(SampleCubes.districts(), px);
		var json = new ByteArrayOutputStream();
		new JsonStatWriter().write(SampleCubes.districts(), json);
		var sdmx = new ByteArrayOutputStream();
		new SdmxCsvWriter().write(SampleCubes.districts(), sdmx);
		var csv = new ByteArrayOutputStream();
		new CsvTableWriter().write(SampleCubes.districts(), csv);
		assertThat(OpenDataFormats.detect(px.toByteArray())).isEqualTo(OpenDataFormat.PX);
		assertThat(OpenDataFormats.detect(json.toByteArray())).isEqualTo(OpenDataFormat.JSON_STAT);
		assertThat(OpenDataFormats.detect(sdmx.toByteArray())).isEqualTo(OpenDataFormat.SDMX_CSV);
		assertThat(OpenDataFormats.detect(csv.toByteArray())).isEqualTo(OpenDataFormat.OTHER);
		assertThat(OpenDataFormats.detect("STRUCTURE[;];STRUCTURE_ID;ACTION".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(OpenDataFormat.SDMX_CSV);
		try (var in = getClass().getResourceAsStream("/px/TAB003.px")) {
			assertThat(OpenDataFormats.detect(in.readNBytes(4096))).isEqualTo(OpenDataFormat.PX);
		}
		assertThat(OpenDataFormats.detect("{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(OpenDataFormat.OTHER);
		assertThat(OpenDataFormats.detect(new byte[0])).isEqualTo(OpenDataFormat.OTHER);
	}

}
