package be.obmi.buildings;

import java.time.LocalDate;

/**
 * A city's building-related record of one Schillenboek process with the register
 * identifiers it carries, as the register-gap indicator counts it. Identifiers are the
 * registers' object ids (digits) or null; {@code parcel} is a CaPaKey.
 *
 * @param processCode a code of {@code buildings.process}
 * @param recordId the record's id in the city's system
 * @param addressId the Adresregister's address object id
 * @param buildingUnitId the Gebouwenregister's building-unit object id
 * @param buildingId the Gebouwenregister's building object id
 * @param parcel the parcel's CaPaKey
 * @param date the record's date, may be null
 */
public record ProcessRecord(String processCode, String recordId, String addressId, String buildingUnitId,
		String buildingId, String parcel, LocalDate date) {

	/** How a record is linked to the registers, the indicator's three classes. */
	public enum Link {

		/** It names a building unit (an address may come with it). */
		BUILDING_UNIT,
		/** It names an address but no building unit. */
		ADDRESS_ONLY,
		/** Neither (a building or parcel alone counts here). */
		UNLINKED

	}

	public Link link() {
		if (present(buildingUnitId)) {
			return Link.BUILDING_UNIT;
		}
		return present(addressId) ? Link.ADDRESS_ONLY : Link.UNLINKED;
	}

	private static boolean present(String id) {
		return id != null && !id.isBlank();
	}

}
