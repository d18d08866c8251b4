package be.obmi.stats.importing;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Level;
import be.obmi.stats.domain.MissingReason;
import be.obmi.stats.domain.Areas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import be.obmi.stats.importing.ObservationImporter.Value;
import be.obmi.shared.BelgianNumber;
import be.obmi.shared.Period;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.Table;
import org.springframework.context.MessageSourceResolvable;

import java.util.function.Consumer;

/**
 * Reads the rows of the two observation upload formats into
 * {@link ObservationImporter.Value}s, checking every cell: the long format
 * ({@code indicator;gebied;periode;waarde} with optional {@code niveau}, {@code n},
 * {@code N}, {@code voorlopig}, {@code geschat}, {@code reden} and breakdown columns) and
 * the Swing upload format ({@code period,geolevel,geoitem,<indicator>…}). Errors are
 * collected with row, column and reason; the importer decides what is stored.
 */
public final class ObservationRows {

	private static final Pattern INTEGER_AS_DECIMAL = Pattern.compile("^[0-9]+\\.0+$");

	private static final Pattern TRAILING_ZEROS = Pattern.compile("[.,]0+$");

	/**
	 * At most this many errors are reported: a wrong file is wrong from its first rows.
	 */
	static final int MAX_ERRORS = 200;

	private final Areas areas;

	ObservationRows(Areas areas) {
		this.areas = areas;
	}

	static final class Errors {

		final List<ImportError> list = new ArrayList<>();

		void add(long row, String column, String code, Object... arguments) {
			if (list.size() < MAX_ERRORS) {
				list.add(new ImportError(row, column, code, arguments));
			}
		}

	}

	/** A line parser for one format; it is told the header first. */
	interface Format {

		void line(Table.Row line, Consumer<Value> out);

	}

	// Swing: period,geolevel,geoitem,<one column per indicator>
	Format swing(List<String> header, Errors errors, List<MessageSourceResolvable> warnings) {
		int period = -1, level = -1, item = -1;
		Map<Integer, String> indicatorColumns = new TreeMap<>();
		for (int i = 0; i < header.size(); i++) {
			String h = header.get(i);
			switch (h.toLowerCase(Locale.ROOT)) {
				case "period" -> period = i;
				case "geolevel" -> level = i;
				case "geoitem" -> item = i;
				default -> {
					if (h.isBlank()) {
						warnings.add(ImportError.text("import.stats.warning.columnUnnamed", i + 1));
					}
					else {
						indicatorColumns.put(i, h);
					}
				}
			}
		}
		if (indicatorColumns.isEmpty()) {
			errors.add(1, "", "import.stats.swingNoIndicatorColumns");
		}
		int periodColumn = period, levelColumn = level, itemColumn = item;
		return (line, out) -> {
			String written = line.cell(periodColumn);
			String p = Period.parse(written).map(Period::code).orElse(null);
			boolean ok = true;
			if (p == null) {
				errors.add(line.number(), "period", "import.stats.periodInvalid", written);
				ok = false;
			}
			Optional<Area> area = resolveArea(line, line.cell(levelColumn), line.cell(itemColumn), "geolevel",
					"geoitem", errors);
			if (!ok || area.isEmpty()) {
				return;
			}
			for (Map.Entry<Integer, String> column : indicatorColumns.entrySet()) {
				String raw = line.cell(column.getKey());
				if (raw.isEmpty()) {
					continue;
				}
				Value v = value(line.number(), column.getValue(), column.getValue(), area.get().id(), p, "", raw, null,
						false, false, null, null, errors);
				if (v != null) {
					out.accept(v);
				}
			}
		};
	}

	private Optional<Area> resolveArea(Table.Row line, String levelText, String code, String levelColumn,
			String codeColumn, Errors errors) {
		if (code.isEmpty()) {
			errors.add(line.number(), codeColumn, "import.stats.areaCodeMissing");
			return Optional.empty();
		}
		if (code.indexOf('.') > 0 && INTEGER_AS_DECIMAL.matcher(code).matches()) {
			code = code.substring(0, code.indexOf('.'));
		}
		if (levelText.isEmpty()) {
			Optional<Area> any = areas.findAnyLevel(code);
			if (any.isEmpty()) {
				errors.add(line.number(), codeColumn, "import.stats.areaUnknown", code);
			}
			return any;
		}
		Optional<Level> level = Level.parse(levelText);
		if (level.isEmpty()) {
			errors.add(line.number(), levelColumn, "import.stats.levelUnknown", levelText);
			return Optional.empty();
		}
		Optional<Area> area = areas.find(level.get().code(), code);
		if (area.isEmpty()) {
			errors.add(line.number(), codeColumn, "import.stats.areaUnknownAtLevel", code, level.get().code());
		}
		return area;
	}

	private Value value(long row, String column, String indicatorCode, long areaId, String period, String breakdown,
			String raw, String reason, boolean provisional, boolean estimated, Integer n, Long population,
			Errors errors) {
		String text = raw.trim();
		String missing = text.startsWith("-9999") ? MissingReason.ofSwing(TRAILING_ZEROS.matcher(text).replaceAll(""))
			.map(MissingReason::code)
			.orElse(null) : null;
		if (missing != null) {
			return new Value(row, indicatorCode, areaId, period, breakdown, null, missing, provisional, estimated, n,
					population);
		}
		if (text.isEmpty()) {
			if (reason != null) {
				return new Value(row, indicatorCode, areaId, period, breakdown, null, reason, provisional, estimated, n,
						population);
			}
			errors.add(row, column, "import.stats.valueMissing");
			return null;
		}
		Double number = BelgianNumber.parseDouble(text);
		if (number == null) {
			errors.add(row, column, "import.stats.valueNotANumber", raw);
			return null;
		}
		if (number <= -99990 && number >= -99999) {
			errors.add(row, column, "import.stats.missingCodeUnknown", text);
			return null;
		}
		return new Value(row, indicatorCode, areaId, period, breakdown, number, null, provisional, estimated, n,
				population);
	}

