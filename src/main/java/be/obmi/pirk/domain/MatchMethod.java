package be.obmi.pirk.domain;

import java.util.Locale;

/**
 * How a register entry was matched to an object, in the order the matching tries them,
 * with the quality (0–100) each gives.
 */
public enum MatchMethod {

	BUILDING_UNIT(100), BUILDING(100), ADDRESS_ID(95), CAPAKEY(90), ADDRESS(80), POLYGON(70), DISTANCE(60),
	/** A person linked it from the work queue. */
	MANUAL(100),
	/** A person made a new object for it from the work queue. */
	NEW_OBJECT(100),
	/** Not matched: the entry waits in the work queue. */
	NONE(0);

	private final int quality;

	MatchMethod(int quality) {
		this.quality = quality;
	}

	public int quality() {
		return quality;
	}

	public String messageKey() {
		return "pirk.match." + name().toLowerCase(Locale.ROOT);
	}

}
