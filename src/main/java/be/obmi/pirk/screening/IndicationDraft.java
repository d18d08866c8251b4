package be.obmi.pirk.screening;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A new or re-delivered indication of an object; identified by object, kind, period and
 * source, so delivering it again changes nothing and a new value replaces the old.
 */
public record IndicationDraft(long realEstateId, IndicationKind kind, LocalDate periodFrom, LocalDate periodTo,
		BigDecimal value, String source, String note, boolean demo) {

	public IndicationDraft {
		source = source == null ? "" : source.strip();
		note = note == null || note.isBlank() ? null : note.strip();
	}

}
