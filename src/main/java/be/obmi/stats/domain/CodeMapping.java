package be.obmi.stats.domain;

import be.obmi.stats.importing.CubeObservations;

import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.shared.tabular.Table;
import be.obmi.shared.tabular.TableReader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The mapping given with a table import (PX, JSON-stat, SDMX-CSV): a CSV or XLSX file
 * with the columns {@code dimensie;code;doel}, one line per source code. The target is an
 * OBMi area code (geo dimension), a period (time dimension), an indicator code (the
 * measure dimension), a breakdown value (any other dimension), {@code *} for "total, no
 * breakdown", or {@code -} to skip the code's cells deliberately. What a target must look
 * like is checked against the table in {@link CubeObservations}; this class only reads
 * the file.
 */
public record CodeMapping(Map<String, Map<String, Entry>> byDimension) {

	/** Skips the cells of a code. */
	static final String SKIP = "-";

	/**
	 * A category of a breakdown dimension that is the total: its cells get no breakdown
	 * for that dimension.
	 */
	public static final String TOTAL = "*";

	/** One line of the file; {@code row} is its line number (the header is row 1). */
	public record Entry(long row, String dimension, String code, String target) {

		public boolean skip() {
			return SKIP.equals(target);
		}

	}

	public static CodeMapping empty() {
		return new CodeMapping(Map.of());
	}

	boolean isEmpty() {
		return byDimension.isEmpty();
	}

	/**
	 * Reads the file; every problem is an {@link ImportError} whose column is
	 * {@code mapping.<column>}.
	 * @throws ImportRejectedException with every error in the file
	 */
	public static CodeMapping read(byte[] bytes) {
		Table table;
		try {
			table = TableReader.read(bytes);
		}
		catch (RuntimeException ex) {
			if (ex instanceof ImportRejectedException rejected) {
				throw new ImportRejectedException(rejected.errors()
					.stream()
					.map(e -> new ImportError(e.row(), "mapping", "import.stats.codeMappingFileError",
							List.<Object>of(e)))
					.toList());
			}
			throw new ImportRejectedException(
					List.of(new ImportError(1, "mapping", "import.stats.codeMappingFileUnreadable")));
		}
		int dimension = -1, code = -1, target = -1;
		for (int i = 0; i < table.header().size(); i++) {
			switch (table.header().get(i).toLowerCase(Locale.ROOT)) {
				case "dimensie", "dimension" -> dimension = i;
				case "code" -> code = i;
				case "doel", "target" -> target = i;
				default -> {
				}
			}
		}
		if (dimension < 0 || code < 0 || target < 0) {
			throw new ImportRejectedException(List.of(new ImportError(1, "mapping",
					"import.stats.codeMappingColumnsMissing", String.join(", ", table.header()))));
		}
		List<ImportError> errors = new ArrayList<>();
		Map<String, Map<String, Entry>> byDimension = new LinkedHashMap<>();
		for (Table.Row line : table.rows()) {
			String d = line.cell(dimension);
			String c = line.cell(code);
			String t = line.cell(target);
			if (d.isEmpty() && c.isEmpty() && t.isEmpty()) {
				continue;
			}
			boolean ok = true;
			if (d.isEmpty()) {
				errors.add(
						new ImportError(line.number(), "mapping.dimensie", "import.stats.codeMappingDimensionMissing"));
				ok = false;
			}
			if (c.isEmpty()) {
				errors.add(new ImportError(line.number(), "mapping.code", "import.stats.codeMappingCodeMissing"));
				ok = false;
			}
			if (t.isEmpty()) {
				errors.add(new ImportError(line.number(), "mapping.doel", "import.stats.codeMappingTargetMissing"));
				ok = false;
			}
			if (!ok) {
				continue;
			}
			Entry previous = byDimension.computeIfAbsent(d, k -> new LinkedHashMap<>())
				.putIfAbsent(c, new Entry(line.number(), d, c, t));
			if (previous != null) {
				errors.add(new ImportError(line.number(), "mapping.code", "import.stats.codeMappingCodeTwice", c, d,
						previous.row()));
			}
		}
		if (!errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
		return new CodeMapping(byDimension);
	}

	/**
	 * The lines for a dimension of the table: by its exact id, else ignoring case (SDMX
	 * writes ids in capitals).
	 */
	public Map<String, Entry> of(String dimensionId) {
		Map<String, Entry> exact = byDimension.get(dimensionId);
		if (exact != null) {
			return exact;
		}
		return byDimension.entrySet()
			.stream()
			.filter(e -> e.getKey().equalsIgnoreCase(dimensionId))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(Map.of());
	}

	Optional<Entry> entry(String dimensionId, String code) {
		return Optional.ofNullable(of(dimensionId).get(code));
	}

}
