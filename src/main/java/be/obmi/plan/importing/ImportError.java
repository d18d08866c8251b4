package be.obmi.plan.importing;

/** One problem in an uploaded file: the row (1 is the header), the column name and the reason in Dutch. */
public record ImportError(int row, String column, String message) {
}
