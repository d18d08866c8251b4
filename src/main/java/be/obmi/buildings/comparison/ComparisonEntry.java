package be.obmi.buildings.comparison;

import java.time.OffsetDateTime;

/**
 * A city's row for one process as saved in one knowledge round.
 *
 * @param roundId the id of the knowledge round it was saved in
 */
public record ComparisonEntry(long id, long tenantId, String processCode, long roundId, String systemName,
		String supplier, RegisterLink registerLink, LinkedObject linkedObject, String qualityIssues, Integer maturity,
		String changedBy, OffsetDateTime changedAt, boolean demo, int version) {

	public ComparisonState state() {
		return new ComparisonState(systemName, supplier, registerLink, linkedObject, qualityIssues, maturity);
	}

}
