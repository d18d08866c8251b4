package be.obmi.opendata;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import be.obmi.opendata.PxHeader.Entry;

/**
 * Reads PX files as statistical offices publish them (PX-file format specification 2013):
 * language variants, {@code CODEPAGE} ({@code iso-8859-1}, {@code windows-1252},
 * {@code utf-8}; without it UTF-8 is tried strictly, then Windows-1252), several
 * {@code STUB}/{@code HEADING} variables, {@code VALUES}/{@code CODES}, {@code TIMEVAL},
 * {@code HIERARCHIES} and the data symbols {@code "."}, {@code ".."}, {@code "..."},
 * {@code "...."}, {@code "....."}, {@code "......"} and {@code "-"}. The symbol
 * {@code "..."} is read as a suppressed (confidential) cell, as {@link PxWriter} writes
 * it; the others as missing cells keeping their symbol. Sizes are checked before anything
 * is allocated.
 * <p>
 * A file is read in steps (see {@code parse}): {@link PxCharset} decodes the bytes,
 * {@link PxHeader} reads the keywords before {@code DATA}, and this class gives them
 * their meaning: languages, variables and their values, dimensions with codes, roles,
 * units and hierarchies, then the cells of {@code DATA} and the cube. It stays longer
 * than most readers because that meaning of the PX keywords is kept in one place.
 */
public final class PxReader implements CubeReader {

	/** Refuse cubes with more cells than this before allocating anything. */
	public static final long MAX_CELLS = 50_000_000L;

	/** Refuse files larger than this. */
	public static final int MAX_BYTES = 512 * 1024 * 1024;

	private static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

	private final String defaultLanguage;

	public PxReader() {
		this("nl");
	}

	/**
	 * @param defaultLanguage the language assumed when the file has no {@code LANGUAGE}
	 * keyword
	 */
	public PxReader(String defaultLanguage) {
		this.defaultLanguage = defaultLanguage;
	}

	@Override
	public Cube read(InputStream in) {
		try {
			return parse(PxCharset.decode(readBytes(in)));
		}
		catch (OpenDataFormatException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new OpenDataFormatException(ex, null, null, "import.opendata.pxUnreadable", ex.getMessage());
		}
	}

	private static byte[] readBytes(InputStream in) {
		byte[] bytes;
		try {
			bytes = in.readNBytes(MAX_BYTES + 1);
		}
		catch (IOException ex) {
			throw new OpenDataFormatException(ex, null, null, "import.opendata.unreadable");
		}
		if (bytes.length > MAX_BYTES) {
			throw OpenDataFormatException.of("import.opendata.fileLargerThan", MAX_BYTES / (1024 * 1024));
		}
		return bytes;
	}

	/**
	 * The steps from text to cube; each checks what it reads, so the first problem is
	 * reported.
	 */
	private Cube parse(String text) {
		var header = PxHeader.read(text);
		var matrix = matrix(header);
		var languages = languages(header);
		var variables = variables(header, languages);
		int decimals = decimals(header);
		var dimensions = dimensions(header, languages, variables, decimals);
		var cells = readData(text, header.dataStart(), header.dataLine(), (int) variables.cells());
		return cube(header, matrix, languages, decimals, dimensions, cells);
	}

	/**
	 * {@code MATRIX} and {@code DATA} are required; {@code KEYS} (sparse data) is
	 * refused.
	 */
	private static Entry matrix(PxHeader header) {
		var matrix = header.get("MATRIX", null)
			.orElseThrow(() -> OpenDataFormatException.at(1, "MATRIX", "import.opendata.pxMatrixMissing"));
		if (header.dataStart() < 0) {
			throw OpenDataFormatException.at(header.endLine(), "DATA", "import.opendata.pxDataMissing");
		}
		if (!header.all("KEYS").isEmpty()) {
			throw OpenDataFormatException.at(header.endLine(), "KEYS", "import.opendata.pxKeysUnsupported");
		}
		return matrix;
	}

