package be.obmi.pirk.screening;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A sign of (non-)use of an object over a period.
 *
 * @param value months (no resident), m³ or kWh; null for a report or observation
 * @param source who delivered it (a register extract, a utility, a service), may be empty
 * @param importId the import that brought it, null when entered by hand
 */
public record Indication(long id, long realEstateId, IndicationKind kind, LocalDate periodFrom, LocalDate periodTo,
		BigDecimal value, String source, String note, Long importId, String recordedBy, OffsetDateTime recordedAt,
		boolean demo) {

}
