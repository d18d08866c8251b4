package be.obmi.opendata;

/**
 * RFC 4180 field quoting, and the neutralising of spreadsheet formulas in text fields.
 */
final class CsvText {

	private CsvText() {
	}

	/**
	 * Quotes a field when it contains the separator, a quote or a line break; doubles
	 * inner quotes.
	 */
	static String field(String text, char separator) {
		if (text == null) {
			return "";
		}
		boolean quote = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == separator || c == '"' || c == '\n' || c == '\r') {
				quote = true;
				break;
			}
		}
		return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
	}

	/**
	 * A text that a spreadsheet would run as a formula ({@code = + - @}, tab or carriage
	 * return first) gets a leading apostrophe, so that opening the file never executes
	 * anything (OWASP CSV injection).
	 */
	static String neutralised(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		return startsLikeFormula(text) ? "'" + text : text;
	}

	static boolean startsLikeFormula(String text) {
		if (text == null || text.isEmpty()) {
			return false;
		}
		char first = text.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

}
