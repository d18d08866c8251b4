package be.obmi.buildings.comparison;

/**
 * The register object a city's records of a process are tied to: the question
 * "building unit vs address".
 */
public enum LinkedObject {

	NONE, ADDRESS, BUILDING_UNIT, BUILDING;

	public String messageKey() {
		return "buildings.comparison.object." + name();
	}

}
