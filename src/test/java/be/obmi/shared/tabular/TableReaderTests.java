package be.obmi.shared.tabular;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading the files people already have: Belgian Excel CSV, UTF-8 with BOM, Windows-1252,
 * XLSX, broken files.
 */
class TableReaderTests {

	static final String TEXT = "Code;Titel;Bedrag\nBD01;Een veilige en propere stad;1.234,50\nAC01.01.01;Café Zoë: fietsstraten;-12,3\n";

	@Test
	void readsSemicolonCsvInWindows1252WithAccents() {
		Table table = TableReader.read(TEXT.getBytes(Charset.forName("windows-1252")));
		assertThat(table.header()).containsExactly("code", "titel", "bedrag");
		assertThat(table.rows()).hasSize(2);
		assertThat(table.rows().get(1).get("Titel")).isEqualTo("Café Zoë: fietsstraten");
		assertThat(table.rows().get(1).number()).isEqualTo(3);
	}

	@Test
	void readsUtf8WithBomAndCommaSeparated() {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] body = "code,titel\nBD01,\"Wonen, werken\"\n".getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[bom.length + body.length];
		System.arraycopy(bom, 0, bytes, 0, 3);
		System.arraycopy(body, 0, bytes, 3, body.length);
		Table table = TableReader.read(bytes);
		assertThat(table.header()).containsExactly("code", "titel");
		assertThat(table.rows().getFirst().get("titel")).isEqualTo("Wonen, werken");
	}

	@Test
	void readsTheFirstSheetOfAnXlsx() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("plan");
			var header = sheet.createRow(0);
			header.createCell(0).setCellValue("Code");
			header.createCell(1).setCellValue("Bedrag");
			var row = sheet.createRow(1);
			row.createCell(0).setCellValue("BD01");
			row.createCell(1).setCellValue(1234.5);
			workbook.write(out);
			Table table = TableReader.read(out.toByteArray());
			assertThat(table.format()).isEqualTo("xlsx");
			assertThat(table.rows().getFirst().get("bedrag")).isEqualTo("1234.5");
			assertThat(table.rows().getFirst().number()).isEqualTo(2);
		}
	}

	@Test
	void refusesEmptyRaggedAndBrokenFilesInDutch() {
		assertThatThrownBy(() -> TableReader.read(new byte[0])).isInstanceOf(ImportRejectedException.class)
			.hasMessageContaining("leeg");
		assertThatThrownBy(() -> TableReader.read("a;b\n1;2;3\n".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(ImportRejectedException.class,
					ex -> assertThat(ex.errors().getFirst().row()).isEqualTo(2));
		assertThatThrownBy(() -> TableReader.read(new byte[] { 'P', 'K', 3, 4, 1, 2, 3 }))
			.isInstanceOf(ImportRejectedException.class)
			.hasMessageContaining("Excel");
	}

}
