package be.obmi.knowledge.housing;

import java.time.LocalDate;

/**
 * A city's entry for one instrument as a form sends it.
 *
 * @param version the version of the record the form was read from; -1 when the city had
 * no record of the instrument yet
 */
public record InstrumentForm(String code, boolean present, String regulationUrl, String note, LocalDate since,
		int version) {

	public InstrumentState state() {
		return new InstrumentState(present, CityInstruments.blankToNull(regulationUrl),
				CityInstruments.blankToNull(note), since);
	}

}
