package be.obmi.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.obmi.shared.PostgresCopy;
import be.obmi.stats.SuppressedCells;

import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StreamUtils;

/**
 * The statistics part of the warehouse as one statement per step
 * ({@code warehouse/observation-slices.sql}), shared by the full rebuild (every indicator
 * and period, into the staging schema) and the statistics catch-up (the changed
 * (indicator, period) pairs, into the live schema), so that the two can never drift
 * apart: disclosure control and aggregation of a pair are the same either way.
 */
final class ObservationSlices {

	/** The steps that write {@code fact_observation}, in the order they run. */
	static final List<String> FACT_STEPS = List.of("delivered", "sums", "suppress", "suppress_ratio", "ratios");

	/** The temporary table of the pairs a catch-up takes in. */
	static final String PAIRS = "pg_temp.warehouse_pair";

	/** The temporary table of those pairs' hidden cells. */
	static final String CELLS = "pg_temp.warehouse_suppressed_cell";

	private static final Pattern PAIR_FILTER = Pattern.compile("\\{pairs\\(([^,()]+),\\s*([^,()]+)\\)\\}");

	private static final Map<String, String> SLICES = load();

	private ObservationSlices() {
	}

	/**
	 * The hidden cells as rows of COPY into the suppressed-cell table (the staging one of
	 * a rebuild or the temporary one of a catch-up).
	 */
	static PostgresCopy.Rows suppressedRows(List<SuppressedCells.Cell> hidden) {
		PostgresCopy.Rows rows = new PostgresCopy.Rows();
		for (SuppressedCells.Cell cell : hidden) {
			rows.add(cell.scopeKey())
				.add(cell.indicatorId())
				.add(cell.period())
				.add(cell.areaId())
				.add(cell.breakdown())
				.end();
		}
		return rows;
	}

	/** The step as the full rebuild runs it: every pair, into the staging schema. */
	static String full(String step) {
		String sql = fill(step, "warehouse_staging", "warehouse_staging.suppressed_cell", null);
		return step.equals("delivered") ? "create table warehouse_staging.fact_observation as\n" + sql : sql;
	}

	/**
	 * The step as the catch-up runs it: the pairs in {@link #PAIRS} only, into the live
	 * schema.
	 */
	static String incremental(String step) {
		String sql = fill(step, "warehouse", CELLS, PAIRS);
		return step.equals("delivered") ? "insert into warehouse.fact_observation\n" + sql : sql;
	}

	/** The fingerprint query (no placeholders). */
	static String fingerprint() {
		return fill("fingerprint", "warehouse", CELLS, null);
	}

	private static String fill(String step, String schema, String cells, String pairs) {
		String sql = SLICES.get(step);
		if (sql == null) {
			throw new IllegalArgumentException("No warehouse observation step " + step);
		}
		Matcher filter = PAIR_FILTER.matcher(sql.replace("{schema}", schema).replace("{cells}", cells));
		return filter.replaceAll(match -> Matcher.quoteReplacement(pairs == null ? "true" : "(" + match.group(1).strip()
				+ ", " + match.group(2).strip() + ") in (select indicator_id, period from " + pairs + ")"));
	}

	private static Map<String, String> load() {
		try {
			String text = StreamUtils.copyToString(
					new ClassPathResource("warehouse/observation-slices.sql").getInputStream(), StandardCharsets.UTF_8);
			Map<String, String> slices = new LinkedHashMap<>();
			String[] blocks = text.split("(?m)^--; ");
			for (int i = 1; i < blocks.length; i++) {
				int newline = blocks[i].indexOf('\n');
				String body = blocks[i].substring(newline + 1).replaceAll("(?m)^--.*$\\n?", "").strip();
				slices.put(blocks[i].substring(0, newline).strip(), body);
			}
			return Map.copyOf(slices);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
