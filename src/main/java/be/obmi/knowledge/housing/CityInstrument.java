package be.obmi.knowledge.housing;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A city's current record of one instrument, with who changed it last and when, and its
 * version for optimistic locking.
 */
public record CityInstrument(long tenantId, String instrumentCode, boolean present, String regulationUrl, String note,
		LocalDate since, String changedBy, OffsetDateTime changedAt, boolean demo, int version) {

	public InstrumentState state() {
		return new InstrumentState(present, regulationUrl, note, since);
	}

}
