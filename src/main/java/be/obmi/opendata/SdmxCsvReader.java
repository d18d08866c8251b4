package be.obmi.opendata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Reads SDMX-CSV 2.0 data messages (with or without {@code labels=both}). The separator
 * is the character after the {@code STRUCTURE} header term. Columns before
 * {@code OBS_VALUE} (other than the fixed ones) are the dimensions; columns after it are
 * attributes, of which {@code OBS_STATUS} and {@code OBS_CONF} are understood. Dimension
 * categories keep the order in which they first appear; combinations without a row are
 * missing cells. A confidential row ({@code OBS_CONF=C}, or {@code OBS_STATUS=C}) becomes
 * a suppressed cell and its value, if any, is dropped.
 * <p>
 * Over 300 lines because SDMX-CSV 2.0's structure column, its dimension and attribute
 * columns and its confidentiality rules are read and checked together, row by row.
 */
public final class SdmxCsvReader implements CubeReader {

	private static final Pattern STRUCTURE_ID = Pattern
		.compile("([A-Za-z0-9_@$\\-.]+):([A-Za-z0-9_@$\\-]+)\\(([0-9A-Za-z.+\\-]+)\\)(?:: (.*))?");

	private static final Set<String> FIXED = Set.of("STRUCTURE_NAME", "ACTION", "SERIES_KEY", "OBS_KEY");

	private final String language;

	public SdmxCsvReader() {
		this("nl");
	}

	/**
	 * @param language the language of the labels in the file
	 */
	public SdmxCsvReader(String language) {
		this.language = language;
	}

	@Override
	public Cube read(InputStream in) {
		try {
			return parse(text(in));
		}
		catch (OpenDataFormatException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new OpenDataFormatException(ex, null, null, "import.opendata.sdmxUnreadable", ex.getMessage());
		}
	}