	/**
	 * The languages of a file: the main one ({@code LANGUAGE}, else the reader's default)
	 * first, then the others of {@code LANGUAGES}.
	 */
	private record Languages(String main, List<String> all) {

		/** The language of a keyword variant: none for the main language. */
		String variant(String language) {
			return language.equals(this.main) ? null : language;
		}

	}

	private Languages languages(PxHeader header) {
		var main = header.get("LANGUAGE", null).map(Entry::text).filter(s -> !s.isBlank()).orElse(this.defaultLanguage);
		var all = new ArrayList<String>();
		all.add(main);
		header.get("LANGUAGES", null)
			.ifPresent(e -> e.texts().stream().filter(l -> !all.contains(l)).forEach(all::add));
		return new Languages(main, List.copyOf(all));
	}

	/**
	 * The variables of {@code STUB} and {@code HEADING}: their names in the main
	 * language, their names per language (by position), their {@code VALUES} in the main
	 * language, and the number of cells they span.
	 */
	private record Variables(List<String> names, Map<String, List<String>> namesByLanguage, List<List<String>> values,
			long cells) {
	}

	/**
	 * The variables, with the size checked against {@link #MAX_CELLS} before allocating.
	 */
	private static Variables variables(PxHeader header, Languages languages) {
		var names = variableNames(header);
		var namesByLanguage = namesByLanguage(header, languages, names);
		var valueLists = new ArrayList<List<String>>();
		long cells = 1;
		for (var variable : names) {
			var values = header.get("VALUES", null, List.of(variable))
				.orElseThrow(() -> OpenDataFormatException.at(1, "VALUES(\"" + variable + "\")",
						"import.opendata.pxValuesMissing", variable));
			if (values.items().isEmpty()) {
				throw OpenDataFormatException.at(values.line(), "VALUES(\"" + variable + "\")",
						"import.opendata.pxNoValues");
			}
			valueLists.add(values.texts());
			cells = Math.multiplyExact(cells, values.items().size());
			if (cells > MAX_CELLS) {
				throw OpenDataFormatException.at(values.line(), "VALUES", "import.opendata.pxTooManyCells", MAX_CELLS);
			}
		}
		return new Variables(names, namesByLanguage, valueLists, cells);
	}

	private static List<String> variableNames(PxHeader header) {
		var stub = header.get("STUB", null).map(Entry::texts).orElse(List.of());
		var heading = header.get("HEADING", null).map(Entry::texts).orElse(List.of());
		if (stub.isEmpty() && heading.isEmpty()) {
			throw OpenDataFormatException.at(1, "STUB/HEADING", "import.opendata.pxNoVariables");
		}
		var variables = new ArrayList<String>(stub);
		variables.addAll(heading);
		if (new HashSet<>(variables).size() != variables.size()) {
			throw OpenDataFormatException.at(header.line("STUB"), "STUB/HEADING", "import.opendata.pxVariableTwice");
		}
		return variables;
	}

	private static Map<String, List<String>> namesByLanguage(PxHeader header, Languages languages,
			List<String> variables) {
		Map<String, List<String>> namesByLanguage = new LinkedHashMap<>();
		namesByLanguage.put(languages.main(), variables);
		for (var lang : languages.all().subList(1, languages.all().size())) {
			var s = header.get("STUB", lang).map(Entry::texts).orElse(null);
			var h = header.get("HEADING", lang).map(Entry::texts).orElse(null);
			if (s == null && h == null) {
				continue;
			}
			var names = new ArrayList<String>(s == null ? List.of() : s);
			names.addAll(h == null ? List.of() : h);
			if (names.size() != variables.size()) {
				throw OpenDataFormatException.at(header.line("STUB[" + lang + "]"),
						"STUB[" + lang + "]/HEADING[" + lang + "]", "import.opendata.pxLanguageVariableCount",
						names.size(), variables.size());
			}
			namesByLanguage.put(lang, names);
		}
		return namesByLanguage;
	}

	/** {@code SHOWDECIMALS}, else {@code DECIMALS}, between 0 and 15. */
	private static int decimals(PxHeader header) {
		var decimals = header.get("SHOWDECIMALS", null)
			.or(() -> header.get("DECIMALS", null))
			.map(e -> parseInt(e, "DECIMALS"))
			.orElse(0);
		return Math.max(0, Math.min(15, decimals));
	}

