package be.obmi.pirk.mobilisation;

/**
 * An owner of a case's object: personal data, read only with the function OWNER_DATA
 * (every read logged).
 *
 * @param kind PERSON, COMPANY or PUBLIC_BODY
 * @param share the owner's share or right, e.g. "volle eigendom", "1/2 vruchtgebruik"
 */
public record Owner(long id, long caseId, String name, String kind, String street, String postcode, String municipality,
		String email, String phone, String share, int version) {

	/** The owner's postal address on one line, empty when unknown. */
	public String addressLine() {
		StringBuilder line = new StringBuilder();
		if (street != null) {
			line.append(street);
		}
		String place = ((postcode == null ? "" : postcode) + " " + (municipality == null ? "" : municipality)).strip();
		if (!place.isEmpty()) {
			line.append(line.isEmpty() ? "" : ", ").append(place);
		}
		return line.toString();
	}

}
