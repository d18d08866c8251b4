package be.obmi.population.importing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import be.obmi.shared.Lambert72;
import be.obmi.shared.BelgianNumber;
import be.obmi.shared.tabular.ImportError;

/**
 * Reads the rows of a population-register extract (docs/formats/population-register.md):
 * the columns by name (in any order, case ignored), each cell checked, and before
 * anything else every cell of every column searched for a national register number, which
 * refuses the file with the row and column but never the number
 * ({@link NationalNumbers#MASK}).
 */
final class ExtractRows {

	static final List<String> REQUIRED = List.of("persoon", "geboortedatum", "geslacht", "nationaliteitsgroep",
			"huishouden", "huishoudtype", "positie", "straat", "huisnummer", "postcode", "burgerlijke_staat");

	static final Set<String> SEXES = Set.of("M", "V", "X");

	static final Set<String> NATIONALITY_GROUPS = Set.of("BE", "EU", "NEU", "ONB");

	static final Set<String> HOUSEHOLD_TYPES = Set.of("alleenstaand", "koppel", "koppel-kinderen", "eenouder",
			"collectief", "ander");

	static final Set<String> POSITIONS = Set.of("referentiepersoon", "partner", "kind", "ander");

	static final Set<String> CIVIL_STATUSES = Set.of("ongehuwd", "gehuwd", "verweduwd", "gescheiden",
			"feitelijk-gescheiden");

	static final Set<String> REASONS = Set.of("overlijden", "vertrek", "ambtshalve");

	private static final DateTimeFormatter BELGIAN = DateTimeFormatter.ofPattern("d/M/uuuu");

	/** A checked row, keys still in the clear (pseudonymised by the caller). */
	record Row(long number, String person, LocalDate born, String sex, String nationality, String household,
			String householdType, String position, String address, String postcode, String sector, Double x, Double y,
			Double lat, Double lon, LocalDate registered, String civilStatus, LocalDate deregistered, String reason) {

		boolean resident(LocalDate referenceDate) {
			return deregistered == null || deregistered.isAfter(referenceDate);
		}

	}

	private final List<String> header;

	private final Map<String, Integer> columns = new HashMap<>();

	private final LocalDate referenceDate;

	private final List<ImportError> errors;

	ExtractRows(List<String> header, LocalDate referenceDate, List<ImportError> errors) {
		this.header = header;
		this.referenceDate = referenceDate;
		this.errors = errors;
		for (int i = 0; i < header.size(); i++) {
			columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
		}
	}

	/** The required columns the header lacks. */
	List<String> missing() {
		return REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
	}

	/** The row, or null when it has an error (added to the errors). */
	Row read(long number, List<String> cells) {
		int before = errors.size();
		for (int i = 0; i < cells.size(); i++) {
			if (NationalNumbers.contains(cells.get(i))) {
				String column = i < header.size() ? header.get(i) : "#" + (i + 1);
				errors.add(new ImportError(number, column, "import.population.nationalNumber", NationalNumbers.MASK));
			}
		}
		if (errors.size() > before) {
			return null;
		}
		String person = required(number, cells, "persoon");
		LocalDate born = date(number, cells, "geboortedatum", true);
		String sex = code(number, cells, "geslacht", SEXES, true);
		String nationality = code(number, cells, "nationaliteitsgroep", NATIONALITY_GROUPS, true);
		String household = required(number, cells, "huishouden");
		String type = code(number, cells, "huishoudtype", HOUSEHOLD_TYPES, true);
		String position = code(number, cells, "positie", POSITIONS, true);
		String street = required(number, cells, "straat");
		String houseNumber = required(number, cells, "huisnummer");
		String postcode = required(number, cells, "postcode");
		if (postcode != null && !postcode.matches("[0-9]{4}")) {
			errors.add(new ImportError(number, "postcode", "import.population.postcode", postcode));
		}
		String civil = code(number, cells, "burgerlijke_staat", CIVIL_STATUSES, true);
		LocalDate registered = date(number, cells, "inschrijving", false);
		LocalDate deregistered = date(number, cells, "afvoering", false);
		String reason = code(number, cells, "afvoeringsreden", REASONS, false);
		Double x = coordinate(number, cells, "x");
		Double y = coordinate(number, cells, "y");
		Double lat = coordinate(number, cells, "lat");
		Double lon = coordinate(number, cells, "lon");
		if (born != null && born.isAfter(referenceDate)) {
			errors.add(new ImportError(number, "geboortedatum", "import.population.afterReference"));
		}
		if (registered != null && registered.isAfter(referenceDate)) {
			errors.add(new ImportError(number, "inschrijving", "import.population.afterReference"));
		}
		if (deregistered != null && !deregistered.isAfter(referenceDate) && reason == null) {
			errors.add(new ImportError(number, "afvoeringsreden", "import.population.reasonRequired"));
		}
		if ((x == null) != (y == null)) {
			errors.add(new ImportError(number, x == null ? "x" : "y", "import.population.coordinatePair"));
		}
		if ((lat == null) != (lon == null)) {
			errors.add(new ImportError(number, lat == null ? "lat" : "lon", "import.population.coordinatePair"));
		}
		if (x != null && y != null && !Lambert72.plausible(x, y)) {
			errors.add(new ImportError(number, "x", "import.population.lambert"));
		}
		if (errors.size() > before) {
			return null;
		}
		String bus = cell(cells, "busnummer");
		String address = normal(street) + "|" + normal(houseNumber) + "|" + (bus == null ? "" : normal(bus)) + "|"
				+ postcode;
		return new Row(number, person, born, sex, nationality, household, type, position, address, postcode,
				cell(cells, "sector"), x, y, lat, lon, registered, civil, deregistered, reason);
	}

	private static String normal(String text) {
		return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
	}

	private String cell(List<String> cells, String column) {
		Integer i = columns.get(column);
		if (i == null || i >= cells.size()) {
			return null;
		}
		String value = cells.get(i).strip();
		return value.isEmpty() ? null : value;
	}

	private String required(long number, List<String> cells, String column) {
		String value = cell(cells, column);
		if (value == null) {
			errors.add(new ImportError(number, column, "import.population.required"));
		}
		return value;
	}

	private String code(long number, List<String> cells, String column, Set<String> allowed, boolean required) {
		String value = required ? required(number, cells, column) : cell(cells, column);
		if (value == null) {
			return null;
		}
		String code = allowed.contains(value.toUpperCase(Locale.ROOT)) ? value.toUpperCase(Locale.ROOT)
				: value.toLowerCase(Locale.ROOT);
		if (!allowed.contains(code)) {
			errors.add(new ImportError(number, column, "import.population.code", value,
					String.join(", ", new TreeSet<>(allowed))));
			return null;
		}
		return code;
	}

	private LocalDate date(long number, List<String> cells, String column, boolean required) {
		String value = required ? required(number, cells, column) : cell(cells, column);
		if (value == null) {
			return null;
		}
		try {
			LocalDate date = value.contains("/") ? LocalDate.parse(value, BELGIAN) : LocalDate.parse(value);
			if (date.getYear() < 1880 || date.getYear() > 2200) {
				throw new DateTimeParseException("out of range", value, 0);
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			errors.add(new ImportError(number, column, "import.population.date", value));
			return null;
		}
	}

	private Double coordinate(long number, List<String> cells, String column) {
		String value = cell(cells, column);
		if (value == null) {
			return null;
		}
		Double parsed = BelgianNumber.parseDouble(value);
		if (parsed == null) {
			errors.add(new ImportError(number, column, "import.population.number", value));
		}
		return parsed;
	}

}