	private static List<Dimension> dimensions(PxHeader header, Languages languages, Variables variables, int decimals) {
		var contVariable = header.get("CONTVARIABLE", null).map(Entry::text).orElse(null);
		var dimensions = new ArrayList<Dimension>();
		for (int v = 0; v < variables.names().size(); v++) {
			dimensions.add(dimension(header, languages, variables, v, contVariable, decimals));
		}
		return dimensions;
	}

	private static Dimension dimension(PxHeader header, Languages languages, Variables variables, int v,
			String contVariable, int decimals) {
		var variable = variables.names().get(v);
		var values = variables.values().get(v);
		var codes = codes(header, variable, values);
		var names = new LinkedHashMap<String, String>();
		variables.namesByLanguage().forEach((lang, list) -> names.put(lang, list.get(v)));
		var valuesByLanguage = valuesByLanguage(header, languages, names, values);
		var role = role(header, variable, contVariable);
		var parents = hierarchy(header, variable, values, codes);
		var categories = new ArrayList<Category>();
		for (int c = 0; c < values.size(); c++) {
			var label = new LinkedHashMap<String, String>();
			for (var entry : valuesByLanguage.entrySet()) {
				label.put(entry.getKey(), entry.getValue().get(c));
			}
			var unit = role == DimensionRole.METRIC ? unit(header, languages, names, valuesByLanguage, c, decimals)
					: null;
			categories.add(new Category(codes.get(c), new LocalizedText(label), parents.get(c), unit));
		}
		var id = header.get("VARIABLECODE", null, List.of(variable))
			.map(Entry::text)
			.filter(s -> !s.isBlank())
			.orElse(variable);
		return new Dimension(id, new LocalizedText(names), role, categories);
	}

	/** {@code CODES} of a variable, else its values; as many as values and each once. */
	private static List<String> codes(PxHeader header, String variable, List<String> values) {
		var codes = header.get("CODES", null, List.of(variable)).map(Entry::texts).orElse(values);
		if (codes.size() != values.size()) {
			throw OpenDataFormatException.at(header.line("CODES"), "CODES(\"" + variable + "\")",
					"import.opendata.pxCodesCount", codes.size(), values.size());
		}
		if (new HashSet<>(codes).size() != codes.size()) {
			throw OpenDataFormatException.at(header.line("CODES"), "CODES(\"" + variable + "\")",
					"import.opendata.pxCodeTwice");
		}
		return codes;
	}

	/**
	 * The values of a variable in each language that has them, by the variable's name in
	 * that language; as many as in the main language.
	 */
	private static Map<String, List<String>> valuesByLanguage(PxHeader header, Languages languages,
			Map<String, String> names, List<String> values) {
		Map<String, List<String>> valuesByLanguage = new LinkedHashMap<>();
		for (var entry : names.entrySet()) {
			var lang = entry.getKey();
			var name = entry.getValue();
			var langValues = lang.equals(languages.main()) ? values
					: header.get("VALUES", lang, List.of(name)).map(Entry::texts).orElse(null);
			if (langValues == null) {
				continue;
			}
			if (langValues.size() != values.size()) {
				throw OpenDataFormatException.at(header.line("VALUES[" + lang + "]"),
						"VALUES[" + lang + "](\"" + name + "\")", "import.opendata.pxLanguageValuesCount",
						langValues.size(), values.size());
			}
			valuesByLanguage.put(lang, langValues);
		}
		return valuesByLanguage;
	}

