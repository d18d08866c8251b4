package be.obmi.opendata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The keywords of a PX file up to {@code DATA}, as {@link PxReader} reads them: the
 * tokenizer of the header grammar ({@code NAME[language]("sub",...)=value;} with quoted
 * strings, comma-separated items and {@code :}-separated parts) and the lookup of a
 * keyword by name, language and subkeys. The first occurrence of a keyword counts.
 */
final class PxHeader {

	/** A keyword occurrence: {@code NAME[language]("sub",...)=value;}. */
	record Entry(String name, String language, List<String> subkeys, List<List<String>> items, long line) {

		String text() {
			return this.items.isEmpty() || this.items.getFirst().isEmpty() ? "" : this.items.getFirst().getFirst();
		}

		List<String> texts() {
			return this.items.stream().map(i -> i.isEmpty() ? "" : i.getFirst()).toList();
		}

	}

	private record Key(String name, String language, List<String> subkeys) {
	}

	private final Map<String, Entry> entries;

	private final int dataStart;

	private final long dataLine;

	private final long endLine;

	private PxHeader(Map<String, Entry> entries, int dataStart, long dataLine, long endLine) {
		this.entries = entries;
		this.dataStart = dataStart;
		this.dataLine = dataLine;
		this.endLine = endLine;
	}

	/**
	 * Reads the keywords until {@code DATA=} or the end of the text.
	 * @throws OpenDataFormatException when a keyword has no {@code =}, no closing
	 * {@code ;} or is malformed
	 */
	static PxHeader read(String text) {
		var entries = new LinkedHashMap<String, Entry>();
		int pos = 0;
		long line = 1;
		int length = text.length();
		while (true) {
			while (pos < length && Character.isWhitespace(text.charAt(pos))) {
				if (text.charAt(pos) == '\n') {
					line++;
				}
				pos++;
			}
			if (pos >= length) {
				return new PxHeader(entries, -1, -1, line);
			}
			int eq = findOutsideQuotes(text, pos, '=');
			if (eq < 0) {
				throw OpenDataFormatException.at(line, snippet(text, pos), "import.opendata.pxEqualsMissing");
			}
			var key = parseKey(text.substring(pos, eq).trim(), line);
			if (key.name().equals("DATA")) {
				return new PxHeader(entries, eq + 1, line + count(text, pos, eq + 1, '\n'), line);
			}
			int end = findOutsideQuotes(text, eq + 1, ';');
			if (end < 0) {
				throw OpenDataFormatException.at(line, key.name(), "import.opendata.pxSemicolonMissing");
			}
			var entry = new Entry(key.name(), key.language(), key.subkeys(), parseItems(text.substring(eq + 1, end)),
					line);
			entries.putIfAbsent(keyOf(entry.name(), entry.language(), entry.subkeys()), entry);
			line += count(text, pos, end + 1, '\n');
			pos = end + 1;
		}
	}

	/** Where the values of {@code DATA} start in the text, or -1 without {@code DATA}. */
	int dataStart() {
		return this.dataStart;
	}

	/** The line where the values of {@code DATA} start. */
	long dataLine() {
		return this.dataLine;
	}

	/** The line of the {@code DATA} keyword, or the last line without it. */
	long endLine() {
		return this.endLine;
	}

	Optional<Entry> get(String name, String language) {
		return get(name, language, List.of());
	}

	Optional<Entry> get(String name, String language, List<String> subkeys) {
		return Optional.ofNullable(this.entries.get(keyOf(name, language, subkeys)));
	}

	/** Every occurrence of a keyword, in any language and with any subkeys. */
	List<Entry> all(String name) {
		return this.entries.values().stream().filter(e -> e.name().equals(name)).toList();
	}

	/** The line of a keyword ({@code NAME} or {@code NAME[language]}), else 1. */
	long line(String name) {
		return this.entries.values()
			.stream()
			.filter(e -> (e.name() + (e.language() == null ? "" : "[" + e.language() + "]")).equals(name))
			.map(Entry::line)
			.findFirst()
			.orElse(1L);
	}

	/**
	 * A text keyword in every language that has it; the main language is the variant
	 * without a language.
	 */
	Optional<LocalizedText> localized(String name, List<String> languages, String main) {
		var map = new LinkedHashMap<String, String>();
		for (var lang : languages) {
			get(name, lang.equals(main) ? null : lang).ifPresent(e -> map.put(lang, String.join(",", e.texts())));
		}
		return map.isEmpty() ? Optional.empty() : Optional.of(new LocalizedText(map));
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
					"import.opendata.pxKeywordInvalid");
		}
		String language = null;
		if (bracket >= 0 && (paren < 0 || bracket < paren)) {
			int close = text.indexOf(']', bracket);
			if (close < 0) {
				throw OpenDataFormatException.at(line, name, "import.opendata.pxLanguageBracketOpen");
			}
			language = text.substring(bracket + 1, close).trim();
		}
		var subkeys = new ArrayList<String>();
		if (paren >= 0) {
			int close = text.lastIndexOf(')');
			if (close < paren) {
				throw OpenDataFormatException.at(line, name, "import.opendata.pxSubkeyParenOpen");
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

}
