package be.obmi.pirk.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An object of a city's PIRK inventory.
 *
 * @param parentId the building of a building unit, else null
 * @param addressId the Adresregister identifier (URI or number), may be null
 * @param buildingId the Gebouwenregister identifier of the building, may be null
 * @param buildingUnitId the Gebouwenregister identifier of the building unit, may be null
 * @param capakey the cadastral parcel key (CaPaKey, e.g. {@code 12025A0123/00B000}), may
 * be null
 * @param function the object's main function (a code of
 * {@code pirk.real_estate.function})
 * @param geometry the geometry as GeoJSON (WGS84), may be null
 * @param longitude WGS84 longitude of the object's representative point, may be null
 * @param latitude WGS84 latitude of the object's representative point, may be null
 * @param sectorCode the statistical sector that contains the point, derived
 * @param wijkCode the wijk that contains the point, derived
 * @param vacantSince the first day of the current vacancy, may be null
 */
public record RealEstate(long id, long tenantId, RealEstateKind kind, Long parentId, String addressId,
		String buildingId, String buildingUnitId, String capakey, Address address, String function, String geometry,
		Double longitude, Double latitude, String sectorCode, String wijkCode, VacancyClass vacancyClass,
		LocalDate vacantSince, int suspicionScore, boolean demo, OffsetDateTime createdAt, OffsetDateTime updatedAt,
		int version) {

	/** A postal address as the registers give it; parts may be null. */
	public record Address(String street, String houseNumber, String box, String postcode, String municipality) {

		/** One line: {@code Bruul 12 bus 3, 2800 Mechelen}. */
		public String line() {
			StringBuilder line = new StringBuilder();
			append(line, street, "");
			append(line, houseNumber, " ");
			append(line, box == null ? null : "bus " + box, " ");
			append(line, postcode, ", ");
			append(line, municipality, postcode == null ? ", " : " ");
			return line.toString();
		}

		private static void append(StringBuilder line, String part, String separator) {
			if (part != null && !part.isBlank()) {
				line.append(line.isEmpty() ? "" : separator).append(part.strip());
			}
		}

	}

}
