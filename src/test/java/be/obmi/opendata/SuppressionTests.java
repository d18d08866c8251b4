package be.obmi.opendata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A suppressed cell shows up as a status in every format, never as its value, even if a
 * producer passes one in.
 */
class SuppressionTests {

	private static final String SECRET = "987654";

	private static Cube cubeWithASecret() {
		var cube = SampleCubes.districts();
		var cells = new ArrayList<>(SampleCubes.cellList(cube));
		cells.set(4, new Cell(CellStatus.SUPPRESSED, 987654.321, null));
		cells.set(5, new Cell(CellStatus.MISSING, 987654.5, ".."));
		return cube.withCells(Cells.of(cells));
	}

	@Test
	void noFormatContainsTheSuppressedValue() throws IOException {
		var cube = cubeWithASecret();
		for (CubeWriter writer : List.of(new JsonStatWriter(), new SdmxCsvWriter(), new SdmxCsvWriter(true, "en"),
				new PxWriter(), new CsvTableWriter(), new XlsxWriter())) {
			var out = new ByteArrayOutputStream();
			writer.write(cube, out);
			var text = writer instanceof XlsxWriter ? unzipped(out.toByteArray())
					: out.toString(StandardCharsets.UTF_8);
			assertThat(text).as(writer.getClass().getSimpleName()).doesNotContain(SECRET).isNotEmpty();
		}
		var metadata = new ByteArrayOutputStream();
		new CsvwMetadataWriter().write(cube, "x.csv", metadata);
		assertThat(metadata.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET);
	}

	@Test
	void statusesAreWrittenInstead() throws IOException {
		var out = new ByteArrayOutputStream();
		new JsonStatWriter().write(cubeWithASecret(), out);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"4\":\"c\"", "\"5\":\"..\"");
		var px = new ByteArrayOutputStream();
		new PxWriter().write(cubeWithASecret(), px);
		assertThat(px.toString(StandardCharsets.UTF_8)).contains("18.5 \"...\" \"..\"");
	}

	/** Every cell of the workbook as text (numbers in plain notation). */
	private static String unzipped(byte[] xlsx) throws IOException {
		var text = new StringBuilder();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (var row : workbook.getSheetAt(0)) {
				for (var cell : row) {
					text.append(cell.getCellType() == CellType.NUMERIC
							? BigDecimal.valueOf(cell.getNumericCellValue()).toPlainString()
							: cell.getStringCellValue())
						.append(' ');
				}
			}
		}
		return text.toString();
	}

}
