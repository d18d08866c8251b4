package be.obmi.stats;

import be.obmi.shared.InvisibleCharacters;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.shared.tabular.SpreadsheetText;
import be.obmi.shared.tabular.UnreadableText;
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

	/** Receives a file's header, then each line, without keeping the file in memory (CSV). */
	interface Handler {

		void header(List<String> header);

		void line(Line line);

	}

	/**
	 * Streams a CSV (or reads an XLSX) file to the handler. CSV is read twice: once to see whether it is valid UTF-8
	 * (else Windows-1252), once to parse it; memory stays bounded whatever the file's size.
	 */
	static void stream(org.springframework.core.io.InputStreamSource source, Handler handler) throws IOException {
		byte[] head;
		try (java.io.InputStream in = source.getInputStream()) {
			head = in.readNBytes(4);
		}
		if (head.length > 2 && head[0] == 'P' && head[1] == 'K') {
			byte[] all;
			try (java.io.InputStream in = source.getInputStream()) {
				all = in.readAllBytes();
			}
			Table table = readXlsx(all);
			handler.header(table.header());
			table.lines().forEach(handler::line);
			return;
		}
		Charset charset = isUtf8(source) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
		try (java.io.BufferedReader reader = new java.io.BufferedReader(
				new java.io.InputStreamReader(source.getInputStream(), charset), 1 << 16)) {
			reader.mark(1 << 16);
			int first = reader.read();
			if (first != '\uFEFF') {
				reader.reset();
			}
			reader.mark(1 << 16);
			char[] buffer = new char[8192];
			int n = reader.read(buffer);
			String start = n <= 0 ? "" : new String(buffer, 0, n);
			reader.reset();
			int end = start.indexOf('\n');
			char separator = separator(end < 0 ? start : start.substring(0, end));
			boolean header = true;
			try (CsvReader<CsvRecord> csv = CsvReader.builder()
				.fieldSeparator(separator)
				.skipEmptyLines(true)
				.allowExtraFields(true)
				.allowMissingFields(true)
				.ofCsvRecord(reader)) {
				for (CsvRecord record : csv) {
					if (header) {
						handler.header(record.getFields().stream().map(String::trim).toList());
						header = false;
					}
					else {
						handler.line(new Line(record.getStartingLineNumber(),
								record.getFields().stream().map(InvisibleCharacters::clean).toList()));
					}
				}
			}
			if (header) {
				handler.header(List.of());
			}
		}
	}

	private static boolean isUtf8(org.springframework.core.io.InputStreamSource source) throws IOException {
		java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (java.io.Reader reader = new java.io.InputStreamReader(source.getInputStream(), decoder)) {
			char[] buffer = new char[1 << 16];
			while (reader.read(buffer) >= 0) {
				// only decoding matters
			}
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	static char separator(String first) {
		return count(first, ';') >= Math.max(1, count(first, ',')) ? ';'
				: count(first, '\t') > count(first, ',') ? '\t' : ',';
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
		if (UnreadableText.hasNul(text)) {
			throw new ImportRejectedException(List.of(new ImportError(1, "", UnreadableText.NUL)));
		}
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
					lines.add(new Line(record.getStartingLineNumber(),
							record.getFields().stream().map(SpreadsheetText::restored).toList()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			throw new ImportRejectedException(List.of(new ImportError(UnreadableText.line(ex), "", UnreadableText.csv(ex))));
		}
		return new Table(header == null ? List.of() : header, lines);
	}

	private static Table readXlsx(byte[] bytes) {
		SpreadsheetText.guardXlsx();
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
		catch (IOException | RuntimeException ex) {
			// POI reports zip bombs, oversized parts, DTDs and broken XML as IOException or runtime exceptions
			throw new ImportRejectedException(List.of(new ImportError(1, "", UnreadableText.XLSX)));
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
