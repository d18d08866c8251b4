package be.obmi.stats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A file as rows of text cells: CSV with {@code ;}, {@code ,} or tab (UTF-8 with or without BOM, or Windows-1252)
 * or the first sheet of an XLSX workbook. Row numbers are the file's line numbers (the header is row 1).
 */
record Table(List<String> header, List<Line> lines) {

	record Line(long row, List<String> cells) {

		String cell(int index) {
			return index < 0 || index >= cells.size() ? "" : cells.get(index).trim();
		}

	}

	static Table read(byte[] bytes) {
		if (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K') {
			return readXlsx(bytes);
		}
		return readCsv(decode(bytes));
	}

	static String decode(byte[] bytes) {
		int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
				&& (bytes[2] & 0xff) == 0xBF ? 3 : 0;
		ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(buffer)
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, offset, bytes.length - offset, Charset.forName("windows-1252"));
		}
	}

	static Table readCsv(String text) {
		int end = text.indexOf('\n');
		String first = end < 0 ? text : text.substring(0, end);
		char separator = count(first, ';') >= Math.max(1, count(first, ',')) ? ';'
				: count(first, '\t') > count(first, ',') ? '\t' : ',';
		List<String> header = null;
		List<Line> lines = new ArrayList<>();
		try (CsvReader<CsvRecord> csv = CsvReader.builder()
			.fieldSeparator(separator)
			.skipEmptyLines(true)
			.allowExtraFields(true)
			.allowMissingFields(true)
			.ofCsvRecord(new StringReader(text))) {
			for (CsvRecord record : csv) {
				if (header == null) {
					header = record.getFields().stream().map(String::trim).toList();
				}
				else {
					lines.add(new Line(record.getStartingLineNumber(), record.getFields()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Table(header == null ? List.of() : header, lines);
	}

	private static Table readXlsx(byte[] bytes) {
		DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
			Sheet sheet = workbook.getSheetAt(0);
			List<String> header = null;
			List<Line> lines = new ArrayList<>();
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
					Cell cell = row.getCell(c);
					if (cell == null) {
						cells.add("");
					}
					else if (cell.getCellType() == CellType.NUMERIC
							|| (cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC)) {
						cells.add(BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString());
					}
					else {
						cells.add(formatter.formatCellValue(cell));
					}
				}
				if (cells.stream().allMatch(String::isBlank)) {
					continue;
				}
				if (header == null) {
					header = cells.stream().map(String::trim).toList();
				}
				else {
					lines.add(new Line(row.getRowNum() + 1L, cells));
				}
			}
			return new Table(header == null ? List.of() : header, lines);
		}
		catch (IOException ex) {
			throw new ImportRejectedException(List.of(new ImportError(1, "", "Het bestand is geen leesbaar CSV- of XLSX-bestand.")));
		}
	}

	private static int count(String s, char c) {
		int n = 0;
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) == c) {
				n++;
			}
		}
		return n;
	}

}
