package be.obmi.notification;

import java.util.Locale;

import be.obmi.shared.Texts;

/**
 * Which notification e-mails a user receives, and in which language ({@code nl} or
 * {@code en}). Without a stored choice: everything, in Dutch.
 */
record Preferences(boolean roundOpened, boolean reminder, boolean returned, boolean approved, boolean digest,
		String language) {

	static final Preferences DEFAULTS = new Preferences(true, true, true, true, true, "nl");

	boolean wants(Kind kind) {
		return switch (kind) {
			case ROUND_OPENED -> roundOpened;
			case REMINDER -> reminder;
			case RETURNED -> returned;
			case APPROVED -> approved;
			case DIGEST -> digest;
		};
	}

	Locale locale() {
		return "en".equals(language) ? Locale.ENGLISH : Texts.DUTCH;
	}

}
