package be.obmi.opendata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

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
			byte[] bytes;
			try {
				bytes = in.readNBytes(MAX_BYTES + 1);
			}
			catch (IOException ex) {
				throw new OpenDataFormatException(null, null, "het bestand kon niet gelezen worden", ex);
			}
			if (bytes.length > MAX_BYTES) {
				throw OpenDataFormatException.of("het bestand is groter dan " + (MAX_BYTES / (1024 * 1024)) + " MB");
			}
			return parse(decode(bytes));
		}
		catch (OpenDataFormatException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new OpenDataFormatException(null, null,
					"het PX-bestand kon niet gelezen worden (" + ex.getMessage() + ")", ex);
		}
	}

	static String decode(byte[] bytes) {
		int offset = 0;
		Charset charset = null;
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
			offset = 3;
			charset = StandardCharsets.UTF_8;
		}
		var head = new String(bytes, offset, Math.min(bytes.length - offset, 64 * 1024), StandardCharsets.ISO_8859_1);
		var matcher = Pattern.compile("(?m)^\\s*CODEPAGE\\s*=\\s*\"([^\"]*)\"").matcher(head);
		if (matcher.find()) {
			var name = matcher.group(1).trim().toLowerCase(Locale.ROOT);
			try {
				charset = switch (name) {
					case "utf-8", "utf8" -> StandardCharsets.UTF_8;
					case "iso-8859-1", "latin1", "iso8859-1" -> StandardCharsets.ISO_8859_1;
					default -> Charset.forName(name);
				};
			}
			catch (IllegalArgumentException ex) {
				throw OpenDataFormatException.at(lineOf(head, matcher.start()), "CODEPAGE",
						"onbekende tekenset \"" + matcher.group(1) + "\"");
			}
			return strictDecode(bytes, offset, charset, "CODEPAGE=\"" + matcher.group(1) + "\"");
		}
		if (charset != null) {
			return strictDecode(bytes, offset, charset, "UTF-8 (BOM)");
		}
		try {
			return strictDecode(bytes, offset, StandardCharsets.UTF_8, "UTF-8");
		}
		catch (OpenDataFormatException ex) {
			return strictDecode(bytes, offset, Charset.forName("windows-1252"), "Windows-1252");
		}
	}

	private static String strictDecode(byte[] bytes, int offset, Charset charset, String declared) {
		var decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		var input = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
		var output = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L,
				(long) Math.ceil((bytes.length - offset) * (double) decoder.maxCharsPerByte()) + 16));
		var result = decoder.decode(input, output, true);
		if (result.isError()) {
			int at = input.position();
			long line = 1;
			for (int i = offset; i < at; i++) {
				if (bytes[i] == '\n') {
					line++;
				}
			}
			throw OpenDataFormatException.at(line, "tekenset", "ongeldige bytes voor de tekenset " + declared
					+ " (byte " + (at + 1) + "); sla het bestand op in de opgegeven tekenset of pas CODEPAGE aan");
		}
		decoder.flush(output);
		output.flip();
		return output.toString();
	}

	private static long lineOf(String text, int position) {
		long line = 1;
		for (int i = 0; i < position && i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	/** A keyword occurrence: {@code NAME[language]("sub",...)=value;}. */
	record Entry(String name, String language, List<String> subkeys, List<List<String>> items, long line) {

		String text() {
			return this.items.isEmpty() || this.items.getFirst().isEmpty() ? "" : this.items.getFirst().getFirst();
		}

		List<String> texts() {
			return this.items.stream().map(i -> i.isEmpty() ? "" : i.getFirst()).toList();
		}

	}

	private Cube parse(String text) {
		var entries = new LinkedHashMap<String, Entry>();
		int pos = 0;
		long line = 1;
		int length = text.length();
		int dataStart = -1;
		long dataLine = -1;
		while (true) {
			while (pos < length && Character.isWhitespace(text.charAt(pos))) {
				if (text.charAt(pos) == '\n') {
					line++;
				}
				pos++;
			}
			if (pos >= length) {
				break;
			}
			int eq = findOutsideQuotes(text, pos, '=');
			if (eq < 0) {
				throw OpenDataFormatException.at(line, snippet(text, pos),
						"'=' ontbreekt na het sleutelwoord; het bestand is afgebroken of beschadigd");
			}
			var keyText = text.substring(pos, eq).trim();
			var key = parseKey(keyText, line);
			if (key.name().equals("DATA")) {
				dataStart = eq + 1;
				dataLine = line + count(text, pos, eq + 1, '\n');
				break;
			}
			int end = findOutsideQuotes(text, eq + 1, ';');
			if (end < 0) {
				throw OpenDataFormatException.at(line, key.name(),
						"';' ontbreekt aan het einde; het bestand is afgebroken");
			}
			var entry = new Entry(key.name(), key.language(), key.subkeys(), parseItems(text.substring(eq + 1, end)),
					line);
			entries.putIfAbsent(keyOf(entry.name(), entry.language(), entry.subkeys()), entry);
			line += count(text, pos, end + 1, '\n');
			pos = end + 1;
		}
		var header = new Header(entries);
		var matrix = header.get("MATRIX", null)
			.orElseThrow(() -> OpenDataFormatException.at(1, "MATRIX", "het verplichte sleutelwoord MATRIX ontbreekt"));
		if (dataStart < 0) {
			throw OpenDataFormatException.at(line, "DATA",
					"het sleutelwoord DATA ontbreekt; het bestand is afgebroken of onvolledig");
		}
		if (header.get("KEYS", null, List.of()).isPresent()
				|| entries.keySet().stream().anyMatch(k -> k.startsWith("KEYS|"))) {
			throw OpenDataFormatException.at(line, "KEYS",
					"PX-bestanden met KEYS (sparse data) worden niet ondersteund");
		}
		var mainLanguage = header.get("LANGUAGE", null)
			.map(Entry::text)
			.filter(s -> !s.isBlank())
			.orElse(this.defaultLanguage);
		var languages = new ArrayList<String>();
		languages.add(mainLanguage);
		header.get("LANGUAGES", null)
			.ifPresent(e -> e.texts().stream().filter(l -> !languages.contains(l)).forEach(languages::add));

		var stub = header.get("STUB", null).map(Entry::texts).orElse(List.of());
		var heading = header.get("HEADING", null).map(Entry::texts).orElse(List.of());
		if (stub.isEmpty() && heading.isEmpty()) {
			throw OpenDataFormatException.at(1, "STUB/HEADING",
					"STUB en HEADING ontbreken allebei; er zijn geen variabelen");
		}
		var variables = new ArrayList<String>(stub);
		variables.addAll(heading);
		if (new HashSet<>(variables).size() != variables.size()) {
			throw OpenDataFormatException.at(header.line("STUB"), "STUB/HEADING", "een variabele komt twee keer voor");
		}
		// variable names per language, by position
		Map<String, List<String>> namesByLanguage = new LinkedHashMap<>();
		namesByLanguage.put(mainLanguage, variables);
		for (var lang : languages.subList(1, languages.size())) {
			var s = header.get("STUB", lang).map(Entry::texts).orElse(null);
			var h = header.get("HEADING", lang).map(Entry::texts).orElse(null);
			if (s == null && h == null) {
				continue;
			}
			var names = new ArrayList<String>(s == null ? List.of() : s);
			names.addAll(h == null ? List.of() : h);
			if (names.size() != variables.size()) {
				throw OpenDataFormatException.at(header.line("STUB[" + lang + "]"),
						"STUB[" + lang + "]/HEADING[" + lang + "]", "aantal variabelen (" + names.size()
								+ ") verschilt van de hoofdtaal (" + variables.size() + ")");
			}
			namesByLanguage.put(lang, names);
		}
		// value lists and the size check, before allocating anything
		var valueLists = new ArrayList<List<String>>();
		long cells = 1;
		for (var variable : variables) {
			var values = header.get("VALUES", null, List.of(variable))
				.orElseThrow(() -> OpenDataFormatException.at(1, "VALUES(\"" + variable + "\")",
						"de waarden van variabele \"" + variable + "\" ontbreken"));
			if (values.items().isEmpty()) {
				throw OpenDataFormatException.at(values.line(), "VALUES(\"" + variable + "\")", "geen waarden");
			}
			valueLists.add(values.texts());
			cells = Math.multiplyExact(cells, values.items().size());
			if (cells > MAX_CELLS) {
				throw OpenDataFormatException.at(values.line(), "VALUES",
						"de tabel zou meer dan " + MAX_CELLS + " cellen hebben; zo'n groot bestand wordt geweigerd");
			}
		}
		var contVariable = header.get("CONTVARIABLE", null).map(Entry::text).orElse(null);
		var decimals = header.get("SHOWDECIMALS", null)
			.or(() -> header.get("DECIMALS", null))
			.map(e -> parseInt(e, "DECIMALS"))
			.orElse(0);
		decimals = Math.max(0, Math.min(15, decimals));
		var dimensions = new ArrayList<Dimension>();
		for (int v = 0; v < variables.size(); v++) {
			var variable = variables.get(v);
			var values = valueLists.get(v);
			var codes = header.get("CODES", null, List.of(variable)).map(Entry::texts).orElse(values);
			if (codes.size() != values.size()) {
				throw OpenDataFormatException.at(header.line("CODES"), "CODES(\"" + variable + "\")",
						codes.size() + " codes voor " + values.size() + " waarden");
			}
			if (new HashSet<>(codes).size() != codes.size()) {
				throw OpenDataFormatException.at(header.line("CODES"), "CODES(\"" + variable + "\")",
						"een code komt twee keer voor");
			}
			var label = new LinkedHashMap<String, String>();
			List<Map<String, String>> categoryLabels = new ArrayList<>();
			for (int c = 0; c < values.size(); c++) {
				categoryLabels.add(new LinkedHashMap<>());
			}
			Map<String, List<String>> valuesByLanguage = new LinkedHashMap<>();
			for (var entry : namesByLanguage.entrySet()) {
				var lang = entry.getKey();
				var name = entry.getValue().get(v);
				label.put(lang, name);
				var langValues = lang.equals(mainLanguage) ? values
						: header.get("VALUES", lang, List.of(name)).map(Entry::texts).orElse(null);
				if (langValues == null) {
					continue;
				}
				if (langValues.size() != values.size()) {
					throw OpenDataFormatException.at(header.line("VALUES[" + lang + "]"),
							"VALUES[" + lang + "](\"" + name + "\")",
							langValues.size() + " waarden, terwijl de hoofdtaal er " + values.size() + " heeft");
				}
				valuesByLanguage.put(lang, langValues);
				for (int c = 0; c < values.size(); c++) {
					categoryLabels.get(c).put(lang, langValues.get(c));
				}
			}
			var role = DimensionRole.OTHER;
			var type = header.get("VARIABLE-TYPE", null, List.of(variable)).map(Entry::text).orElse("");
			if (variable.equals(contVariable)) {
				role = DimensionRole.METRIC;
			}
			else if (header.get("TIMEVAL", null, List.of(variable)).isPresent() || type.equalsIgnoreCase("T")) {
				role = DimensionRole.TIME;
			}
			else if (type.equalsIgnoreCase("G") || header.get("MAP", null, List.of(variable)).isPresent()) {
				role = DimensionRole.GEO;
			}
			var parents = hierarchy(header, variable, values, codes);
			var categories = new ArrayList<Category>();
			for (int c = 0; c < values.size(); c++) {
				CategoryUnit unit = null;
				if (role == DimensionRole.METRIC) {
					var unitLabel = new LinkedHashMap<String, String>();
					Integer precision = null;
					for (var entry : valuesByLanguage.entrySet()) {
						var lang = entry.getKey();
						var valueName = entry.getValue().get(c);
						var langKey = lang.equals(mainLanguage) ? null : lang;
						header.get("UNITS", langKey, List.of(valueName)).ifPresent(e -> unitLabel.put(lang, e.text()));
						var name = namesByLanguage.get(lang).get(v);
						if (precision == null) {
							precision = header.get("PRECISION", langKey, List.of(name, valueName))
								.map(e -> parseInt(e, "PRECISION"))
								.orElse(null);
						}
					}
					if (!unitLabel.isEmpty() || precision != null) {
						unit = new CategoryUnit(new LocalizedText(unitLabel), precision == null ? decimals : precision);
					}
				}
				categories
					.add(new Category(codes.get(c), new LocalizedText(categoryLabels.get(c)), parents.get(c), unit));
			}
			var id = header.get("VARIABLECODE", null, List.of(variable))
				.map(Entry::text)
				.filter(s -> !s.isBlank())
				.orElse(variable);
			dimensions.add(new Dimension(id, new LocalizedText(label), role, categories));
		}
		var cellsRead = readData(text, dataStart, dataLine, (int) cells);
		var extension = new LinkedHashMap<String, String>();
		header.get("SUBJECT-CODE", null).ifPresent(e -> extension.put("subjectCode", e.text()));
		for (var lang : languages) {
			header.get("SUBJECT-AREA", lang.equals(mainLanguage) ? null : lang)
				.ifPresent(e -> extension.put("subjectArea" + (lang.equals(mainLanguage) ? "" : "." + lang), e.text()));
		}
		var cubeId = matrix.text().replaceAll("[^A-Za-z0-9_\\-]", "_");
		if (cubeId.isEmpty()) {
			throw OpenDataFormatException.at(matrix.line(), "MATRIX", "MATRIX is leeg");
		}
		try {
			return new Cube(cubeId,
					header.localized("TITLE", languages, mainLanguage)
						.orElseGet(() -> header.localized("CONTENTS", languages, mainLanguage)
							.orElse(LocalizedText.single(mainLanguage, cubeId))),
					header.localized("SOURCE", languages, mainLanguage).orElse(LocalizedText.empty()),
					header.localized("UNITS", languages, mainLanguage).orElse(LocalizedText.empty()), decimals,
					updated(header, entries, mainLanguage), dimensions, cellsRead, extension);
		}
		catch (IllegalArgumentException ex) {
			throw OpenDataFormatException.of("de tabel is niet consistent: " + ex.getMessage());
		}
	}

	/**
	 * {@code LAST-UPDATED}; else the latest {@code LAST-UPDATED("content")} of the main
	 * language, as PxWeb does for tables with a contents variable; else
	 * {@code CREATION-DATE}.
	 */
	private static Instant updated(Header header, Map<String, Entry> entries, String mainLanguage) {
		var plain = header.get("LAST-UPDATED", null).map(e -> parseDate(e.text()));
		if (plain.isPresent() && plain.get() != null) {
			return plain.get();
		}
		var latest = entries.values()
			.stream()
			.filter(e -> e.name().equals("LAST-UPDATED") && e.language() == null && !e.subkeys().isEmpty())
			.map(e -> parseDate(e.text()))
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder());
		if (latest.isPresent()) {
			return latest.get();
		}
		return header.get("CREATION-DATE", null).map(e -> parseDate(e.text())).orElse(null);
	}

	private static List<String> hierarchy(Header header, String variable, List<String> values, List<String> codes) {
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
				throw OpenDataFormatException.at(line, "DATA", "het bestand is afgebroken: DATA eindigt niet met ';' ("
						+ count + " van de " + expected + " waarden gelezen)");
			}
			char c = text.charAt(pos);
			if (c == ';') {
				break;
			}
			String token;
			boolean quoted = c == '"';
			if (quoted) {
				int close = text.indexOf('"', pos + 1);
				if (close < 0) {
					throw OpenDataFormatException.at(line, "DATA",
							"een aanhalingsteken wordt niet gesloten; het bestand is afgebroken");
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
				throw OpenDataFormatException.at(line, "DATA", "DATA bevat meer waarden dan de " + expected
						+ " die het product van de VALUES-aantallen toelaat");
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
					throw OpenDataFormatException.at(line, "DATA", "\"" + abbreviate(token)
							+ "\" is geen getal en geen PX-symbool (waarde " + (count + 1) + ")");
				}
				if (!Double.isFinite(values[count])) {
					throw OpenDataFormatException.at(line, "DATA",
							"\"" + abbreviate(token) + "\" is geen eindig getal");
				}
				statuses[count] = CellStatus.OK;
			}
			count++;
		}
		if (count != expected) {
			throw OpenDataFormatException.at(line, "DATA",
					"DATA bevat " + count + " waarden, maar het product van de VALUES-aantallen is " + expected);
		}
		return Cells.dense(values, statuses, symbols);
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
			throw OpenDataFormatException.at(entry.line(), keyword, "\"" + entry.text() + "\" is geen geheel getal");
		}
	}

	private static int count(String text, int from, int to, char c) {
		int n = 0;
		for (int i = from; i < to && i < text.length(); i++) {
			if (text.charAt(i) == c) {
				n++;
			}
		}
		return n;
	}

	private static String snippet(String text, int pos) {
		var end = Math.min(text.length(), pos + 20);
		var s = text.substring(pos, end);
		int nl = s.indexOf('\n');
		return nl >= 0 ? s.substring(0, nl) : s;
	}

	private static int findOutsideQuotes(String text, int from, char wanted) {
		boolean inQuotes = false;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				inQuotes = !inQuotes;
			}
			else if (c == wanted && !inQuotes) {
				return i;
			}
		}
		return -1;
	}

	record Key(String name, String language, List<String> subkeys) {
	}

	private static Key parseKey(String text, long line) {
		int bracket = text.indexOf('[');
		int paren = text.indexOf('(');
		int nameEnd = text.length();
		if (bracket >= 0) {
			nameEnd = bracket;
		}
		if (paren >= 0 && paren < nameEnd) {
			nameEnd = paren;
		}
		var name = text.substring(0, nameEnd).trim().toUpperCase(Locale.ROOT);
		if (name.isEmpty() || !name.matches("[A-Z0-9\\-]+")) {
			throw OpenDataFormatException.at(line, text.length() > 40 ? text.substring(0, 40) : text,
					"ongeldig sleutelwoord");
		}
		String language = null;
		if (bracket >= 0 && (paren < 0 || bracket < paren)) {
			int close = text.indexOf(']', bracket);
			if (close < 0) {
				throw OpenDataFormatException.at(line, name, "']' ontbreekt na de taalcode");
			}
			language = text.substring(bracket + 1, close).trim();
		}
		var subkeys = new ArrayList<String>();
		if (paren >= 0) {
			int close = text.lastIndexOf(')');
			if (close < paren) {
				throw OpenDataFormatException.at(line, name, "')' ontbreekt");
			}
			for (var item : parseItems(text.substring(paren + 1, close))) {
				subkeys.add(item.isEmpty() ? "" : item.getFirst());
			}
		}
		return new Key(name, language, List.copyOf(subkeys));
	}

	/**
	 * Splits a value into items (separated by commas outside quotes and parentheses);
	 * each item into parts separated by {@code :} (HIERARCHIES). Consecutive quoted
	 * strings are joined (long texts span several lines).
	 */
	static List<List<String>> parseItems(String value) {
		var items = new ArrayList<List<String>>();
		var parts = new ArrayList<String>();
		var current = new StringBuilder();
		boolean inQuotes = false;
		boolean hadQuoted = false;
		int depth = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"') {
				if (!inQuotes && !hadQuoted && current.toString().isBlank()) {
					current.setLength(0);
				}
				inQuotes = !inQuotes;
				hadQuoted = true;
				continue;
			}
			if (inQuotes) {
				current.append(c);
				continue;
			}
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
			}
			if (c == ',' && depth == 0) {
				parts.add(finish(current, hadQuoted));
				items.add(List.copyOf(parts));
				parts.clear();
				current.setLength(0);
				hadQuoted = false;
			}
			else if (c == ':' && depth == 0 && hadQuoted) {
				parts.add(finish(current, true));
				current.setLength(0);
				hadQuoted = false;
			}
			else if (!Character.isWhitespace(c) || !hadQuoted) {
				current.append(c);
			}
		}
		if (!current.isEmpty() || hadQuoted || !parts.isEmpty()) {
			parts.add(finish(current, hadQuoted));
			items.add(List.copyOf(parts));
		}
		return items;
	}

	private static String finish(StringBuilder current, boolean quoted) {
		return quoted ? current.toString() : current.toString().trim();
	}

	private static String keyOf(String name, String language, List<String> subkeys) {
		return name + "|" + (language == null ? "" : language) + "|" + String.join("\u0001", subkeys);
	}

	/**
	 * Keyword lookup. A language variant equal to the main language is the same as no
	 * variant.
	 */
	private static final class Header {

		private final Map<String, Entry> entries;

		Header(Map<String, Entry> entries) {
			this.entries = entries;
		}

		Optional<Entry> get(String name, String language) {
			return get(name, language, List.of());
		}

		Optional<Entry> get(String name, String language, List<String> subkeys) {
			return Optional.ofNullable(this.entries.get(keyOf(name, language, subkeys)));
		}

		long line(String name) {
			return this.entries.values()
				.stream()
				.filter(e -> (e.name() + (e.language() == null ? "" : "[" + e.language() + "]")).equals(name))
				.map(Entry::line)
				.findFirst()
				.orElse(1L);
		}

		Optional<LocalizedText> localized(String name, List<String> languages, String main) {
			var map = new LinkedHashMap<String, String>();
			for (var lang : languages) {
				get(name, lang.equals(main) ? null : lang).ifPresent(e -> map.put(lang, String.join(",", e.texts())));
			}
			return map.isEmpty() ? Optional.empty() : Optional.of(new LocalizedText(map));
		}

	}

}
