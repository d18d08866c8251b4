package be.obmi.pirk.importing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import be.obmi.shared.Lambert72;
import be.obmi.pirk.domain.EntryContent;
import be.obmi.pirk.domain.RealEstate;
import be.obmi.shared.BelgianNumber;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.shared.tabular.Table;
import be.obmi.shared.tabular.TableReader;

/**
 * Reads a register extract (docs/formats/pirk-register-entries.md): a CSV or XLSX with a
 * row per entry, or a GeoJSON FeatureCollection with a feature per entry and the same
 * names as properties. Coordinates are WGS84 ({@code lengtegraad}/{@code breedtegraad})
 * or Lambert 72 ({@code x}/{@code y}; in GeoJSON the {@code crs} member
 * {@code EPSG:31370}) and are turned into WGS84. Every error of every row is reported;
 * nothing is returned then.
 */
final class RegisterFile {

	/** The functions an object can have ({@code pirk.real_estate.function}). */
	static final Set<String> FUNCTIONS = Set.of("WONEN", "HANDEL", "BEDRIJF", "KANTOOR", "GEMEENSCHAP", "ERFGOED_KERK",
			"GROND", "ANDERE", "ONBEKEND");

	static final String WGS84 = "EPSG:4326";

	static final String LAMBERT72 = "EPSG:31370";

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

	private static final DateTimeFormatter BELGIAN_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

	private RegisterFile() {
	}

	/**
	 * A file's entries.
	 *
	 * @param format {@code csv}, {@code xlsx} or {@code geojson}
	 * @param crs the coordinates' system as written: {@code EPSG:4326},
	 * {@code EPSG:31370} or {@code NONE}
	 */
	record Parsed(String format, String crs, List<EntryContent> entries) {
	}

	/** The cells of one entry by column name, whatever the file's kind. */
	interface Cells {

		String get(String column);

	}