	// long: indicator;gebied;periode;waarde [+ niveau, n, N, voorlopig, geschat, reden,
	// breakdown columns]
	Format longFormat(List<String> header, Errors errors) {
		Map<String, Integer> index = new HashMap<>();
		List<Integer> breakdownColumns = new ArrayList<>();
		Set<String> known = new LinkedHashSet<>(
				List.of("indicator", "gebied", "periode", "waarde", "niveau", "voorlopig", "geschat", "reden"));
		for (int i = 0; i < header.size(); i++) {
			String h = header.get(i);
			if (h.equals("n") || h.equals("N")) {
				index.put(h, i);
			}
			else if (known.contains(h.toLowerCase(Locale.ROOT))) {
				index.put(h.toLowerCase(Locale.ROOT), i);
			}
			else if (!h.isBlank()) {
				breakdownColumns.add(i);
			}
		}
		int col_bigN = index.getOrDefault("N", -1);
		int col_gebied = index.getOrDefault("gebied", -1);
		int col_geschat = index.getOrDefault("geschat", -1);
		int col_indicator = index.getOrDefault("indicator", -1);
		int col_n = index.getOrDefault("n", -1);
		int col_niveau = index.getOrDefault("niveau", -1);
		int col_periode = index.getOrDefault("periode", -1);
		int col_reden = index.getOrDefault("reden", -1);
		int col_voorlopig = index.getOrDefault("voorlopig", -1);
		int col_waarde = index.getOrDefault("waarde", -1);
		return (line, out) -> {
			String code = line.cell(col_indicator);
			String written = line.cell(col_periode);
			String p = Period.parse(written).map(Period::code).orElse(null);
			boolean ok = true;
			if (code.isEmpty()) {
				errors.add(line.number(), "indicator", "import.stats.indicatorCodeMissing");
				ok = false;
			}
			if (p == null) {
				errors.add(line.number(), "periode", "import.stats.periodInvalid", written);
				ok = false;
			}
			Optional<Area> area = resolveArea(line, line.cell(col_niveau), line.cell(col_gebied), "niveau", "gebied",
					errors);
			Integer n = null;
			Long population = null;
			String nText = line.cell(col_n);
			if (!nText.isEmpty()) {
				Double d = BelgianNumber.parseDouble(nText);
				if (d == null || d < 1 || d != Math.floor(d)) {
					errors.add(line.number(), "n", "import.stats.respondentsInvalid", nText);
					ok = false;
				}
				else {
					n = d.intValue();
				}
			}
			String bigN = line.cell(col_bigN);
			if (!bigN.isEmpty()) {
				Double d = BelgianNumber.parseDouble(bigN);
				if (d == null || d < 1 || d != Math.floor(d) || (n != null && d < n)) {
					errors.add(line.number(), "N", "import.stats.populationInvalid", bigN);
					ok = false;
				}
				else {
					population = d.longValue();
				}
			}
			String writtenReason = line.cell(col_reden);
			String reason = MissingReason.parse(writtenReason)
				.map(MissingReason::code)
				.orElse(writtenReason.isEmpty() ? "" : null);
			if (reason == null) {
				errors.add(line.number(), "reden", "import.stats.reasonUnknown", writtenReason);
				ok = false;
			}
			Boolean provisional = flag(line, col_voorlopig, "voorlopig", errors);
			Boolean estimated = flag(line, col_geschat, "geschat", errors);
			StringBuilder breakdown = new StringBuilder();
			for (int column : breakdownColumns) {
				String v = line.cell(column);
				if (!v.isEmpty()) {
					breakdown.append(breakdown.isEmpty() ? "" : "|").append(header.get(column)).append('=').append(v);
				}
			}
			if (breakdown.length() > 200) {
				errors.add(line.number(), header.get(breakdownColumns.get(0)), "import.stats.breakdownTooLong");
				ok = false;
			}
			if (!ok || area.isEmpty() || provisional == null || estimated == null) {
				return;
			}
			String raw = line.cell(col_waarde);
			if (!raw.isEmpty() && !reason.isEmpty()) {
				errors.add(line.number(), "reden", "import.stats.valueAndReason");
				return;
			}
			Value v = value(line.number(), "waarde", code, area.get().id(), p, breakdown.toString(), raw,
					reason.isEmpty() ? null : reason, provisional, estimated, n, population, errors);
			if (v != null) {
				out.accept(v);
			}
		};
	}

	private static Boolean flag(Table.Row line, int column, String name, Errors errors) {
		String v = line.cell(column).toLowerCase(Locale.ROOT);
		return switch (v) {
			case "", "nee", "neen", "0", "false", "n" -> false;
			case "ja", "1", "true", "j", "x" -> true;
			default -> {
				errors.add(line.number(), name, "import.stats.flagInvalid", v);
				yield null;
			}
		};
	}

}