	/**
	 * Metric for the contents variable, time with {@code TIMEVAL} or type {@code T},
	 * geographic with type {@code G} or a {@code MAP}.
	 */
	private static DimensionRole role(PxHeader header, String variable, String contVariable) {
		var type = header.get("VARIABLE-TYPE", null, List.of(variable)).map(Entry::text).orElse("");
		if (variable.equals(contVariable)) {
			return DimensionRole.METRIC;
		}
		if (header.get("TIMEVAL", null, List.of(variable)).isPresent() || type.equalsIgnoreCase("T")) {
			return DimensionRole.TIME;
		}
		if (type.equalsIgnoreCase("G") || header.get("MAP", null, List.of(variable)).isPresent()) {
			return DimensionRole.GEO;
		}
		return DimensionRole.OTHER;
	}

	/**
	 * The unit of a category of the contents variable: {@code UNITS} of its value in each
	 * language, and the first {@code PRECISION} found (else the table's decimals); none
	 * when the file gives neither.
	 */
	private static CategoryUnit unit(PxHeader header, Languages languages, Map<String, String> names,
			Map<String, List<String>> valuesByLanguage, int c, int decimals) {
		var unitLabel = new LinkedHashMap<String, String>();
		Integer precision = null;
		for (var entry : valuesByLanguage.entrySet()) {
			var lang = entry.getKey();
			var valueName = entry.getValue().get(c);
			var variant = languages.variant(lang);
			header.get("UNITS", variant, List.of(valueName)).ifPresent(e -> unitLabel.put(lang, e.text()));
			if (precision == null) {
				precision = header.get("PRECISION", variant, List.of(names.get(lang), valueName))
					.map(e -> parseInt(e, "PRECISION"))
					.orElse(null);
			}
		}
		if (unitLabel.isEmpty() && precision == null) {
			return null;
		}
		return new CategoryUnit(new LocalizedText(unitLabel), precision == null ? decimals : precision);
	}

	private static List<String> hierarchy(PxHeader header, String variable, List<String> values, List<String> codes) {
		var parents = new ArrayList<String>();
		for (int i = 0; i < values.size(); i++) {
			parents.add(null);
		}
		var entry = header.get("HIERARCHIES", null, List.of(variable));
		if (entry.isEmpty()) {
			return parents;
		}
		var index = new HashMap<String, Integer>();
		for (int i = 0; i < values.size(); i++) {
			index.put(values.get(i), i);
		}
		for (var item : entry.get().items()) {
			if (item.size() == 2) {
				var parent = index.get(item.get(0));
				var child = index.get(item.get(1));
				if (parent != null && child != null && !parent.equals(child)) {
					parents.set(child, codes.get(parent));
				}
			}
		}
		return parents;
	}

	/** The values of {@code DATA}: exactly as many as expected, numbers or PX symbols. */
	private static Cells readData(String text, int start, long startLine, int expected) {
		var values = new double[expected];
		var statuses = new CellStatus[expected];
		var symbols = new HashMap<Integer, String>();
		int count = 0;
		long line = startLine;
		int pos = start;
		int length = text.length();
		while (true) {
			while (pos < length && (Character.isWhitespace(text.charAt(pos)) || text.charAt(pos) == ',')) {
				if (text.charAt(pos) == '\n') {
					line++;
				}
				pos++;
			}
			if (pos >= length) {
				throw OpenDataFormatException.at(line, "DATA", "import.opendata.pxDataUnterminated", count, expected);
			}
			char c = text.charAt(pos);
			if (c == ';') {
				break;
			}
			String token;
			if (c == '"') {
				int close = text.indexOf('"', pos + 1);
				if (close < 0) {
					throw OpenDataFormatException.at(line, "DATA", "import.opendata.pxDataQuoteOpen");
				}
				token = text.substring(pos + 1, close);
				pos = close + 1;
			}
			else {
				int end = pos;
				while (end < length && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != ';'
						&& text.charAt(end) != ',') {
					end++;
				}
				token = text.substring(pos, end);
				pos = end;
			}
			if (count >= expected) {
				throw OpenDataFormatException.at(line, "DATA", "import.opendata.pxDataTooManyValues", expected);
			}
			var symbol = token.trim();
			if (PxWriter.PX_SYMBOLS.contains(symbol)) {
				statuses[count] = symbol.equals(PxWriter.SUPPRESSED_SYMBOL) ? CellStatus.SUPPRESSED
						: CellStatus.MISSING;
				symbols.put(count, symbol);
				values[count] = Double.NaN;
			}
			else {
				try {
					values[count] = Double.parseDouble(symbol);
				}
				catch (NumberFormatException ex) {
					throw OpenDataFormatException.at(line, "DATA", "import.opendata.pxDataNotNumber", abbreviate(token),
							count + 1);
				}
				if (!Double.isFinite(values[count])) {
					throw OpenDataFormatException.at(line, "DATA", "import.opendata.pxDataNotFinite",
							abbreviate(token));
				}
				statuses[count] = CellStatus.OK;
			}
			count++;
		}
		if (count != expected) {
			throw OpenDataFormatException.at(line, "DATA", "import.opendata.pxDataCount", count, expected);
		}
		return Cells.dense(values, statuses, symbols);
	}

