package be.obmi.opendata;

import java.util.Objects;

/**
 * One cell of a cube. Only {@link CellStatus#OK} cells carry a value; suppressed and
 * missing cells carry an optional symbol as published (e.g. {@code ".."}) and their value
 * is never read.
 */
public record Cell(CellStatus status, double value, String symbol) {

	private static final Cell SUPPRESSED = new Cell(CellStatus.SUPPRESSED, Double.NaN, null);

	private static final Cell MISSING = new Cell(CellStatus.MISSING, Double.NaN, null);

	public Cell {
		Objects.requireNonNull(status, "status");
		if (status == CellStatus.OK && !Double.isFinite(value)) {
			throw new IllegalArgumentException("an OK cell needs a finite value");
		}
		if (status != CellStatus.OK) {
			value = Double.NaN;
		}
	}

	public static Cell ok(double value) {
		return new Cell(CellStatus.OK, value, null);
	}

	public static Cell suppressed() {
		return SUPPRESSED;
	}

	public static Cell missing() {
		return MISSING;
	}

	public static Cell missing(String symbol) {
		return new Cell(CellStatus.MISSING, Double.NaN, symbol);
	}

	public boolean isOk() {
		return this.status == CellStatus.OK;
	}

}
