package be.obmi.opendata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.HashMap;

/**
 * Writes a cube as a PX file (PX-file format specification 2013), UTF-8 with
 * {@code CODEPAGE="utf-8"}. The last dimension is the {@code HEADING}, the others the
 * {@code STUB}, so the PX data order is the cube's row-major order and the cells stream
 * through. Every language of the cube gets its language variants ({@code TITLE[en]},
 * {@code VALUES[en]("…")}); {@code VARIABLECODE} and {@code CODES} keep the stable ids.
 * Missing cells are written as their PX symbol ({@code ".."} unless the cell has another
 * PX symbol), suppressed cells always as {@code "..."}. Lines stay within the
 * specification's 256 characters.
 */
public final class PxWriter implements CubeWriter {

	/** Data symbol for suppressed (confidential) cells. */
	public static final String SUPPRESSED_SYMBOL = "...";

	/** Data symbol for missing cells without a PX symbol of their own. */
	public static final String MISSING_SYMBOL = "..";

	static final Set<String> PX_SYMBOLS = Set.of(".", "..", "...", "....", ".....", "......", "-");

	static final int MAX_LINE = 256;

	private static final DateTimeFormatter PX_DATE = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm");

	private final Clock clock;

	public PxWriter() {
		this(Clock.systemUTC());
	}

	public PxWriter(Clock clock) {
		this.clock = clock;
	}

	@Override
	public String mediaType() {
		return "text/x-pcaxis";
	}

	@Override
	public String fileExtension() {
		return "px";
	}

	@Override
	public void write(Cube cube, OutputStream out) throws IOException {
		var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
		var languages = cube.languages();
		var main = languages.getFirst();
		var zone = ZoneId.of("Europe/Brussels");
		keyword(writer, "CHARSET", null, List.of(), quoted("ANSI"));
		keyword(writer, "AXIS-VERSION", null, List.of(), quoted("2013"));
		keyword(writer, "CODEPAGE", null, List.of(), quoted("utf-8"));
		keyword(writer, "LANGUAGE", null, List.of(), quoted(main));
		keyword(writer, "LANGUAGES", null, List.of(), quotedList(languages));
		keyword(writer, "CREATION-DATE", null, List.of(), quoted(PX_DATE.format(Instant.now(this.clock).atZone(zone))));
		keyword(writer, "DECIMALS", null, List.of(), List.of(Integer.toString(cube.decimals())));
		keyword(writer, "SHOWDECIMALS", null, List.of(), List.of(Integer.toString(cube.decimals())));
		keyword(writer, "MATRIX", null, List.of(), quoted(cube.id()));
		keyword(writer, "SUBJECT-CODE", null, List.of(), quoted(cube.extension().getOrDefault("subjectCode", "OBMI")));
		for (var lang : languages) {
			var variant = lang.equals(main) ? null : lang;
			var title = cube.title().in(lang, cube.id());
			keyword(writer, "SUBJECT-AREA", variant, List.of(),
					quoted(cube.extension().getOrDefault("subjectArea" + (variant == null ? "" : "." + lang), title)));
			keyword(writer, "TITLE", variant, List.of(), quoted(title));
			keyword(writer, "CONTENTS", variant, List.of(), quoted(title));
			keyword(writer, "UNITS", variant, List.of(), quoted(cube.unit().in(lang, "-")));
			var names = variableNames(cube, lang);
			keyword(writer, "STUB", variant, List.of(), quotedList(names.subList(0, names.size() - 1)));
			keyword(writer, "HEADING", variant, List.of(), quotedList(names.subList(names.size() - 1, names.size())));
			for (int d = 0; d < cube.dimensions().size(); d++) {
				var dimension = cube.dimensions().get(d);
				var name = names.get(d);
				var values = valueNames(dimension, lang);
				if (dimension.role() == DimensionRole.METRIC) {
					keyword(writer, "CONTVARIABLE", variant, List.of(), quoted(name));
				}
				keyword(writer, "VARIABLECODE", variant, List.of(name), quoted(dimension.id()));
				keyword(writer, "VALUES", variant, List.of(name), quotedList(values));
				keyword(writer, "CODES", variant, List.of(name),
						quotedList(dimension.categories().stream().map(Category::code).toList()));
				keyword(writer, "VARIABLE-TYPE", variant, List.of(name), quoted(switch (dimension.role()) {
					case TIME -> "T";
					case GEO -> "G";
					default -> "V";
				}));
				if (dimension.role() == DimensionRole.TIME
						&& dimension.categories().stream().allMatch(c -> c.code().matches("\\d{4}"))) {
					var timeval = new ArrayList<String>();
					timeval.add("TLIST(A1)");
					dimension.categories().forEach(c -> timeval.add(quote(c.code())));
					keyword(writer, "TIMEVAL", variant, List.of(name), timeval);
				}
				if (dimension.hasHierarchy()) {
					keyword(writer, "HIERARCHIES", variant, List.of(name), hierarchy(dimension, values));
				}
				if (dimension.role() == DimensionRole.METRIC) {
					for (int c = 0; c < dimension.size(); c++) {
						var unit = dimension.categories().get(c).unit();
						var unitLabel = unit != null ? unit.label().in(lang, "-") : cube.unit().in(lang, "-");
						keyword(writer, "UNITS", variant, List.of(values.get(c)), quoted(unitLabel));
						if (unit != null) {
							keyword(writer, "PRECISION", variant, List.of(name, values.get(c)),
									List.of(Integer.toString(unit.decimals())));
						}
					}
				}
			}
			if (!cube.source().isEmpty()) {
				keyword(writer, "SOURCE", variant, List.of(), quoted(cube.source().in(lang)));
			}
		}
		if (cube.updated() != null) {
			keyword(writer, "LAST-UPDATED", null, List.of(), quoted(PX_DATE.format(cube.updated().atZone(zone))));
		}
		writeData(writer, cube);
		writer.flush();
	}