	/**
	 * The cube: id from {@code MATRIX}, title, source, units, update time and subject.
	 */
	private static Cube cube(PxHeader header, Entry matrix, Languages languages, int decimals,
			List<Dimension> dimensions, Cells cells) {
		var main = languages.main();
		var extension = new LinkedHashMap<String, String>();
		header.get("SUBJECT-CODE", null).ifPresent(e -> extension.put("subjectCode", e.text()));
		for (var lang : languages.all()) {
			header.get("SUBJECT-AREA", languages.variant(lang))
				.ifPresent(e -> extension.put("subjectArea" + (lang.equals(main) ? "" : "." + lang), e.text()));
		}
		var cubeId = matrix.text().replaceAll("[^A-Za-z0-9_\\-]", "_");
		if (cubeId.isEmpty()) {
			throw OpenDataFormatException.at(matrix.line(), "MATRIX", "import.opendata.pxMatrixEmpty");
		}
		try {
			return new Cube(cubeId,
					header.localized("TITLE", languages.all(), main)
						.orElseGet(() -> header.localized("CONTENTS", languages.all(), main)
							.orElse(LocalizedText.single(main, cubeId))),
					header.localized("SOURCE", languages.all(), main).orElse(LocalizedText.empty()),
					header.localized("UNITS", languages.all(), main).orElse(LocalizedText.empty()), decimals,
					updated(header), dimensions, cells, extension);
		}
		catch (IllegalArgumentException ex) {
			throw OpenDataFormatException.of("import.opendata.pxInconsistent", ex.getMessage());
		}
	}

	/**
	 * {@code LAST-UPDATED}; else the latest {@code LAST-UPDATED("content")} of the main
	 * language, as PxWeb does for tables with a contents variable; else
	 * {@code CREATION-DATE}.
	 */
	private static Instant updated(PxHeader header) {
		var plain = header.get("LAST-UPDATED", null).map(e -> parseDate(e.text()));
		if (plain.isPresent() && plain.get() != null) {
			return plain.get();
		}
		var latest = header.all("LAST-UPDATED")
			.stream()
			.filter(e -> e.language() == null && !e.subkeys().isEmpty())
			.map(e -> parseDate(e.text()))
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder());
		if (latest.isPresent()) {
			return latest.get();
		}
		return header.get("CREATION-DATE", null).map(e -> parseDate(e.text())).orElse(null);
	}

	private static String abbreviate(String text) {
		return text.length() > 30 ? text.substring(0, 30) + "…" : text;
	}

	private static Instant parseDate(String text) {
		for (var pattern : List.of("yyyyMMdd HH:mm", "yyyyMMdd HH:mm:ss", "yyyyMMdd HHmm")) {
			try {
				return LocalDateTime.parse(text.trim(), DateTimeFormatter.ofPattern(pattern)).atZone(ZONE).toInstant();
			}
			catch (RuntimeException ex) {
				// try the next pattern
			}
		}
		return null;
	}

	private static int parseInt(Entry entry, String keyword) {
		try {
			return Integer.parseInt(entry.text().trim());
		}
		catch (NumberFormatException ex) {
			throw OpenDataFormatException.at(entry.line(), keyword, "import.opendata.pxNotInteger", entry.text());
		}
	}

}
