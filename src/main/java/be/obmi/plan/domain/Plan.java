package be.obmi.plan.domain;

/**
 * A multi-year plan of a tenant; {@code currentVersion} is the number of its current
 * version (0 before any import).
 */
public record Plan(long id, long tenantId, String name, int startYear, int endYear, int currentVersion, boolean demo,
		int version) {

	public String period() {
		return startYear + "–" + endYear;
	}

}
