package be.obmi.shared.tabular;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the files people already have: CSV with {@code ;}, {@code ,} or tab (Belgian Excel writes {@code ;}), in
 * UTF-8 with or without BOM or in Windows-1252, and XLSX (first sheet). The format is detected from the content,
 * not from the file name. Bad files give a Dutch {@link ImportRejectedException}, never another exception.
 */
public final class TableReader {

	/** The largest file accepted, so an upload cannot exhaust memory. */
	public static final int MAX_BYTES = 100 * 1024 * 1024;

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private TableReader() {
	}

	public static Table read(InputStream in) {
		try {
			byte[] bytes = in.readNBytes(MAX_BYTES + 1);
			if (bytes.length > MAX_BYTES) {
				throw ImportRejectedException.of("Het bestand is groter dan " + (MAX_BYTES / 1024 / 1024) + " MB.");
			}
			return read(bytes);
		}
		catch (IOException ex) {
			throw ImportRejectedException.of("Het bestand kon niet gelezen worden: " + ex.getMessage());
		}
	}

	public static Table read(byte[] bytes) {
		if (bytes.length == 0) {
			throw ImportRejectedException.of("Het bestand is leeg.");
		}
		if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
			return readXlsx(bytes);
		}
		return readCsv(decode(bytes));
	}

	/** UTF-8 (BOM removed) when the bytes are valid UTF-8, else Windows-1252. */
	static String decode(byte[] bytes) {
		int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, WINDOWS_1252);
		}
	}

	static char delimiter(String text) {
		int end = text.indexOf('\n');
		String first = end < 0 ? text : text.substring(0, end);
		long semicolons = first.chars().filter(c -> c == ';').count();
		long commas = first.chars().filter(c -> c == ',').count();
		long tabs = first.chars().filter(c -> c == '\t').count();
		if (tabs > semicolons && tabs > commas) {
			return '\t';
		}
		return semicolons >= commas && semicolons > 0 ? ';' : ',';
	}

	static Table readCsv(String text) {
		if (UnreadableText.hasNul(text)) {
			throw ImportRejectedException.of(UnreadableText.NUL);
		}
		char delimiter = delimiter(text);
		List<String> header = null;
		List<Table.Row> rows = new ArrayList<>();
		List<ImportError> errors = new ArrayList<>();
		try {
			CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(delimiter).skipEmptyLines(true)
				.allowExtraFields(true).allowMissingFields(true).ofCsvRecord(text);
			for (CsvRecord record : reader) {
				int line = (int) record.getStartingLineNumber();
				if (header == null) {
					header = record.getFields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
					continue;
				}
				if (record.getFieldCount() > header.size()
						&& record.getFields().subList(header.size(), record.getFieldCount()).stream().anyMatch(f -> !f.isBlank())) {
					errors.add(new ImportError(line, null, "Deze rij heeft " + record.getFieldCount()
							+ " kolommen, de kop " + header.size() + "."));
					continue;
				}
				Map<String, String> values = new LinkedHashMap<>();
				for (int i = 0; i < header.size(); i++) {
					values.put(header.get(i), i < record.getFieldCount() ? SpreadsheetText.restored(record.getField(i).strip()) : "");
				}
				Table.Row row = new Table.Row(line, values);
				if (!row.isBlank()) {
					rows.add(row);
				}
			}
		}
		catch (RuntimeException ex) {
			throw ImportRejectedException.of(UnreadableText.csv(ex));
		}
		if (header == null) {
			throw ImportRejectedException.of("Het bestand heeft geen kopregel.");
		}
		if (!errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
		return new Table(header, rows, "csv");
	}

	static Table readXlsx(byte[] bytes) {
		SpreadsheetText.guardXlsx();
		DataFormatter formatter = new DataFormatter(Locale.ROOT);
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
			Sheet sheet = workbook.getSheetAt(0);
			List<String> header = null;
			List<Table.Row> rows = new ArrayList<>();
			for (org.apache.poi.ss.usermodel.Row xlsRow : sheet) {
				int number = xlsRow.getRowNum() + 1;
				if (header == null) {
					List<String> names = new ArrayList<>();
					for (int c = 0; c < xlsRow.getLastCellNum(); c++) {
						names.add(text(xlsRow.getCell(c), formatter).toLowerCase(Locale.ROOT));
					}
					header = names;
					continue;
				}
				Map<String, String> values = new LinkedHashMap<>();
				for (int c = 0; c < header.size(); c++) {
					values.put(header.get(c), text(xlsRow.getCell(c), formatter));
				}
				Table.Row row = new Table.Row(number, values);
				if (!row.isBlank()) {
					rows.add(row);
				}
			}
			if (header == null) {
				throw ImportRejectedException.of("Het werkblad is leeg.");
			}
			return new Table(header, rows, "xlsx");
		}
		catch (ImportRejectedException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw ImportRejectedException.of(UnreadableText.XLSX);
		}
	}

	/** Dates as yyyy-mm-dd, numbers without grouping and with a point, text as is. */
	static String text(Cell cell, DataFormatter formatter) {
		if (cell == null) {
			return "";
		}
		return switch (cell.getCellType()) {
			case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
					: new java.math.BigDecimal(String.valueOf(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
			case STRING -> cell.getStringCellValue().strip();
			case BOOLEAN -> cell.getBooleanCellValue() ? "ja" : "nee";
			case FORMULA -> formatter.formatCellValue(cell).strip();
			default -> "";
		};
	}

}
