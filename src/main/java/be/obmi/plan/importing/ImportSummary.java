package be.obmi.plan.importing;

/**
 * What an import did. {@code notInFile} counts existing items the file did not mention
 * (they are kept); {@code planVersion} is the plan's current version afterwards (a new
 * one only when something changed).
 */
public record ImportSummary(int rows, int created, int updated, int unchanged, int notInFile, int planVersion) {

	public int changes() {
		return created + updated;
	}

}
