package be.obmi.pirk.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The filter of the inventory shared by the list, the map, the exports and the campaigns;
 * null parts match everything.
 * <p>
 * P3's stand-in with the agreed names: P1's own class replaces it at merge.
 *
 * @param register a register type code (LEEGSTAND_WONINGEN …) or SUSPICION
 * @param minMonths at least this many months vacant
 * @param text part of the address, CaPaKey or an identifier
 */
public record ObjectFilter(String register, VacancyClass vacancyClass, Integer minMonths, String function, String wijk,
		String sector, Integer minScore, RealEstateKind kind, String text) {

	/** Everything. */
	public static final ObjectFilter NONE = new ObjectFilter(null, null, null, null, null, null, null, null, null);

	/** The filter of a query string's parameters; unknown or bad values are ignored. */
	public static ObjectFilter from(Map<String, String> query) {
		return new ObjectFilter(text(query.get("register")), enumValue(VacancyClass.class, query.get("vacancyClass")),
				number(query.get("minMonths")), text(query.get("function")), text(query.get("wijk")),
				text(query.get("sector")), number(query.get("minScore")),
				enumValue(RealEstateKind.class, query.get("kind")), text(query.get("text")));
	}

	/** The query string of the filter (without {@code ?}), empty for {@link #NONE}. */
	public String toQuery() {
		Map<String, Object> parts = new LinkedHashMap<>();
		parts.put("register", register);
		parts.put("vacancyClass", vacancyClass);
		parts.put("minMonths", minMonths);
		parts.put("function", function);
		parts.put("wijk", wijk);
		parts.put("sector", sector);
		parts.put("minScore", minScore);
		parts.put("kind", kind);
		parts.put("text", text);
		StringJoiner query = new StringJoiner("&");
		parts.forEach((name, value) -> {
			if (value != null) {
				query.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
			}
		});
		return query.toString();
	}

	private static String text(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static Integer number(String value) {
		try {
			return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
		try {
			return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
