package be.obmi.shared.tabular;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An uploaded table: its header as written and its data rows, each numbered as the user
 * sees it in a spreadsheet (the header is row 1). Cells are read by position or by column
 * name (case-insensitive), trimmed, "" when empty.
 *
 * @param format {@code csv} or {@code xlsx}
 */
public record Table(List<String> header, List<Row> rows, String format) {

	public Table {
		header = List.copyOf(header);
		rows = List.copyOf(rows);
	}

	/** The column positions by lower-case name (the first column of a name wins). */
	static Map<String, Integer> columns(List<String> header) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			columns.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
		}
		return Map.copyOf(columns);
	}

	/** One data row: its number (1 = the header row) and its cells, as read. */
	public record Row(int number, List<String> cells, Map<String, Integer> columns) {

		/** The trimmed cell at a position, "" when empty or absent. */
		public String cell(int index) {
			return index < 0 || index >= cells.size() || cells.get(index) == null ? "" : cells.get(index).strip();
		}

		/** The trimmed value of a column, "" when empty or absent. */
		public String get(String column) {
			Integer index = columns.get(column.toLowerCase(Locale.ROOT));
			return index == null ? "" : cell(index);
		}

		/** The trimmed value of a column, null when empty or absent. */
		public String value(String column) {
			String value = get(column);
			return value.isEmpty() ? null : value;
		}

		public Optional<String> optional(String column) {
			return Optional.ofNullable(value(column));
		}

		public boolean isBlank() {
			return cells.stream().allMatch(c -> c == null || c.isBlank());
		}

	}

	/**
	 * Checks that the header has every required column.
	 * @throws ImportRejectedException naming each missing column (row 1)
	 */
	public void requireColumns(List<String> required) {
		List<ImportError> errors = required.stream()
			.filter(column -> !hasColumn(column))
			.map(column -> new ImportError(1, column, "import.file.columnMissing", column))
			.toList();
		if (!errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
	}

	/** Whether the header has a column of that name (case-insensitive). */
	public boolean hasColumn(String column) {
		return header.stream().anyMatch(h -> h.equalsIgnoreCase(column));
	}

}
