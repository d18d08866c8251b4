package be.obmi.plan.importing;

import be.obmi.shared.InvisibleCharacters;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.shared.tabular.SpreadsheetText;
import be.obmi.shared.tabular.UnreadableText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * An uploaded table: CSV (separator {@code ;} or {@code ,}; UTF-8 with or without BOM, or Windows-1252, detected)
 * or XLSX (first sheet). Row numbers are those a user sees in a spreadsheet: the header is row 1.
 */
public final class TabularFile {

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	/** One data row; values by lower-case header name, trimmed, empty cells as null. */
	public record Line(int row, Map<String, String> values) {

		public String get(String column) {
			return values.get(column);
		}

		public boolean blank() {
			return values.values().stream().allMatch(v -> v == null);
		}

	}

	private final List<String> header;

	private final List<Line> lines;

	private TabularFile(List<String> header, List<Line> lines) {
		this.header = header;
		this.lines = lines;
	}

	public List<String> header() {
		return header;
	}

	/** Data rows, without rows that are entirely empty. */
	public List<Line> lines() {
		return lines;
	}

	/**
	 * Reads a CSV or XLSX file (recognised by content, not by name) and checks that every required column is there.
	 * @throws ImportRejectedException when the file cannot be read or a required column is missing
	 */
	public static TabularFile read(byte[] content, List<String> requiredColumns) {
		if (content == null || content.length == 0) {
			throw ImportRejectedException.at(1, "", "Het bestand is leeg.");
		}
		TabularFile file = isZip(content) ? readXlsx(content) : readCsv(content);
		List<ImportError> errors = new ArrayList<>();
		for (String column : requiredColumns) {
			if (!file.header.contains(column)) {
				errors.add(new ImportError(1, column, "De kolom '" + column + "' ontbreekt in de kopregel."));
			}
		}
		if (!errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
		return file;
	}

	private static boolean isZip(byte[] content) {
		return content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
	}

	static String decode(byte[] content) {
		int offset = 0;
		if (content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF) {
			offset = 3;
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content, offset, content.length - offset))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(content, WINDOWS_1252);
		}
	}

	private static TabularFile readCsv(byte[] content) {
		String text = decode(content);
		if (UnreadableText.hasNul(text)) {
			throw ImportRejectedException.at(1, "", UnreadableText.NUL);
		}
		int end = text.indexOf('\n');
		String first = end < 0 ? text : text.substring(0, end);
		char separator = count(first, ';') >= count(first, ',') ? ';' : ',';
		List<String> header = null;
		List<Line> lines = new ArrayList<>();
		try (CsvReader<CsvRecord> reader = CsvReader.builder()
			.fieldSeparator(separator)
			.skipEmptyLines(true)
			.allowExtraFields(true)
			.allowMissingFields(true)
			.ofCsvRecord(new StringReader(text))) {
			for (CsvRecord record : reader) {
				if (header == null) {
					header = record.getFields().stream().map(TabularFile::headerName).toList();
					continue;
				}
				Map<String, String> values = new LinkedHashMap<>();
				for (int i = 0; i < header.size(); i++) {
					values.put(header.get(i), i < record.getFieldCount() ? clean(SpreadsheetText.restored(record.getField(i))) : null);
				}
				Line line = new Line((int) record.getStartingLineNumber(), values);
				if (!line.blank()) {
					lines.add(line);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			throw ImportRejectedException.at(ex instanceof RuntimeException problem ? UnreadableText.line(problem) : 1, "",
					ex instanceof RuntimeException problem ? UnreadableText.csv(problem) : UnreadableText.NUL);
		}
		if (header == null) {
			throw ImportRejectedException.at(1, "", "Het bestand heeft geen kopregel.");
		}
		return new TabularFile(header, lines);
	}

	private static TabularFile readXlsx(byte[] content) {
		SpreadsheetText.guardXlsx();
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
			Sheet sheet = workbook.getSheetAt(0);
			Row first = sheet.getRow(sheet.getFirstRowNum());
			if (first == null) {
				throw ImportRejectedException.at(1, "", "Het werkblad heeft geen kopregel.");
			}
			List<String> header = new ArrayList<>();
			for (int c = 0; c < first.getLastCellNum(); c++) {
				header.add(headerName(cellText(first.getCell(c), "")));
			}
			List<Line> lines = new ArrayList<>();
			for (int r = first.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				Map<String, String> values = new LinkedHashMap<>();
				for (int c = 0; c < header.size(); c++) {
					values.put(header.get(c), clean(cellText(row.getCell(c), header.get(c))));
				}
				Line line = new Line(r + 1, values);
				if (!line.blank()) {
					lines.add(line);
				}
			}
			return new TabularFile(header, lines);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ImportRejectedException rejected) {
				throw rejected;
			}
			throw ImportRejectedException.at(1, "", UnreadableText.XLSX);
		}
	}

	private static String cellText(Cell cell, String column) {
		if (cell == null) {
			return null;
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		return switch (type) {
			case STRING -> cell.getStringCellValue();
			case BOOLEAN -> cell.getBooleanCellValue() ? "ja" : "nee";
			case NUMERIC -> {
				if (DateUtil.isCellDateFormatted(cell)) {
					yield cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
				}
				String number = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
				// A policy field typed as a number in Excel loses its leading zero (0200 becomes 200).
				yield "beleidsveld".equals(column) && number.matches("\\d{1,3}") ? "%04d".formatted(Integer.parseInt(number)) : number;
			}
			default -> null;
		};
	}

	private static String headerName(String name) {
		return name == null ? "" : name.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
	}

	private static String clean(String value) {
		if (value == null) {
			return null;
		}
		String trimmed = InvisibleCharacters.clean(value).strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	private static int count(String text, char c) {
		int n = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == c) {
				n++;
			}
		}
		return n;
	}

	/** Parses {@code yyyy-mm-dd} or {@code dd/mm/yyyy}; null when neither. */
	public static java.time.LocalDate parseDate(String text) {
		try {
			if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
				return java.time.LocalDate.parse(text);
			}
			if (text.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
				return java.time.LocalDate.parse(text, DateTimeFormatter.ofPattern("d/M/uuuu")
					.withResolverStyle(java.time.format.ResolverStyle.STRICT));
			}
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
		return null;
	}

}