	static Parsed parse(byte[] bytes) {
		if (looksLikeJson(bytes)) {
			return GeoJsonRegisterFile.parse(bytes);
		}
		Table table = TableReader.read(bytes, List.of("id"));
		boolean lambert = table.hasColumn("x") || table.hasColumn("y");
		boolean wgs84 = table.hasColumn("lengtegraad") || table.hasColumn("breedtegraad");
		if (lambert && wgs84) {
			throw ImportRejectedException.at(1, "x", "import.pirk.twoSystems");
		}
		Lambert72 projection = lambert ? new Lambert72() : null;
		List<ImportError> errors = new ArrayList<>();
		List<EntryContent> entries = new ArrayList<>();
		Map<String, Integer> keys = new HashMap<>();
		for (Table.Row row : table.rows()) {
			EntryContent entry = entry(row.number(), row::get, projection, null, errors);
			add(entry, row.get("id"), row.number(), keys, entries, errors);
		}
		if (!errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
		if (entries.isEmpty()) {
			throw ImportRejectedException.at(2, "", "import.pirk.noRows");
		}
		return new Parsed(table.format(), lambert ? LAMBERT72 : wgs84 ? WGS84 : "NONE", entries);
	}

	/**
	 * Adds a row's entry (null when it had errors), reporting a key that an earlier row
	 * has already.
	 */
	static void add(EntryContent entry, String key, int row, Map<String, Integer> keys, List<EntryContent> entries,
			List<ImportError> errors) {
		String sourceKey = text(key, 100);
		if (sourceKey != null) {
			Integer first = keys.putIfAbsent(sourceKey, row);
			if (first != null) {
				errors.add(new ImportError(row, "id", "import.pirk.duplicateKey", sourceKey, first));
				return;
			}
		}
		if (entry != null) {
			entries.add(entry);
		}
	}

	/**
	 * The entry of one row, or null with its errors added.
	 * @param point the WGS84 point of a GeoJSON feature (then no coordinate columns are
	 * read), else null
	 * @param geometry the WGS84 GeoJSON polygon of a feature, else null
	 */
	static EntryContent entry(int row, Cells cells, Lambert72 projection, double[] point, List<ImportError> errors,
			String geometry) {
		int before = errors.size();
		String key = text(cells.get("id"), 100);
		if (key == null) {
			errors.add(new ImportError(row, "id", "import.pirk.keyMissing"));
		}
		String function = text(cells.get("functie"), 40);
		if (function != null) {
			function = function.toUpperCase(Locale.ROOT);
			if (!FUNCTIONS.contains(function)) {
				errors.add(new ImportError(row, "functie", "import.pirk.function", function));
			}
		}
		LocalDate since = date(row, cells.get("sinds"), errors);
		double[] at = point != null ? point : coordinates(row, cells, projection, errors);
		RealEstate.Address address = new RealEstate.Address(text(cells.get("straat"), 200),
				text(cells.get("huisnummer"), 20), text(cells.get("bus"), 20), text(cells.get("postcode"), 10),
				text(cells.get("gemeente"), 100));
		String addressId = text(cells.get("adres_id"), 200);
		String buildingId = text(cells.get("gebouw_id"), 200);
		String unitId = text(cells.get("gebouweenheid_id"), 200);
		String capakey = text(cells.get("capakey"), 40);
		boolean identified = addressId != null || buildingId != null || unitId != null || capakey != null;
		boolean addressed = address.street() != null && address.houseNumber() != null && address.postcode() != null;
		if (errors.size() == before && !identified && !addressed && at == null) {
			errors.add(new ImportError(row, null, "import.pirk.nothingToMatch"));
		}
		if (errors.size() > before) {
			return null;
		}
		return new EntryContent(key, addressId, buildingId, unitId, capakey == null ? null : capakey.toUpperCase(),
				address, function, since, text(cells.get("opmerking"), 2000), at == null ? null : round(at[0]),
				at == null ? null : round(at[1]), geometry);
	}

	static EntryContent entry(int row, Cells cells, Lambert72 projection, String geometry, List<ImportError> errors) {
		return entry(row, cells, projection, null, errors, geometry);
	}

	private static double[] coordinates(int row, Cells cells, Lambert72 projection, List<ImportError> errors) {
		String xColumn = projection != null ? "x" : "lengtegraad";
		String yColumn = projection != null ? "y" : "breedtegraad";
		String xText = text(cells.get(xColumn), 40);
		String yText = text(cells.get(yColumn), 40);
		if (xText == null && yText == null) {
			return null;
		}
		Double x = BelgianNumber.parseDouble(xText);
		Double y = BelgianNumber.parseDouble(yText);
		if (x == null || y == null) {
			errors.add(new ImportError(row, x == null ? xColumn : yColumn, "import.pirk.coordinate",
					x == null ? String.valueOf(xText) : String.valueOf(yText)));
			return null;
		}
		if (projection != null) {
			if (!Lambert72.plausible(x, y)) {
				errors.add(new ImportError(row, xColumn, "import.pirk.lambertOutside", xText, yText));
				return null;
			}
			double[] wgs84 = projection.toWgs84(x, y);
			return checked(row, xColumn, wgs84, errors);
		}
		return checked(row, xColumn, new double[] { x, y }, errors);
	}

	/** A WGS84 point, or null with an error when it does not lie in or near Belgium. */
	static double[] checked(int row, String column, double[] point, List<ImportError> errors) {
		if (point[0] < 2.3 || point[0] > 6.6 || point[1] < 49.3 || point[1] > 51.7) {
			errors.add(new ImportError(row, column, "import.pirk.outsideBelgium", round(point[0]), round(point[1])));
			return null;
		}
		return point;
	}

	private static LocalDate date(int row, String text, List<ImportError> errors) {
		String value = text(text, 20);
		if (value == null) {
			return null;
		}
		LocalDate date;
		try {
			date = value.contains("/") ? LocalDate.parse(value, BELGIAN_DATE) : LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			errors.add(new ImportError(row, "sinds", "import.pirk.date", value));
			return null;
		}
		if (date.getYear() < 1900 || date.isAfter(LocalDate.now().plusYears(1))) {
			errors.add(new ImportError(row, "sinds", "import.pirk.dateImplausible", value));
			return null;
		}
		return date;
	}

	/**
	 * The trimmed text without control characters (PostgreSQL refuses NUL), at most
	 * {@code max} characters; null when blank.
	 */
	static String text(String value, int max) {
		if (value == null) {
			return null;
		}
		String text = CONTROL.matcher(value).replaceAll("").strip();
		if (text.isEmpty()) {
			return null;
		}
		return text.length() > max ? text.substring(0, max) : text;
	}

	static double round(double degrees) {
		return Math.round(degrees * 1e7) / 1e7;
	}

	private static boolean looksLikeJson(byte[] bytes) {
		String start = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8).replace("\uFEFF", "")
			.stripLeading();
		return start.startsWith("{");
	}

}
