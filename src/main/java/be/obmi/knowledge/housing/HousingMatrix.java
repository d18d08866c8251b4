package be.obmi.knowledge.housing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.obmi.tenancy.Tenant;

/**
 * The instruments × cities table: what each city records about each instrument, now
 * ({@code round} null) or as a closed round froze it.
 *
 * @param states by tenant id and instrument code; a city without a record of an
 * instrument has no entry
 * @param demo whether it shows demo data (a demo round, or current records made by the
 * demo)
 */
public record HousingMatrix(HousingRound round, List<Tenant> cities, List<HousingInstrument> instruments,
		Map<Long, Map<String, InstrumentState>> states, boolean demo) {

	/** The city's state of the instrument; null when it has no record of it. */
	public InstrumentState cell(Tenant city, HousingInstrument instrument) {
		Map<String, InstrumentState> of = states.get(city.id());
		return of == null ? null : of.get(instrument.code());
	}

	/** Whether the city uses the instrument. */
	public boolean present(Tenant city, HousingInstrument instrument) {
		InstrumentState state = cell(city, instrument);
		return state != null && state.present();
	}

	/** The instruments by chapter number, in the list's order. */
	public Map<String, List<HousingInstrument>> chapters() {
		Map<String, List<HousingInstrument>> chapters = new LinkedHashMap<>();
		instruments.forEach(i -> chapters.computeIfAbsent(i.chapter(), c -> new ArrayList<>()).add(i));
		return chapters;
	}

	/** How many cities use the instrument. */
	public long count(HousingInstrument instrument) {
		return cities.stream().filter(c -> present(c, instrument)).count();
	}

}
