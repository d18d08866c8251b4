package be.obmi.notification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The user's choices as the preferences page posts them. */
record PreferencesForm(boolean roundOpened, boolean reminder, boolean returned, boolean approved, boolean digest,
		@NotNull(message = "{notification.preferences.language.invalid}") @Pattern(regexp = "nl|en",
				message = "{notification.preferences.language.invalid}") String language) {

	static PreferencesForm of(Preferences preferences) {
		return new PreferencesForm(preferences.roundOpened(), preferences.reminder(), preferences.returned(),
				preferences.approved(), preferences.digest(), preferences.language());
	}

	Preferences preferences() {
		return new Preferences(roundOpened, reminder, returned, approved, digest, language);
	}

}
