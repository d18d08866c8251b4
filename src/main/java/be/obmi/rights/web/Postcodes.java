package be.obmi.rights.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The postcodes of the cities on the platform (bpost's list, main and deelgemeente
 * codes), giving the city's NIS code: every search starts with the postcode.
 */
final class Postcodes {

	private static final Map<String, String> NIS = new HashMap<>();

	static {
		put("41002", "9300", "9308", "9310", "9320");
		put("11002", "2000", "2018", "2020", "2030", "2040", "2050", "2060", "2100", "2140", "2170", "2180", "2600",
				"2610", "2660");
		put("31005", "8000", "8200", "8310", "8380");
		put("71016", "3600");
		put("44021", "9000", "9030", "9031", "9032", "9040", "9041", "9042", "9050", "9051", "9052");
		put("71022", "3500", "3501", "3510", "3511", "3512");
		put("34022", "8500", "8501", "8510", "8511");
		put("24062", "3000", "3001", "3010", "3012", "3018");
		put("12025", "2800", "2801", "2811", "2812");
		put("35013", "8400");
		put("36015", "8800");
		put("46021", "9100", "9111", "9112");
		put("13040", "2300");
	}

	private Postcodes() {
	}

	/** The NIS code of the city with this postcode, empty for one not on the platform. */
	static Optional<String> nis(String postcode) {
		return Optional.ofNullable(postcode == null ? null : NIS.get(postcode.strip()));
	}

	private static void put(String nis, String... postcodes) {
		for (String postcode : postcodes) {
			NIS.put(postcode, nis);
		}
	}

}
