package be.obmi.notification;

import java.util.Locale;

import be.obmi.identity.Contact;

/** Someone a notification e-mail goes to: their account and their choices. */
record Recipient(Contact contact, Preferences preferences) {

	long userId() {
		return contact.userId();
	}

	Locale locale() {
		return preferences.locale();
	}

}
