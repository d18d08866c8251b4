package be.obmi.shared.tabular;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dutch reasons for text files the importers cannot read, without the parser's (English,
 * internal) message: a file with NUL characters (binary content, or text saved as UTF-16,
 * which PostgreSQL cannot store) and a CSV file whose quotes do not match.
 */
public final class UnreadableText {

	public static final String NUL = "Het bestand bevat NUL-tekens: het is binair of in UTF-16 bewaard. "
			+ "Bewaar het als CSV in UTF-8 of Windows-1252, of als XLSX. Er is niets gewijzigd.";

	public static final String XLSX = "Het Excel-bestand is onleesbaar: beschadigd, uitgepakt te groot, of met XML die "
			+ "niet toegelaten is (DTD of externe entiteiten). Er is niets gewijzigd.";

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

	/** The Dutch reason for a CSV file the parser refused. */
	public static String csv(RuntimeException csvProblem) {
		return "Het CSV-bestand is onleesbaar vanaf regel " + line(csvProblem) + ": een aanhalingsteken (\") opent of "
				+ "sluit een veld niet juist, of het bestand is geen tekst. Er is niets gewijzigd.";
	}

}
