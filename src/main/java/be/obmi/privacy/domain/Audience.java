package be.obmi.privacy.domain;

/** Whose personal data an activity processes: citizens or the organisation's staff. */
public enum Audience {

	CITIZENS, STAFF;

	public String messageKey() {
		return "privacy.audience." + name();
	}

}
