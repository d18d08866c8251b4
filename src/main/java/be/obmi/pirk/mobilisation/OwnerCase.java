package be.obmi.pirk.mobilisation;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The mobilisation case of one object. Holds no owner data itself: its owners and notes
 * are read through {@link OwnerCases} with the function OWNER_DATA.
 *
 * @param address the object's address (no owner data)
 * @param temporaryUseCase a case of the knowledge bank's collection tijdelijk-gebruik, or
 * null
 */
public record OwnerCase(long id, long tenantId, long realEstateId, String address, OwnerStatus status,
		LocalDate statusSince, UUID temporaryUseCase, boolean demo, int version) {

}
