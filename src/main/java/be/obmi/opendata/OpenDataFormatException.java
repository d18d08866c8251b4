package be.obmi.opendata;

/**
 * A file in an open data format could not be read (or a cube cannot be written in a
 * format). The message is Dutch and names where the problem is: line or row, column or
 * keyword, and the reason.
 */
public class OpenDataFormatException extends RuntimeException {

	private final Long line;

	private final String column;

	private final String reason;

	public OpenDataFormatException(Long line, String column, String reason) {
		super(describe(line, column, reason));
		this.line = line;
		this.column = column;
		this.reason = reason;
	}

	public OpenDataFormatException(Long line, String column, String reason, Throwable cause) {
		super(describe(line, column, reason), cause);
		this.line = line;
		this.column = column;
		this.reason = reason;
	}

	public static OpenDataFormatException at(long line, String column, String reason) {
		return new OpenDataFormatException(line, column, reason);
	}

	public static OpenDataFormatException of(String reason) {
		return new OpenDataFormatException(null, null, reason);
	}

	private static String describe(Long line, String column, String reason) {
		var text = new StringBuilder();
		if (line != null) {
			text.append("Regel ").append(line);
		}
		if (column != null) {
			text.append(text.isEmpty() ? "" : ", ").append(column);
		}
		return text.isEmpty() ? reason : text.append(": ").append(reason).toString();
	}

	/** The line (text formats) or row (spreadsheets) where the problem is, or null. */
	public Long line() {
		return this.line;
	}

	/** The column, keyword or JSON property concerned, or null. */
	public String column() {
		return this.column;
	}

	public String reason() {
		return this.reason;
	}

}
