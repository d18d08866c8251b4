package be.obmi.stats;

import java.util.Optional;

/**
 * Places a point in the platform's areas: the statistical sector and the wijk of a city
 * that contain it, by point-in-polygon on the polygons the statistics maps use (the
 * wijken of the reference data, a city's own {@code statsec-<nis>.geojson}). Other
 * modules (PIRK's objects, the rights' addresses, register extracts) derive their areas
 * through it instead of reading the polygons themselves.
 */
public interface AreaLocator {

	/**
	 * The areas of the city that contain the point.
	 * @param nis the city's NIS code (5 digits)
	 * @param longitude WGS84 longitude (x)
	 * @param latitude WGS84 latitude (y)
	 * @return the sector and wijk codes; each null where the city has no polygon that
	 * contains the point (or no polygons of that level at all)
	 */
	Location locate(String nis, double longitude, double latitude);

	/**
	 * The polygon of an area as GeoJSON geometry (WGS84), when the platform has one.
	 * @param nis the city's NIS code
	 * @param level {@code statsec} or {@code wijk}
	 * @param code the area's code
	 */
	Optional<String> geometry(String nis, String level, String code);

	/**
	 * Where a point lies.
	 *
	 * @param sectorCode the statistical sector's code ({@code 12025A00-}), or null
	 * @param wijkCode the wijk's code, or null
	 */
	record Location(String sectorCode, String wijkCode) {

		public static final Location NOWHERE = new Location(null, null);

	}

}