	private static String text(InputStream in) {
		try {
			var bytes = in.readNBytes(PxReader.MAX_BYTES + 1);
			if (bytes.length > PxReader.MAX_BYTES) {
				throw OpenDataFormatException.of("import.opendata.fileTooLarge");
			}
			int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
					&& (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw OpenDataFormatException.of("import.opendata.sdmxNotUtf8");
		}
		catch (IOException ex) {
			throw new OpenDataFormatException(ex, null, null, "import.opendata.unreadable");
		}
	}

	private record Column(String id, String label) {
	}

	private Cube parse(String text) {
		if (!text.startsWith("STRUCTURE")) {
			throw OpenDataFormatException.at(1, "kolom 1", "import.opendata.sdmxFirstColumn");
		}
		int after = "STRUCTURE".length();
		if (after < text.length() && text.charAt(after) == '[') {
			int close = text.indexOf(']', after);
			if (close < 0) {
				throw OpenDataFormatException.at(1, "STRUCTURE", "import.opendata.sdmxStructureBracketOpen");
			}
			after = close + 1;
		}
		if (after >= text.length() || text.charAt(after) == '\n' || text.charAt(after) == '\r') {
			throw OpenDataFormatException.at(1, "STRUCTURE", "import.opendata.sdmxOneColumn");
		}
		char separator = text.charAt(after);
		List<CsvRecord> records = new ArrayList<>();
		try (var reader = CsvReader.builder()
			.fieldSeparator(separator)
			.allowExtraFields(true)
			.allowMissingFields(true)
			.skipEmptyLines(true)
			.ofCsvRecord(text)) {
			reader.forEach(records::add);
		}
		catch (IOException | RuntimeException ex) {
			throw OpenDataFormatException.of("import.opendata.sdmxInvalidCsv", ex.getMessage());
		}
		var header = records.getFirst().getFields();
		if (header.size() < 2 || !header.get(1).equals("STRUCTURE_ID")) {
			throw OpenDataFormatException.at(1, "kolom 2", "import.opendata.sdmxSecondColumn");
		}
		var columns = new ArrayList<Column>();
		boolean labelsMode = false;
		for (var field : header) {
			int colon = field.indexOf(": ");
			if (colon > 0) {
				labelsMode = true;
				columns.add(new Column(field.substring(0, colon).trim(), field.substring(colon + 2)));
			}
			else {
				columns.add(new Column(field.trim(), null));
			}
		}
		var ids = new HashSet<String>();
		for (int c = 0; c < columns.size(); c++) {
			var id = columns.get(c).id();
			if (id.isEmpty()) {
				throw OpenDataFormatException.at(1, "kolom " + (c + 1), "import.opendata.sdmxHeaderEmpty");
			}
			if (!ids.add(id)) {
				throw OpenDataFormatException.at(1, "kolom " + (c + 1), "import.opendata.sdmxHeaderTwice", id);
			}
		}
		int obsValue = -1;
		for (int c = 0; c < columns.size(); c++) {
			if (columns.get(c).id().equals("OBS_VALUE")) {
				obsValue = c;
			}
		}
		if (obsValue < 0) {
			throw OpenDataFormatException.at(1, "OBS_VALUE", "import.opendata.sdmxObsValueMissing");
		}
		int action = indexOf(columns, "ACTION");
		int obsStatus = indexOf(columns, "OBS_STATUS");
		int obsConf = indexOf(columns, "OBS_CONF");
		var dimensionColumns = new ArrayList<Integer>();
		for (int c = 2; c < obsValue; c++) {
			if (!FIXED.contains(columns.get(c).id())) {
				dimensionColumns.add(c);
			}
		}
		if (dimensionColumns.isEmpty()) {
			throw OpenDataFormatException.at(1, "kolommen", "import.opendata.sdmxNoDimensions");
		}
		String structureId = null;
		String structureName = null;
		List<Map<String, Integer>> categoryIndex = new ArrayList<>();
		List<List<Category>> categories = new ArrayList<>();
		for (int d = 0; d < dimensionColumns.size(); d++) {
			categoryIndex.add(new HashMap<>());
			categories.add(new ArrayList<>());
		}
		var rows = new ArrayList<int[]>();
		var rowValues = new ArrayList<Cell>();
		for (int r = 1; r < records.size(); r++) {
			var record = records.get(r);
			long line = record.getStartingLineNumber();
			if (record.getFieldCount() != columns.size()) {
				throw OpenDataFormatException.at(line, "rij " + r, "import.opendata.sdmxFieldCount",
						record.getFieldCount(), columns.size());
			}
			var structure = record.getField(0);
			if (!Set.of("dataflow", "datastructure", "dataprovision").contains(structure)) {
				throw OpenDataFormatException.at(line, "STRUCTURE", "import.opendata.sdmxStructureType", structure);
			}
			var matcher = STRUCTURE_ID.matcher(record.getField(1));
			if (!matcher.matches()) {
				throw OpenDataFormatException.at(line, "STRUCTURE_ID", "import.opendata.sdmxStructureId",
						record.getField(1));
			}
			var reference = matcher.group(1) + ":" + matcher.group(2) + "(" + matcher.group(3) + ")";
			if (structureId == null) {
				structureId = reference;
				structureName = matcher.group(4);
			}
			else if (!structureId.equals(reference)) {
				throw OpenDataFormatException.at(line, "STRUCTURE_ID", "import.opendata.sdmxSeveralStructures");
			}
			if (action >= 0) {
				var act = record.getField(action);
				if (!act.isEmpty() && !Set.of("I", "A", "R", "M").contains(act)) {
					throw OpenDataFormatException.at(line, "ACTION", "import.opendata.sdmxAction", act);
				}
			}
			var key = new int[dimensionColumns.size()];
			for (int d = 0; d < dimensionColumns.size(); d++) {
				var raw = record.getField(dimensionColumns.get(d));
				String code = raw;
				String label = null;
				if (labelsMode) {
					int colon = raw.indexOf(": ");
					if (colon > 0) {
						code = raw.substring(0, colon);
						label = raw.substring(colon + 2);
					}
				}
				code = code.trim();
				if (code.isEmpty()) {
					throw OpenDataFormatException.at(line, columns.get(dimensionColumns.get(d)).id(),
							"import.opendata.sdmxCodeEmpty");
				}
				var index = categoryIndex.get(d);
				var existing = index.get(code);
				if (existing == null) {
					existing = index.size();
					index.put(code, existing);
					categories.get(d)
						.add(new Category(code,
								label == null ? LocalizedText.empty() : LocalizedText.single(this.language, label)));
				}
				key[d] = existing;
			}
			var value = record.getField(obsValue).trim();
			var status = obsStatus >= 0 ? record.getField(obsStatus).trim() : "";
			var conf = obsConf >= 0 ? record.getField(obsConf).trim() : "";
			Cell cell;
			if (conf.equals("C") || status.equals("C")) {
				cell = Cell.suppressed();
			}
			else if (value.isEmpty()) {
				cell = Cell.missing(status.isEmpty() ? null : status);
			}
			else {
				try {
					var number = Double.parseDouble(value);
					if (!Double.isFinite(number)) {
						throw new NumberFormatException();
					}
					cell = Cell.ok(number);
				}
				catch (NumberFormatException ex) {
					throw OpenDataFormatException.at(line, "OBS_VALUE", "import.opendata.sdmxNotNumber", value);
				}
			}
			rows.add(key);
			rowValues.add(cell);
		}
		if (rows.isEmpty()) {
			throw OpenDataFormatException.at(2, "rij 1", "import.opendata.sdmxNoObservations");
		}
		long count = 1;
		for (var list : categories) {
			count = Math.multiplyExact(count, list.size());
			if (count > PxReader.MAX_CELLS) {
				throw OpenDataFormatException.of("import.opendata.sdmxTooManyCells", PxReader.MAX_CELLS);
			}
		}
		var values = new double[(int) count];
		var statuses = new CellStatus[(int) count];
		Arrays.fill(statuses, CellStatus.MISSING);
		Arrays.fill(values, Double.NaN);
		var symbols = new HashMap<Integer, String>();
		var seen = new BitSet((int) count);
		for (int r = 0; r < rows.size(); r++) {
			var key = rows.get(r);
			int index = 0;
			for (int d = 0; d < key.length; d++) {
				index = index * categories.get(d).size() + key[d];
			}
			if (seen.get(index)) {
				throw OpenDataFormatException.at(records.get(r + 1).getStartingLineNumber(), "rij " + (r + 1),
						"import.opendata.sdmxDuplicateKey");
			}
			seen.set(index);
			var cell = rowValues.get(r);
			statuses[index] = cell.status();
			values[index] = cell.value();
			if (cell.symbol() != null) {
				symbols.put(index, cell.symbol());
			}
		}
		var dimensions = new ArrayList<Dimension>();
		for (int d = 0; d < dimensionColumns.size(); d++) {
			var column = columns.get(dimensionColumns.get(d));
			var role = switch (column.id()) {
				case "TIME_PERIOD" -> DimensionRole.TIME;
				case "REF_AREA" -> DimensionRole.GEO;
				default -> DimensionRole.OTHER;
			};
			dimensions.add(new Dimension(column.id(), column.label() == null ? LocalizedText.empty()
					: LocalizedText.single(this.language, column.label()), role, categories.get(d)));
		}
		var matcher = STRUCTURE_ID.matcher(structureId);
		matcher.matches();
		var id = matcher.group(2).startsWith("DF_") ? matcher.group(2).substring(3) : matcher.group(2);
		var extension = new LinkedHashMap<String, String>();
		extension.put("sdmxStructure", structureId);
		return new Cube(id, LocalizedText.single(this.language, structureName == null ? id : structureName),
				LocalizedText.empty(), LocalizedText.empty(), 0, null, dimensions,
				Cells.dense(values, statuses, symbols), extension);
	}

	private static int indexOf(List<Column> columns, String id) {
		for (int c = 0; c < columns.size(); c++) {
			if (columns.get(c).id().equals(id)) {
				return c;
			}
		}
		return -1;
	}

}
