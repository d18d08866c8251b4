package be.obmi.population.importing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Belgian national register numbers (rijksregisternummer, also bis numbers) in a
 * text: eleven digits, written together or as {@code 85.07.30-033.61},
 * {@code 850730 033 61} or {@code 850730-033-61}, whose last two digits are the check
 * digits (97 minus the first nine modulo 97, for people born from 2000 with a 2 before
 * the nine). Such a number is never stored nor repeated: {@link #MASK} stands for it in
 * every message.
 */
public final class NationalNumbers {

	/** What a message shows instead of a number. */
	public static final String MASK = "••.••.••-•••.••";

	private static final Pattern CANDIDATE = Pattern
		.compile("(?<![0-9])([0-9]{2})[. ]?([0-9]{2})[. ]?([0-9]{2})[-. ]?([0-9]{3})[-. ]?([0-9]{2})(?![0-9])");

	private NationalNumbers() {
	}

	/** Whether the text holds a national register number anywhere. */
	public static boolean contains(String text) {
		if (text == null || text.length() < 11) {
			return false;
		}
		Matcher m = CANDIDATE.matcher(text);
		while (m.find()) {
			String digits = m.group(1) + m.group(2) + m.group(3) + m.group(4);
			if (valid(Long.parseLong(digits), Integer.parseInt(m.group(5)))) {
				return true;
			}
		}
		return false;
	}

	/** Whether the check digits fit the first nine digits (born before or from 2000). */
	static boolean valid(long firstNine, int check) {
		return 97 - firstNine % 97 == check || 97 - (2_000_000_000L + firstNine) % 97 == check;
	}

}
