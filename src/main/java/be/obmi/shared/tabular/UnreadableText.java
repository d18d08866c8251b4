package be.obmi.shared.tabular;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message codes ({@code i18n/messages}) for text files the importers cannot read,
 * without the parser's (English, internal) message: a file with NUL characters (binary
 * content, or text saved as UTF-16, which PostgreSQL cannot store), an unreadable Excel
 * file and a CSV file whose quotes do not match.
 */
public final class UnreadableText {

	public static final String NUL = "import.file.nul";

	public static final String XLSX = "import.file.xlsxUnreadable";

	/** With the line the parser stopped at ({@link #line}) as argument. */
	public static final String CSV = "import.file.csvUnreadable";

	private static final Pattern LINE = Pattern.compile("line (\\d+)");

	private UnreadableText() {
	}

	/** Whether the text holds a NUL character. */
	public static boolean hasNul(String text) {
		return text.indexOf('\0') >= 0;
	}

	/** The line the CSV parser stopped at (1 when it does not say). */
	public static int line(RuntimeException csvProblem) {
		Matcher matcher = LINE.matcher(String.valueOf(csvProblem.getMessage()));
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : 1;
	}

}
