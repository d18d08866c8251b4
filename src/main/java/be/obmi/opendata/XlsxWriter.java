package be.obmi.opendata;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;

/**
 * Writes a cube as an XLSX sheet with Apache POI's streaming SXSSF (100 rows in memory,
 * the rest in a compressed temporary file removed when done, also when the client went
 * away): the same columns as {@link CsvTableWriter}, values as numbers, every text as a
 * text cell; texts that look like formulas are also marked quote-prefixed so that editing
 * them in a spreadsheet never turns them into formulas.
 */
public final class XlsxWriter implements CubeWriter {

	/** The most rows an XLSX sheet holds, header included. */
	public static final int MAX_ROWS = 1_048_576;

	private final String language;

	public XlsxWriter() {
		this(null);
	}

	public XlsxWriter(String language) {
		this.language = language;
	}

	@Override
	public String mediaType() {
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	}

	@Override
	public String fileExtension() {
		return "xlsx";
	}

	@Override
	public void write(Cube cube, OutputStream out) throws IOException {
		if (cube.cells().count() + 1 > MAX_ROWS) {
			throw OpenDataFormatException.of("import.opendata.xlsxTooManyCells", cube.cells().count(), MAX_ROWS - 1);
		}
		var lang = this.language == null ? cube.language() : this.language;
		// rows beyond the window go to a temporary file: compressed (about a tenth of the
		// size), and deleted as soon as
		// the workbook is written or the client went away (dispose in finally)
		var workbook = new SXSSFWorkbook(100);
		workbook.setCompressTempFiles(true);
		try (workbook) {
			var textStyle = workbook.createCellStyle();
			textStyle.setDataFormat(workbook.createDataFormat().getFormat("@"));
			var guardedStyle = workbook.createCellStyle();
			guardedStyle.setDataFormat(workbook.createDataFormat().getFormat("@"));
			guardedStyle.setQuotePrefixed(true);
			var sheet = workbook.createSheet(sheetName(cube.id()));
			var header = sheet.createRow(0);
			int c = 0;
			for (var name : CsvwMetadataWriter.columnNames(cube)) {
				header.createCell(c++).setCellValue(name);
			}
			var positions = new CellPositions(cube.dimensions());
			int r = 1;
			for (var cell : cube.cells()) {
				var position = positions.next();
				var row = sheet.createRow(r++);
				c = 0;
				for (int d = 0; d < position.length; d++) {
					var category = cube.dimensions().get(d).categories().get(position[d]);
					text(row.createCell(c++), category.code(), textStyle, guardedStyle);
					text(row.createCell(c++), category.label().in(lang, category.code()), textStyle, guardedStyle);
				}
				if (cell.isOk()) {
					row.createCell(c++).setCellValue(cell.value());
					c++;
				}
				else {
					c++;
					text(row.createCell(c++), JsonStatWriter.status(cell), textStyle, guardedStyle);
				}
			}
			workbook.write(new NonClosingOutputStream(out));
		}
		finally {
			workbook.dispose();
		}
	}

	private static void text(Cell cell, String text, CellStyle textStyle, CellStyle guardedStyle) {
		cell.setCellValue(text);
		cell.setCellStyle(CsvText.startsLikeFormula(text) ? guardedStyle : textStyle);
	}

	private static String sheetName(String id) {
		var name = id.replaceAll("[\\\\/?*\\[\\]:]", "_");
		return name.length() > 31 ? name.substring(0, 31) : name;
	}

}
