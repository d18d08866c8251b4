package be.obmi.pirk.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What one row of a register extract says, as read from the file (coordinates already in
 * WGS84). Two rows with the same content have the same {@link #hash()}, which is how an
 * import sees that nothing changed.
 *
 * @param sourceKey the entry's own key in the register (dossier number), required
 * @param geometry a GeoJSON geometry (WGS84) when the file gave a polygon, else null
 */
public record EntryContent(String sourceKey, String addressId, String buildingId, String buildingUnitId, String capakey,
		RealEstate.Address address, String function, LocalDate registeredSince, String note, Double longitude,
		Double latitude, String geometry) {

	public EntryContent {
		address = address == null ? new RealEstate.Address(null, null, null, null, null) : address;
	}

	/** Whether it has a point to match on. */
	public boolean located() {
		return longitude != null && latitude != null;
	}

	/** The SHA-256 of every field, in a fixed order. */
	public String hash() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			Stream
				.of(sourceKey, addressId, buildingId, buildingUnitId, capakey, address.street(), address.houseNumber(),
						address.box(), address.postcode(), address.municipality(), function, registeredSince, note,
						longitude == null ? null : Math.round(longitude * 1e7),
						latitude == null ? null : Math.round(latitude * 1e7), geometry)
				.map(value -> Objects.toString(value, "\u0000") + "\u001f")
				.forEach(value -> digest.update(value.getBytes(StandardCharsets.UTF_8)));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
