package be.obmi.pirk.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the list, the map, the exports and the campaigns show of a city's objects: every
 * criterion that is not null must hold. Read from and written to the query parameters of
 * the pages ({@code register}, {@code klasse}, {@code duur}, {@code functie},
 * {@code wijk}, {@code sector}, {@code score}, {@code soort}, {@code q}); a value that
 * cannot be read is left out, so a link never fails.
 *
 * @param register a {@link RegisterType} code: the object has a current entry of that
 * register
 * @param vacancyClass the object's vacancy class
 * @param minMonths the object is vacant for at least that many months
 * @param function the object's function code ({@code WONEN}, {@code HANDEL}, …)
 * @param wijk the wijk code
 * @param sector the statistical sector code
 * @param minScore the suspicion score is at least this
 * @param kind building, building unit, parcel or site
 * @param text a part of the address, CaPaKey or a register identifier
 */
public record ObjectFilter(String register, VacancyClass vacancyClass, Integer minMonths, String function, String wijk,
		String sector, Integer minScore, RealEstateKind kind, String text) {

	/** No criterion: every object. */
	public static final ObjectFilter NONE = new ObjectFilter(null, null, null, null, null, null, null, null, null);

	private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

	/** The longest free text kept. */
	static final int MAX_TEXT = 200;

	public ObjectFilter {
		register = RegisterType.of(register).map(Enum::name).orElse(null);
		function = code(function);
		wijk = code(wijk);
		sector = code(sector);
		text = text == null ? null : CONTROL.matcher(text).replaceAll("").strip();
		text = text == null || text.isEmpty() ? null : text;
		if (text != null && text.length() > MAX_TEXT) {
			text = text.substring(0, MAX_TEXT);
		}
		minMonths = minMonths == null || minMonths < 0 ? null : Math.min(minMonths, 1200);
		minScore = minScore == null || minScore < 0 ? null : Math.min(minScore, 1000);
	}

	/** The filter of the query parameters (unknown or unreadable values are left out). */
	public static ObjectFilter from(Map<String, String> query) {
		return new ObjectFilter(query.get("register"), enumOf(VacancyClass.class, query.get("klasse")),
				number(query.get("duur")), query.get("functie"), query.get("wijk"), query.get("sector"),
				number(query.get("score")), enumOf(RealEstateKind.class, query.get("soort")), query.get("q"));
	}

	/** The query parameters of this filter, only the criteria that are set. */
	public Map<String, String> toQuery() {
		Map<String, String> query = new LinkedHashMap<>();
		put(query, "register", register);
		put(query, "klasse", vacancyClass == null ? null : vacancyClass.name());
		put(query, "duur", minMonths == null ? null : minMonths.toString());
		put(query, "functie", function);
		put(query, "wijk", wijk);
		put(query, "sector", sector);
		put(query, "score", minScore == null ? null : minScore.toString());
		put(query, "soort", kind == null ? null : kind.name());
		put(query, "q", text);
		return query;
	}

	/** The query string of this filter ({@code register=…&klasse=…}), "" for none. */
	public String queryString() {
		return toQuery().entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
			.collect(Collectors.joining("&"));
	}

	/** Whether no criterion is set. */
	public boolean isEmpty() {
		return toQuery().isEmpty();
	}

	private static void put(Map<String, String> query, String name, String value) {
		if (value != null) {
			query.put(name, value);
		}
	}

	private static String code(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String code = CONTROL.matcher(value).replaceAll("").strip().toUpperCase(Locale.ROOT);
		if (code.isEmpty()) {
			return null;
		}
		return code.length() > 40 ? code.substring(0, 40) : code;
	}

	private static Integer number(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
