package be.obmi.shared.tabular;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An uploaded table: its header and its data rows, each row numbered as the user sees it in a spreadsheet (the
 * header is row 1). Values are trimmed strings, never null ("" for an empty cell).
 */
public record Table(List<String> header, List<Row> rows, String format) {

	public record Row(int number, Map<String, String> values) {

		/** The trimmed value of a column, "" when empty or absent. */
		public String get(String column) {
			return values.getOrDefault(column.toLowerCase(Locale.ROOT), "");
		}

		public Optional<String> optional(String column) {
			String value = get(column);
			return value.isEmpty() ? Optional.empty() : Optional.of(value);
		}

		public boolean isBlank() {
			return values.values().stream().allMatch(String::isEmpty);
		}

	}

	/** Header names lower-cased, as the rows use them. */
	public boolean hasColumn(String column) {
		return header.stream().anyMatch(h -> h.equalsIgnoreCase(column));
	}

}
