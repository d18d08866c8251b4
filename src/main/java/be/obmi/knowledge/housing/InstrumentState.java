package be.obmi.knowledge.housing;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a city records about one instrument, now or in a round's snapshot: whether it is
 * in use, the link to the city's regulation, a note and since when.
 */
public record InstrumentState(boolean present, String regulationUrl, String note, LocalDate since) {

	/** Whether the link or the note differ from {@code other}'s. */
	public boolean differsFrom(InstrumentState other) {
		return !Objects.equals(regulationUrl, other.regulationUrl) || !Objects.equals(note, other.note);
	}

}
