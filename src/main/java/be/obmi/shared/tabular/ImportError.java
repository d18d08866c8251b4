package be.obmi.shared.tabular;

/**
 * One problem in an uploaded file, as a person fixes it: the row (1 = the header row, as
 * in a spreadsheet), the column by its header name (or null for a problem with the whole
 * row or file), and the reason in Dutch.
 */
public record ImportError(Integer row, String column, String message) {

	/** A problem in a row (1 = the header row) and column. */
	public ImportError(long row, String column, String message) {
		this(Integer.valueOf(Math.toIntExact(row)), column, message);
	}

	public static ImportError ofFile(String message) {
		return new ImportError(null, null, message);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		if (row != null) {
			text.append("rij ").append(row);
		}
		if (column != null) {
			text.append(text.isEmpty() ? "" : ", ").append("kolom ").append(column);
		}
		return (text.isEmpty() ? "" : text + ": ") + message;
	}

}
