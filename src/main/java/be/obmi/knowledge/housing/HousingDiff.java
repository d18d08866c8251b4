package be.obmi.knowledge.housing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.obmi.tenancy.Tenant;

/**
 * What changed between two states of the matrix (two closed rounds, or a closed round and
 * now), per city: the instruments added (not in use before, in use after), ended (in use
 * before, not after) and changed (in use in both, with another link or note). Nothing
 * else is listed.
 */
public record HousingDiff(HousingMatrix from, HousingMatrix to, List<Line> lines) {

	/** How an instrument changed. */
	public enum Kind {

		ADDED, ENDED, CHANGED;

		public String messageKey() {
			return "knowledge.housing.diff.kind." + name();
		}

	}

	/**
	 * One changed instrument of one city; {@code before} or {@code after} may be null.
	 */
	public record Line(Tenant city, HousingInstrument instrument, Kind kind, InstrumentState before,
			InstrumentState after) {
	}

	/**
	 * The differences from {@code from} to {@code to}, by city (as {@code to} lists them)
	 * and instrument.
	 */
	public static HousingDiff between(HousingMatrix from, HousingMatrix to) {
		Map<Long, Tenant> cities = new LinkedHashMap<>();
		to.cities().forEach(c -> cities.put(c.id(), c));
		from.cities().forEach(c -> cities.putIfAbsent(c.id(), c));
		Map<String, HousingInstrument> instruments = new LinkedHashMap<>();
		to.instruments().forEach(i -> instruments.put(i.code(), i));
		from.instruments().forEach(i -> instruments.putIfAbsent(i.code(), i));
		List<Line> lines = new ArrayList<>();
		for (Tenant city : cities.values()) {
			for (HousingInstrument instrument : instruments.values()) {
				InstrumentState before = from.cell(city, instrument);
				InstrumentState after = to.cell(city, instrument);
				Kind kind = kind(before, after);
				if (kind != null) {
					lines.add(new Line(city, instrument, kind, before, after));
				}
			}
		}
		return new HousingDiff(from, to, List.copyOf(lines));
	}

	static Kind kind(InstrumentState before, InstrumentState after) {
		boolean was = before != null && before.present();
		boolean is = after != null && after.present();
		if (!was && is) {
			return Kind.ADDED;
		}
		if (was && !is) {
			return Kind.ENDED;
		}
		if (was && before.differsFrom(after)) {
			return Kind.CHANGED;
		}
		return null;
	}

	/** The lines of one city. */
	public Map<Tenant, List<Line>> byCity() {
		Map<Tenant, List<Line>> byCity = new LinkedHashMap<>();
		lines.forEach(l -> byCity.computeIfAbsent(l.city(), c -> new ArrayList<>()).add(l));
		return byCity;
	}

}
