package be.obmi.pirk.domain;

/**
 * The vacancy state of an object, as the screening keeps it. Administrative vacancy (the
 * registers show no resident, business or user) and verified vacancy (confirmed after a
 * visit) are kept apart; partly vacant is its own class.
 */
public enum VacancyClass {

	/** Nothing points at vacancy. */
	NONE,
	/** A rule fired on the object's indications; not yet screened. */
	SUSPECTED,
	/** No resident, business or user according to the registers. */
	ADMINISTRATIVE,
	/** Vacancy confirmed after a visit. */
	VERIFIED,
	/** Part of the object (some units or floors) is vacant. */
	PARTLY_VACANT,
	/** In use according to a visit: the suspicion was dismissed. */
	DISMISSED;

	public String messageKey() {
		return "pirk.class." + name().toLowerCase();
	}

}
