package be.obmi.buildings.comparison;

/** How a city's system for a process is linked to the building and address registers. */
public enum RegisterLink {

	/** Not linked: identifiers typed or not kept. */
	NONE,
	/** Looked up by hand in the registers' viewers. */
	MANUAL,
	/** Through the registers' API (reads and/or writes). */
	API;

	public String messageKey() {
		return "buildings.comparison.link." + name();
	}

}
