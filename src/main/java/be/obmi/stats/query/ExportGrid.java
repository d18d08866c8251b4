package be.obmi.stats.query;

import be.obmi.opendata.Cell;

/**
 * One indicator's cells of an export, areas × periods (the period varies fastest), as the
 * caller may see them: a status byte and a value per cell in primitive arrays, filled by
 * {@link ExportGrids}. A cell without a value (none stored or aggregated, or stored as
 * missing) is missing; a suppressed cell holds no value at all.
 */
public final class ExportGrid {

	private static final byte MISSING = 0;

	private static final byte OK = 1;

	private static final byte SUPPRESSED = 2;

	private final int periods;

	private final byte[] statuses;

	private final double[] values;

	ExportGrid(int areas, int periods) {
		this.periods = periods;
		this.statuses = new byte[Math.multiplyExact(areas, periods)];
		this.values = new double[this.statuses.length];
	}

	/**
	 * Sets the cell of an area and a period from its value: missing when the value is
	 * (stored as) missing, suppressed when {@code hidden}, else the value.
	 */
	void set(int area, int period, StatsQueries.Obs obs, boolean hidden) {
		Double value = obs.value();
		if (value == null) {
			return;
		}
		int index = area * this.periods + period;
		if (hidden) {
			this.statuses[index] = SUPPRESSED;
		}
		else {
			this.statuses[index] = OK;
			this.values[index] = value;
		}
	}

	/** The number of cells: areas × periods. */
	public int size() {
		return this.statuses.length;
	}

	/** The cell at {@code area × periods + period}. */
	public Cell cell(int index) {
		return switch (this.statuses[index]) {
			case OK -> Cell.ok(this.values[index]);
			case SUPPRESSED -> Cell.suppressed();
			default -> Cell.missing();
		};
	}

}
