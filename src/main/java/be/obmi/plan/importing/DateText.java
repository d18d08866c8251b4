package be.obmi.plan.importing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * A date in an uploaded plan file: {@code yyyy-mm-dd} (as XLSX cells are read) or
 * {@code dd/mm/yyyy}.
 */
final class DateText {

	private static final DateTimeFormatter BELGIAN = DateTimeFormatter.ofPattern("d/M/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private DateText() {
	}

	/** The date, or null when the text is neither form or no existing date. */
	static LocalDate parse(String text) {
		try {
			if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
				return LocalDate.parse(text);
			}
			if (text.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
				return LocalDate.parse(text, BELGIAN);
			}
		}
		catch (DateTimeParseException ex) {
			return null;
		}
		return null;
	}

}
