package be.obmi.stats;

/** One problem in an import file: the row (1 = header line) and column it is in, and what is wrong, in Dutch. */
public record ImportError(long row, String column, String message) {
}
