package be.obmi.shared.tabular;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.InputStreamSource;

/**
 * The one reader of the files people upload: CSV with {@code ;}, {@code ,} or tab
 * (Belgian Excel writes {@code ;}; detected from the header line), in UTF-8 with or
 * without BOM or in Windows-1252 (detected from the content), and XLSX (the first sheet;
 * recognised by content, not by name; within the zip-bomb limits of
 * {@link SpreadsheetText#guardXlsx()}). Every cell has invisible control characters
 * removed and a formula neutralised by an export restored
 * ({@link SpreadsheetText#restored}); XLSX cells are text as a person reads them (numbers
 * without grouping and with a point, dates as yyyy-mm-dd, booleans ja/nee). Rows that are
 * entirely empty are skipped. Row numbers are those of the spreadsheet: the header is row
 * 1. Bad files give an {@link ImportRejectedException} (message codes), never another
 * exception.
 * <p>
 * Two ways to read: {@link #stream} hands each row to a {@link Handler} without keeping a
 * CSV in memory (the statistics imports of millions of rows); {@link #read} returns a
 * {@link Table} whose cells are read by column name, and refuses rows with more filled
 * cells than the header has columns.
 * <p>
 * Over 300 lines because it is the one reader of uploads and keeps every rule of reading
 * them (charset and separator detection, XLSX limits, formula prefixes, NUL and quote
 * errors) in one place, as issue 14 asked.
 */
public final class TableReader {

	/** The largest file {@link #read} accepts, so an upload cannot exhaust memory. */
	public static final int MAX_BYTES = 100 * 1024 * 1024;

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private TableReader() {
	}

	/** Receives a file's header (trimmed, as written), then each non-empty row. */
	public interface Handler {

		void header(List<String> header);

		void row(long number, List<String> cells);

	}

	/**
	 * An exception of the handler on its way through the CSV loop, so that only the
	 * parser's own exceptions are reported as an unreadable file: what the handler throws
	 * (a refusal, a database failure such as a full disk, a reason of its own to stop) is
	 * passed on unchanged.
	 */
	private static final class FromHandler extends RuntimeException {

		FromHandler(RuntimeException cause) {
			super(cause);
		}

		RuntimeException handlerException() {
			return (RuntimeException) getCause();
		}

	}

