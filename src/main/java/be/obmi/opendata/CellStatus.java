package be.obmi.opendata;

/**
 * Whether a cell has a publishable value. Suppressed values never appear in any output.
 */
public enum CellStatus {

	OK, SUPPRESSED, MISSING

}