	private static void writeData(Writer writer, Cube cube) throws IOException {
		writer.write("DATA=\n");
		int perRow = cube.dimensions().getLast().size();
		int inRow = 0;
		int lineLength = 0;
		for (var cell : cube.cells()) {
			var text = cell.isOk() ? CellNumbers.plain(cell.value()) : quote(symbol(cell));
			if (inRow > 0) {
				if (lineLength + 1 + text.length() > MAX_LINE) {
					writer.write('\n');
					lineLength = 0;
				}
				else {
					writer.write(' ');
					lineLength++;
				}
			}
			writer.write(text);
			lineLength += text.length();
			if (++inRow == perRow) {
				writer.write('\n');
				inRow = 0;
				lineLength = 0;
			}
		}
		writer.write(";\n");
	}

	static String symbol(Cell cell) {
		if (cell.status() == CellStatus.SUPPRESSED) {
			return SUPPRESSED_SYMBOL;
		}
		var symbol = cell.symbol();
		return symbol != null && PX_SYMBOLS.contains(symbol) && !symbol.equals(SUPPRESSED_SYMBOL) ? symbol
				: MISSING_SYMBOL;
	}

	/** Variable names in a language; unique, as PX uses them as keys. */
	static List<String> variableNames(Cube cube, String lang) {
		var names = new ArrayList<String>();
		var seen = new HashSet<String>();
		for (var dimension : cube.dimensions()) {
			var name = clean(dimension.label().in(lang, dimension.id()));
			if (name.isBlank() || !seen.add(name)) {
				name = clean(dimension.id());
				seen.add(name);
			}
			names.add(name);
		}
		return names;
	}

	/** Value names of a dimension in a language; unique within the dimension. */
	static List<String> valueNames(Dimension dimension, String lang) {
		var names = new ArrayList<String>();
		var seen = new HashSet<String>();
		for (var category : dimension.categories()) {
			var name = clean(category.label().in(lang, category.code()));
			if (name.isBlank() || !seen.add(name)) {
				name = clean(name + " (" + category.code() + ")");
				seen.add(name);
			}
			names.add(name);
		}
		return names;
	}

	private static List<String> hierarchy(Dimension dimension, List<String> values) {
		var items = new ArrayList<String>();
		var byCode = new HashMap<String, String>();
		for (int i = 0; i < dimension.size(); i++) {
			byCode.put(dimension.categories().get(i).code(), values.get(i));
		}
		for (int i = 0; i < dimension.size(); i++) {
			var category = dimension.categories().get(i);
			var parent = category.parentCode() == null ? null : byCode.get(category.parentCode());
			items.add(parent == null ? quote(values.get(i)) : quote(parent) + ":" + quote(values.get(i)));
		}
		return items;
	}

	/** PX strings cannot contain a double quote or line breaks. */
	private static String clean(String text) {
		return text.replace('"', '\'').replace('\r', ' ').replace('\n', ' ');
	}

	private static String quote(String text) {
		return "\"" + clean(text) + "\"";
	}

	private static List<String> quoted(String text) {
		return List.of(quote(text));
	}

	private static List<String> quotedList(List<String> texts) {
		return texts.stream().map(PxWriter::quote).toList();
	}

	/**
	 * Writes {@code NAME[lang]("sub","sub")=item,item;} breaking after commas, and
	 * splitting long strings into consecutive quoted parts, so that no line exceeds
	 * {@value #MAX_LINE} characters.
	 */
	static void keyword(Writer writer, String name, String language, List<String> subkeys, List<String> items)
			throws IOException {
		var head = new StringBuilder(name);
		if (language != null) {
			head.append('[').append(language).append(']');
		}
		if (!subkeys.isEmpty()) {
			head.append('(').append(String.join(",", subkeys.stream().map(PxWriter::quote).toList())).append(')');
		}
		head.append('=');
		var line = new StringBuilder(head);
		for (int i = 0; i < items.size(); i++) {
			var item = items.get(i) + (i == items.size() - 1 ? ";" : ",");
			if (line.length() + item.length() > MAX_LINE && line.length() > 0) {
				if (!line.isEmpty()) {
					writer.write(line.toString());
					writer.write('\n');
				}
				line.setLength(0);
			}
			while (item.length() > MAX_LINE) {
				int cut = MAX_LINE - 2;
				if (!item.startsWith("\"")) {
					break;
				}
				writer.write(item, 0, cut);
				writer.write("\"\n");
				item = "\"" + item.substring(cut);
			}
			line.append(item);
		}
		writer.write(line.toString());
		writer.write('\n');
	}

}