	/**
	 * Streams a file to the handler. A CSV is read twice — once to see whether it is
	 * valid UTF-8, once to parse it — so memory stays bounded whatever its size; an XLSX
	 * is read into memory.
	 */
	public static void stream(InputStreamSource source, Handler handler) throws IOException {
		byte[] head;
		try (InputStream in = source.getInputStream()) {
			head = in.readNBytes(4);
		}
		if (isXlsx(head)) {
			byte[] all;
			try (InputStream in = source.getInputStream()) {
				all = in.readAllBytes();
			}
			readXlsx(all, handler);
			return;
		}
		Charset charset = isUtf8(source) ? StandardCharsets.UTF_8 : WINDOWS_1252;
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(source.getInputStream(), charset),
				1 << 16)) {
			reader.mark(1 << 16);
			if (reader.read() != '\uFEFF') {
				reader.reset();
			}
			reader.mark(1 << 16);
			char[] buffer = new char[8192];
			int n = reader.read(buffer);
			String start = n <= 0 ? "" : new String(buffer, 0, n);
			reader.reset();
			readCsv(reader, separator(start), handler);
		}
	}

	/** Reads a whole file (at most {@link #MAX_BYTES}) into a table. */
	public static Table read(InputStream in) {
		try {
			byte[] bytes = in.readNBytes(MAX_BYTES + 1);
			if (bytes.length > MAX_BYTES) {
				throw ImportRejectedException.of("import.file.tooLarge", MAX_BYTES / 1024 / 1024);
			}
			return read(bytes);
		}
		catch (IOException ex) {
			throw ImportRejectedException.of("import.file.unreadable");
		}
	}

	/**
	 * Reads a reference file on the class path (a {@code ;} CSV in UTF-8) into a table.
	 */
	public static Table reference(String location) {
		try (InputStream in = new ClassPathResource(location).getInputStream()) {
			return read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Reference file " + location + " is missing", ex);
		}
	}

	/** Reads a whole file into a table; its header names are lower-cased. */
	public static Table read(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw ImportRejectedException.at(1, "", "import.file.empty");
		}
		boolean xlsx = isXlsx(bytes);
		List<String> header = new ArrayList<>();
		List<Table.Row> rows = new ArrayList<>();
		List<ImportError> errors = new ArrayList<>();
		Map<String, Integer>[] columns = new Map[1];
		try {
			stream(new ByteArrayResource(bytes), new Handler() {
				@Override
				public void header(List<String> names) {
					names.forEach(name -> header.add(name.toLowerCase(Locale.ROOT)));
					columns[0] = Table.columns(header);
				}

				@Override
				public void row(long number, List<String> cells) {
					if (cells.size() > header.size()
							&& cells.subList(header.size(), cells.size()).stream().anyMatch(c -> !c.isBlank())) {
						errors.add(new ImportError(number, null, "import.file.rowWider", cells.size(), header.size()));
						return;
					}
					rows.add(new Table.Row(Math.toIntExact(number), cells, columns[0]));
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (header.isEmpty()) {
			throw ImportRejectedException.at(1, "", xlsx ? "import.file.noHeaderSheet" : "import.file.noHeader");
		}
		if (!errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
		return new Table(header, rows, xlsx ? "xlsx" : "csv");
	}

	/**
	 * Reads a whole file and checks that every required column is in its header.
	 * @throws ImportRejectedException naming each missing column
	 */
	public static Table read(byte[] bytes, List<String> requiredColumns) {
		Table table = read(bytes);
		table.requireColumns(requiredColumns);
		return table;
	}

	/**
	 * The separator of a CSV file: the one of {@code ;}, tab and {@code ,} its header
	 * line has most of.
	 */
	static char separator(String text) {
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

	private static boolean isXlsx(byte[] head) {
		return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
	}

	private static boolean isUtf8(InputStreamSource source) throws IOException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (Reader reader = new InputStreamReader(source.getInputStream(), decoder)) {
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

	private static void readCsv(Reader reader, char separator, Handler handler) throws IOException {
		boolean header = true;
		try (CsvReader<CsvRecord> csv = CsvReader.builder()
			.fieldSeparator(separator)
			.skipEmptyLines(true)
			.allowExtraFields(true)
			.allowMissingFields(true)
			.ofCsvRecord(reader)) {
			for (CsvRecord record : csv) {
				if (record.getFields().stream().anyMatch(UnreadableText::hasNul)) {
					throw ImportRejectedException.at(1, "", UnreadableText.NUL);
				}
				try {
					if (header) {
						handler.header(record.getFields().stream().map(TableReader::headerName).toList());
						header = false;
					}
					else {
						List<String> cells = record.getFields().stream().map(SpreadsheetText::restored).toList();
						if (cells.stream().anyMatch(c -> !c.isBlank())) {
							handler.row(record.getStartingLineNumber(), cells);
						}
					}
				}
				catch (RuntimeException ex) {
					throw new FromHandler(ex);
				}
			}
		}
		catch (FromHandler ex) {
			throw ex.handlerException();
		}
		catch (ImportRejectedException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw ImportRejectedException.at(UnreadableText.line(ex), "", UnreadableText.CSV, UnreadableText.line(ex));
		}
		if (header) {
			handler.header(List.of());
		}
	}

	/** A row of a sheet, kept until the whole workbook was read without error. */
	private record XlsxRow(long number, List<String> cells) {
	}

	private static void readXlsx(byte[] bytes, Handler handler) {
		SpreadsheetText.guardXlsx();
		List<String> header = null;
		List<XlsxRow> rows = new ArrayList<>();
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
					cells.add(SpreadsheetText.restored(text(row.getCell(c))));
				}
				if (cells.stream().allMatch(String::isBlank)) {
					continue;
				}
				if (header == null) {
					header = cells.stream().map(TableReader::headerName).toList();
				}
				else {
					rows.add(new XlsxRow(row.getRowNum() + 1L, cells));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// POI reports zip bombs, oversized parts, DTDs and broken XML as IOException
			// or runtime exceptions
			throw ImportRejectedException.at(1, "", UnreadableText.XLSX);
		}
		handler.header(header == null ? List.of() : header);
		rows.forEach(row -> handler.row(row.number(), row.cells()));
	}

	/**
	 * Numbers without grouping and with a point, dates as yyyy-mm-dd, booleans ja/nee,
	 * text as is.
	 */
	static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		return switch (type) {
			case NUMERIC ->
				DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
						: BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
			case STRING -> cell.getStringCellValue();
			case BOOLEAN -> cell.getBooleanCellValue() ? "ja" : "nee";
			default -> "";
		};
	}

	private static String headerName(String name) {
		return name == null ? "" : SpreadsheetText.restored(name).replace("\uFEFF", "").strip();
	}

}
