package be.obmi.pirk.domain;

/**
 * What an object of the inventory is (OSLO Gebouw, Gebouweenheid, Perceel; a site of
 * several).
 */
public enum RealEstateKind {

	BUILDING, BUILDING_UNIT, PARCEL, SITE;

	public String messageKey() {
		return "pirk.kind." + name().toLowerCase();
	}

}
