package be.obmi.stats.importing;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Level;
import be.obmi.stats.domain.MissingReason;
import be.obmi.stats.domain.Areas;
import be.obmi.stats.domain.CodeMapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import be.obmi.opendata.Category;
import be.obmi.opendata.Cell;
import be.obmi.opendata.CellStatus;
import be.obmi.opendata.Cube;
import be.obmi.opendata.Dimension;
import be.obmi.opendata.DimensionRole;
import be.obmi.shared.Period;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * How a statistical table (PX, JSON-stat, SDMX-CSV) becomes observations of indicators:
 * one dimension gives the area, one the period, the measure dimension (PX
 * {@code CONTVARIABLE}, JSON-stat {@code role.metric}) or the requested indicator gives
 * the indicator, every other dimension with more than one category becomes a breakdown
 * ({@code dimension=code}, as in the long format). Each code is mapped through the
 * {@link CodeMapping} first, else taken as it is. {@link #plan} checks everything before
 * a single value is written and lists every code that cannot be mapped, so the import is
 * refused as a whole with a complete list.
 * <p>
 * Over 300 lines because mapping a table's dimensions to areas, periods, indicators and
 * breakdowns is one algorithm whose steps share the mapping and the error list.
 */
public final class CubeObservations {

	/** What the caller asked for besides the file; every field may be null. */
	public record Request(String indicator, byte[] mapping, String areaDimension, String periodDimension) {

		static Request none() {
			return new Request(null, null, null, null);
		}

		/**
		 * A table feeds indicators when an indicator or a mapping is given; otherwise it
		 * is only stored as a dataset.
		 */
		boolean feedsIndicators() {
			return (indicator != null && !indicator.isBlank()) || (mapping != null && mapping.length > 0);
		}

	}

	/** Where an indicator code came from, to name it in an error. */
	record Source(long row, String column) {
	}

	private static final Pattern GEO_NAME = Pattern.compile(
			"(?i)^(gebied|gebieden|geo|geografie|area|region|regio|ref_area|gemeente|municipality|wijk|sector|statsec|location|plaats)$");

	private static final Pattern TIME_NAME = Pattern
		.compile("(?i)^(periode|period|tijd|time|time_period|jaar|year|tid|år)$");

	private final Cube cube;

	private final int geo;

	private final int time;

	private final int metric;

	private final long[] areaIds;

	private final String[] periods;

	private final String[] indicatorCodes;

	private final String[][] breakdownParts;

	private final Map<String, Source> indicators;

	private CubeObservations(Cube cube, int geo, int time, int metric, long[] areaIds, String[] periods,
			String[] indicatorCodes, String[][] breakdownParts, Map<String, Source> indicators) {
		this.cube = cube;
		this.geo = geo;
		this.time = time;
		this.metric = metric;
		this.areaIds = areaIds;
		this.periods = periods;
		this.indicatorCodes = indicatorCodes;
		this.breakdownParts = breakdownParts;
		this.indicators = indicators;
	}

	/**
	 * The indicator codes the table feeds, each with where it was named (for an
	 * unknown-indicator error).
	 */
	Map<String, Source> indicators() {
		return indicators;
	}

	/**
	 * Decides for every category what it becomes.
	 * @param scopeName the city's name for the error messages, or null for the platform
	 * @throws ImportRejectedException listing every unmappable code (row = position of
	 * the code in its dimension, column = the dimension's id) and every bad mapping line
	 * (row = line of the mapping, column = mapping.*)
	 */
	static CubeObservations plan(Cube cube, CodeMapping mapping, Request request, Areas areas, String scopeName) {
		List<ImportError> errors = new ArrayList<>();
		List<Dimension> dimensions = cube.dimensions();
		checkMappingNamesTheTable(cube, mapping, errors);
		int requestedArea = request.areaDimension() == null ? -1
				: byId(cube, request.areaDimension().trim()).map(dimensions::indexOf).orElse(-1);
		int time = dimension(cube, request.periodDimension(), "periodDimension", DimensionRole.TIME, TIME_NAME,
				d -> share(d, mapping, c -> period(c).isPresent()), requestedArea, errors);
		int geo = dimension(cube, request.areaDimension(), "areaDimension", DimensionRole.GEO, GEO_NAME,
				d -> share(d, mapping, c -> area(areas, c).isPresent()), time, errors);
		if (time < 0 && request.periodDimension() == null) {
			errors.add(new ImportError(1, "periodDimension", "import.stats.cubeNoTimeDimension", ids(dimensions)));
		}
		if (geo < 0 && request.areaDimension() == null) {
			errors.add(new ImportError(1, "areaDimension", "import.stats.cubeNoAreaDimension", ids(dimensions)));
		}
		if (geo < 0 || time < 0) {
			throw new ImportRejectedException(errors);
		}
		int metric = -1;
		for (int d = 0; d < dimensions.size(); d++) {
			if (d != geo && d != time && dimensions.get(d).role() == DimensionRole.METRIC) {
				metric = d;
			}
		}
		long[] areaIds = areas(dimensions.get(geo), mapping, areas, scopeName, errors);
		String[] periods = periods(dimensions.get(time), mapping, errors);
		Map<String, Source> indicators = new LinkedHashMap<>();
		String indicator = request.indicator() == null || request.indicator().isBlank() ? null
				: request.indicator().trim();
		String[] indicatorCodes = metric < 0 ? null
				: measures(dimensions.get(metric), mapping, indicator, indicators, errors);
		if (metric < 0) {
			if (indicator == null) {
				errors.add(new ImportError(1, "indicator", "import.stats.cubeIndicatorRequired"));
			}
			else {
				indicators.put(indicator, new Source(1, "indicator"));
			}
		}
		String[][] parts = new String[dimensions.size()][];
		for (int d = 0; d < dimensions.size(); d++) {
			if (d != geo && d != time && d != metric) {
				parts[d] = breakdowns(dimensions.get(d), mapping, errors);
			}
		}
		int longest = -1;
		for (String[] each : parts) {
			int max = -1;
			for (int i = 0; each != null && i < each.length; i++) {
				max = Math.max(max, each[i] == null ? -1 : each[i].length());
			}
			longest += max > 0 ? max + 1 : 0;
		}
		if (longest > 200) {
			errors.add(new ImportError(1, "", "import.stats.cubeBreakdownsTooLong",
					dimensions.size() - (metric < 0 ? 2 : 3)));
		}
		if (!errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
		return new CubeObservations(cube, geo, time, metric, areaIds, periods,
				indicatorCodes == null ? new String[] { indicator } : indicatorCodes, parts, indicators);
	}

	/**
	 * Cells not written: skipped through the mapping, or empty (no value and no symbol,
	 * e.g. absent in SDMX-CSV).
	 */
	record Counts(long skipped, long empty) {
	}

	/**
	 * Sends one value per cell that is not skipped, in the cube's order; {@code row} is
	 * the cell's position (1-based). A cell without value and without symbol (a
	 * combination absent from an SDMX-CSV file, a JSON-stat {@code null} without status)
	 * is no observation and is not sent, so it never replaces a stored value.
	 */
	Counts forEach(Consumer<ObservationImporter.Value> out) {
		List<Dimension> dimensions = cube.dimensions();
		int n = dimensions.size();
		int[] position = new int[n];
		long row = 0;
		long skipped = 0;
		long empty = 0;
		StringBuilder breakdown = new StringBuilder();
		for (Cell cell : cube.cells()) {
			row++;
			long area = areaIds[position[geo]];
			String period = periods[position[time]];
			String indicator = indicatorCodes[metric < 0 ? 0 : position[metric]];
			boolean skip = area < 0 || period == null || indicator == null;
			breakdown.setLength(0);
			for (int d = 0; d < n && !skip; d++) {
				if (breakdownParts[d] != null) {
					String part = breakdownParts[d][position[d]];
					if (part == null) {
						skip = true;
					}
					else if (!part.isEmpty()) {
						breakdown.append(breakdown.isEmpty() ? "" : "|").append(part);
					}
				}
			}
			if (skip) {
				skipped++;
			}
			else if (cell.status() == CellStatus.MISSING && (cell.symbol() == null || cell.symbol().isBlank())) {
				empty++;
			}
			else if (cell.isOk()) {
				out.accept(new ObservationImporter.Value(row, indicator, area, period, breakdown.toString(),
						cell.value(), null, false, false, null, null));
			}
			else {
				out.accept(new ObservationImporter.Value(row, indicator, area, period, breakdown.toString(), null,
						missingReason(cell), false, false, null, null));
			}
			for (int d = n - 1; d >= 0; d--) {
				if (++position[d] < dimensions.get(d).size()) {
					break;
				}
				position[d] = 0;
			}
		}
		return new Counts(skipped, empty);
	}

	/**
	 * Why a cell has no value: a suppressed cell and PX {@code ...} are censored, PX
	 * {@code .} and SDMX {@code M} (cannot exist) are not applicable, {@code -} (nil) is
	 * empty, every other symbol ({@code ..}, JSON-stat statuses) is unknown. Never a
	 * zero.
	 */
	static String missingReason(Cell cell) {
		if (cell.status() == CellStatus.SUPPRESSED) {
			return MissingReason.GECENSUREERD.code();
		}
		String symbol = cell.symbol() == null ? "" : cell.symbol().trim();
		MissingReason reason = switch (symbol) {
			case "..." -> MissingReason.GECENSUREERD;
			case ".", "M" -> MissingReason.NIET_VAN_TOEPASSING;
			case "-" -> MissingReason.LEEG;
			default -> MissingReason.ONBEKEND;
		};
		return reason.code();
	}

	/** A period code in any notation ({@link Period}) as OBMi's code. */
	static Optional<String> period(String code) {
		return Period.parse(code).map(Period::code);
	}

	/**
	 * An OBMi area by code at any level, finest first, or {@code niveau:code} for one
	 * level.
	 */
	static Optional<Area> area(Areas areas, String code) {
		String c = code.trim();
		int colon = c.indexOf(':');
		if (colon > 0) {
			Optional<Level> level = Level.parse(c.substring(0, colon));
			return level.isEmpty() ? Optional.empty() : areas.find(level.get().code(), c.substring(colon + 1).trim());
		}
		return areas.findAnyLevel(c);
	}

	private static void checkMappingNamesTheTable(Cube cube, CodeMapping mapping, List<ImportError> errors) {
		for (Map.Entry<String, Map<String, CodeMapping.Entry>> each : mapping.byDimension().entrySet()) {
			Optional<Dimension> dimension = byId(cube, each.getKey());
			if (dimension.isEmpty()) {
				CodeMapping.Entry first = each.getValue().values().iterator().next();
				errors.add(new ImportError(first.row(), "mapping.dimensie", "import.stats.cubeDimensionUnknown",
						each.getKey(), ids(cube.dimensions())));
				continue;
			}
			for (CodeMapping.Entry entry : each.getValue().values()) {
				if (dimension.get().category(entry.code()).isEmpty()) {
					errors.add(new ImportError(entry.row(), "mapping.code", "import.stats.cubeCodeNotInDimension",
							entry.code(), dimension.get().id()));
				}
			}
		}
	}

	private static Optional<Dimension> byId(Cube cube, String id) {
		Optional<Dimension> exact = cube.dimensions().stream().filter(d -> d.id().equals(id)).findFirst();
		return exact.isPresent() ? exact
				: cube.dimensions().stream().filter(d -> d.id().equalsIgnoreCase(id)).findFirst();
	}

	/**
	 * The index of the dimension asked for by name, else the one with the role, else one
	 * named like it, else the one whose codes (after the mapping) mostly look right; -1
	 * when there is none.
	 */
	private static int dimension(Cube cube, String requested, String parameter, DimensionRole role, Pattern name,
			ToDoubleFunction<Dimension> fit, int taken, List<ImportError> errors) {
		List<Dimension> dimensions = cube.dimensions();
		if (requested != null && !requested.isBlank()) {
			Optional<Dimension> found = byId(cube, requested.trim());
			if (found.isEmpty()) {
				errors.add(
						new ImportError(1, parameter, "import.stats.cubeDimensionUnknown", requested, ids(dimensions)));
				return -1;
			}
			int index = dimensions.indexOf(found.get());
			if (index == taken) {
				errors.add(new ImportError(1, parameter, "import.stats.cubeDimensionAreaAndPeriod", requested));
				return -1;
			}
			return index;
		}
		for (int d = 0; d < dimensions.size(); d++) {
			if (d != taken && dimensions.get(d).role() == role) {
				return d;
			}
		}
		for (int d = 0; d < dimensions.size(); d++) {
			Dimension dimension = dimensions.get(d);
			if (d != taken && dimension.role() != DimensionRole.METRIC
					&& (name.matcher(dimension.id()).matches() || dimension.label()
						.byLanguage()
						.values()
						.stream()
						.anyMatch(l -> name.matcher(l.trim()).matches()))) {
				return d;
			}
		}
		int best = -1;
		double bestFit = 0.5;
		for (int d = 0; d < dimensions.size(); d++) {
			if (d != taken && dimensions.get(d).role() != DimensionRole.METRIC) {
				double f = fit.applyAsDouble(dimensions.get(d));
				if (f >= bestFit && (best < 0 || f > bestFit)) {
					best = d;
					bestFit = f;
				}
			}
		}
		return best;
	}

	/**
	 * The share of a dimension's codes (mapped ones by their target) that pass the test.
	 */
	private static double share(Dimension dimension, CodeMapping mapping, Predicate<String> test) {
		Map<String, CodeMapping.Entry> entries = mapping.of(dimension.id());
		int good = 0;
		for (Category category : dimension.categories()) {
			CodeMapping.Entry entry = entries.get(category.code());
			if (entry != null ? entry.skip() || test.test(entry.target()) : test.test(category.code())) {
				good++;
			}
		}
		return (double) good / dimension.size();
	}

	private static long[] areas(Dimension dimension, CodeMapping mapping, Areas areas, String scopeName,
			List<ImportError> errors) {
		Map<String, CodeMapping.Entry> entries = mapping.of(dimension.id());
		long[] ids = new long[dimension.size()];
		Map<Long, String> seen = new HashMap<>();
		for (int i = 0; i < dimension.size(); i++) {
			String code = dimension.categories().get(i).code();
			CodeMapping.Entry entry = entries.get(code);
			ids[i] = -1;
			if (entry != null && entry.skip()) {
				continue;
			}
			Optional<Area> area = area(areas, entry == null ? code : entry.target());
			if (area.isEmpty()) {
				if (entry != null) {
					errors.add(new ImportError(entry.row(), "mapping.doel", "import.stats.cubeTargetNotArea",
							entry.target()));
				}
				else {
					errors.add(scopeName == null
							? new ImportError(i + 1, dimension.id(), "import.stats.cubeAreaCodeUnknown", code,
									dimension.id())
							: new ImportError(i + 1, dimension.id(), "import.stats.cubeAreaCodeUnknownInScope", code,
									scopeName, dimension.id()));
				}
				continue;
			}
			String other = seen.putIfAbsent(area.get().id(), code);
			if (other != null) {
				errors.add(new ImportError(i + 1, dimension.id(), "import.stats.cubeAreaCodesSameArea", code, other,
						area.get().code()));
				continue;
			}
			ids[i] = area.get().id();
		}
		return ids;
	}

	private static String[] periods(Dimension dimension, CodeMapping mapping, List<ImportError> errors) {
		Map<String, CodeMapping.Entry> entries = mapping.of(dimension.id());
		String[] periods = new String[dimension.size()];
		Map<String, String> seen = new HashMap<>();
		for (int i = 0; i < dimension.size(); i++) {
			String code = dimension.categories().get(i).code();
			CodeMapping.Entry entry = entries.get(code);
			if (entry != null && entry.skip()) {
				continue;
			}
			Optional<String> period = period(entry == null ? code : entry.target());
			if (period.isEmpty()) {
				if (entry != null) {
					errors.add(new ImportError(entry.row(), "mapping.doel", "import.stats.cubeTargetNotPeriod",
							entry.target()));
				}
				else {
					errors.add(new ImportError(i + 1, dimension.id(), "import.stats.cubePeriodCodeInvalid", code,
							dimension.id()));
				}
				continue;
			}
			String other = seen.putIfAbsent(period.get(), code);
			if (other != null) {
				errors.add(new ImportError(i + 1, dimension.id(), "import.stats.cubePeriodCodesSamePeriod", code, other,
						period.get()));
				continue;
			}
			periods[i] = period.get();
		}
		return periods;
	}

	/**
	 * The indicator per category of the measure dimension: from the mapping, or the
	 * requested one for a single measure.
	 */
	private static String[] measures(Dimension dimension, CodeMapping mapping, String indicator,
			Map<String, Source> indicators, List<ImportError> errors) {
		Map<String, CodeMapping.Entry> entries = mapping.of(dimension.id());
		String[] codes = new String[dimension.size()];
		Map<String, String> seen = new HashMap<>();
		for (int i = 0; i < dimension.size(); i++) {
			String code = dimension.categories().get(i).code();
			CodeMapping.Entry entry = entries.get(code);
			if (entry != null && entry.skip()) {
				continue;
			}
			String target;
			Source source;
			if (entry != null) {
				target = entry.target();
				source = new Source(entry.row(), "mapping.doel");
			}
			else if (indicator != null && dimension.size() == 1) {
				target = indicator;
				source = new Source(1, "indicator");
			}
			else {
				errors.add(new ImportError(i + 1, dimension.id(), "import.stats.cubeMeasureUnmapped", code,
						dimension.categories().get(i).label().in("nl", code), dimension.id()));
				continue;
			}
			if (CodeMapping.TOTAL.equals(target)) {
				errors.add(new ImportError(source.row(), source.column(), "import.stats.cubeTotalForMeasure", code));
				continue;
			}
			String other = seen.putIfAbsent(target, code);
			if (other != null) {
				errors.add(new ImportError(source.row(), source.column(), "import.stats.cubeMeasuresSameIndicator",
						code, other, target));
				continue;
			}
			indicators.putIfAbsent(target, source);
			codes[i] = target;
		}
		return codes;
	}

	/**
	 * The breakdown part per category: {@code dimension=value}, empty for the total
	 * (mapped to {@code *}, SDMX's {@code _T}, or the only category of the dimension),
	 * null when skipped.
	 */
	private static String[] breakdowns(Dimension dimension, CodeMapping mapping, List<ImportError> errors) {
		Map<String, CodeMapping.Entry> entries = mapping.of(dimension.id());
		String[] parts = new String[dimension.size()];
		Map<String, String> seen = new HashMap<>();
		String key = dimension.id();
		if (!clean(key)) {
			errors.add(new ImportError(1, key, "import.stats.cubeDimensionNameNotClean", key));
			return parts;
		}
		for (int i = 0; i < dimension.size(); i++) {
			String code = dimension.categories().get(i).code();
			CodeMapping.Entry entry = entries.get(code);
			if (entry != null && entry.skip()) {
				continue;
			}
			String value;
			if (entry != null) {
				value = CodeMapping.TOTAL.equals(entry.target()) ? "" : entry.target();
				if (!clean(value)) {
					errors.add(new ImportError(entry.row(), "mapping.doel", "import.stats.cubeTargetNotClean", value));
					continue;
				}
			}
			else if (dimension.size() == 1 || "_T".equals(code)) {
				value = "";
			}
			else if (!clean(code)) {
				errors.add(new ImportError(i + 1, key, "import.stats.cubeCodeNotClean", code, key));
				continue;
			}
			else {
				value = code;
			}
			String other = seen.putIfAbsent(value, code);
			if (other != null) {
				errors.add(value.isEmpty() ? new ImportError(i + 1, key, "import.stats.cubeCodesSameTotal", code, other)
						: new ImportError(i + 1, key, "import.stats.cubeCodesSameValue", code, other, value));
				continue;
			}
			parts[i] = value.isEmpty() ? "" : key + "=" + value;
			if (parts[i].length() > 200) {
				errors.add(new ImportError(i + 1, key, "import.stats.cubeBreakdownTooLong", parts[i]));
			}
		}
		return parts;
	}

	private static boolean clean(String text) {
		return text.indexOf('|') < 0 && text.indexOf('=') < 0;
	}

	private static String ids(List<Dimension> dimensions) {
		return String.join(", ", dimensions.stream().map(Dimension::id).toList());
	}

}
