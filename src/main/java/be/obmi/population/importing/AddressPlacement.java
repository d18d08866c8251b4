package be.obmi.population.importing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import be.obmi.shared.Lambert72;
import be.obmi.stats.AreaLocator;
import be.obmi.stats.AreaNames;

/**
 * Places one import's addresses in the city's statistical sectors: by the sector code of
 * the row when it has one (a sector of the city in the statistics' areas), else by its
 * address point — Lambert 72 {@code x}/{@code y} or WGS84 {@code lat}/{@code lon} —
 * through {@link AreaLocator} (point-in-polygon on the sector polygons, JTS). What cannot
 * be placed goes to the city's sector "niet te lokaliseren" ({@code <nis>ZZZZ}, so city
 * totals stay whole) with a reason for the import's report. One per import (not
 * thread-safe); codes and points are remembered within it.
 */
final class AddressPlacement {

	/** How an address was placed. */
	enum Method {

		CODE, POINT, UNPLACED

	}

	/**
	 * Where an address lies: the sector (the city's "niet te lokaliseren" sector or null
	 * when unplaced) and, when unplaced, the reason's message code.
	 */
	record Placed(String sectorCode, Method method, String reason) {
	}

	private final AreaLocator locator;

	private final AreaNames names;

	private final String nis;

	private final String unplacedSector;

	private final Lambert72 lambert = new Lambert72();

	private final Map<String, Boolean> knownSectors = new HashMap<>();

	AddressPlacement(AreaLocator locator, AreaNames names, String nis) {
		this.locator = locator;
		this.names = names;
		this.nis = nis;
		String zzzz = nis + "ZZZZ";
		this.unplacedSector = names.name("statsec", zzzz, nis).isPresent() ? zzzz : null;
	}

	Placed place(String sectorCode, Double x, Double y, Double lat, Double lon) {
		if (sectorCode != null) {
			String code = sectorCode.strip().toUpperCase(Locale.ROOT);
			if (knownSectors.computeIfAbsent(code,
					c -> !c.endsWith("ZZZZ") && names.name("statsec", c, nis).isPresent())) {
				return new Placed(code, Method.CODE, null);
			}
			if (x == null && lat == null) {
				return unplaced("population.unplaced.unknownSector");
			}
		}
		if (x == null && lat == null) {
			return unplaced("population.unplaced.noLocation");
		}
		double[] point = x != null ? lambert.toWgs84(x, y) : new double[] { lon, lat };
		String sector = locator.locate(nis, point[0], point[1]).sectorCode();
		if (sector == null) {
			return unplaced("population.unplaced.outside");
		}
		return new Placed(sector, Method.POINT, null);
	}

	private Placed unplaced(String reason) {
		return new Placed(unplacedSector, Method.UNPLACED, reason);
	}

}
