package be.obmi.shared;

import java.util.regex.Pattern;

/**
 * Removes the characters that change how a text is shown without being visible:
 * bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069,
 * U+061C), zero-width characters and direction marks (U+200B–U+200F, U+2060, U+FEFF). In
 * a name on a public page or in a PDF, "Gent\u202Elave" would read as "Gentevall"
 * reversed — a way to make one name look like another. Every file import, form and the
 * PDF renderers pass texts through here.
 */
public final class InvisibleCharacters {

	private static final Pattern INVISIBLE = Pattern
		.compile("[\\u202A-\\u202E\\u2066-\\u2069\\u061C\\u200B-\\u200F\\u2060\\uFEFF]");

	private InvisibleCharacters() {
	}

	/** The text without invisible formatting characters; null stays null. */
	public static String clean(String text) {
		if (text == null) {
			return null;
		}
		var matcher = INVISIBLE.matcher(text);
		return matcher.find() ? matcher.replaceAll("") : text;
	}

}
