package be.obmi.shared.tabular;

import java.util.regex.Pattern;

import be.obmi.shared.InvisibleCharacters;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Text in files that people open in a spreadsheet. CSV exports neutralise formulas (OWASP
 * "CSV injection"): a text cell that starts with {@code = + - @}, a tab or a carriage
 * return gets a leading apostrophe, so Excel or LibreOffice shows it instead of running
 * it. A cell that is a plain number ({@code -12}, {@code +3.5}, {@code -1,25}) stays as
 * it is: a number never runs, and negative amounts must stay numbers. CSV imports undo
 * the neutralising (an apostrophe followed by one of those characters is dropped), so an
 * export can be imported again unchanged. XLSX exports write text as string cells, which
 * a spreadsheet never evaluates, so they need no apostrophe.
 * <p>
 * Also the limits for reading XLSX (a ZIP of XML): {@link #guardXlsx()} refuses zip bombs
 * and oversized parts.
 */
public final class SpreadsheetText {

	private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+([.,]\\d+)?([eE][+-]?\\d+)?");

	/**
	 * The smallest compressed/uncompressed ratio of an XLSX part; below it the file is a
	 * zip bomb.
	 */
	static final double MIN_INFLATE_RATIO = 0.01;

	/**
	 * The largest uncompressed XLSX part (a sheet's XML), so one sheet cannot exhaust the
	 * heap.
	 */
	static final long MAX_ENTRY_SIZE = 100L * 1024 * 1024;

	static {
		guardXlsx();
	}

	private SpreadsheetText() {
	}

	/** Whether a spreadsheet would run {@code text} as a formula. */
	public static boolean startsLikeFormula(String text) {
		if (text == null || text.isEmpty()) {
			return false;
		}
		char first = text.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				&& !NUMBER.matcher(text).matches();
	}

	/**
	 * The text with a leading apostrophe when a spreadsheet would run it as a formula;
	 * null stays null.
	 */
	public static String neutralised(String text) {
		return startsLikeFormula(text) ? "'" + text : text;
	}

	/**
	 * Undoes {@link #neutralised}: an apostrophe followed by a formula character is
	 * dropped.
	 */
	public static String restored(String text) {
		text = InvisibleCharacters.clean(text);
		if (text != null && text.length() > 1 && text.charAt(0) == '\'' && startsLikeFormula(text.substring(1))) {
			return text.substring(1);
		}
		return text;
	}

	/**
	 * Sets Apache POI's process-wide ZIP limits (minimum inflate ratio, maximum part
	 * size). POI parses XLSX parts with its hardened XML parser (no DTDs, no external
	 * entities); these limits add the zip-bomb guard. Idempotent.
	 */
	public static void guardXlsx() {
		ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
		ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
	}

}
