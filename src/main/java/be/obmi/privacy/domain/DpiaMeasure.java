package be.obmi.privacy.domain;

import java.time.LocalDate;

/**
 * A measure of a DPIA. {@code planItemCode} is the code of the action it became in the
 * city's multi-year plan, or null.
 */
public record DpiaMeasure(long id, long dpiaId, String title, String description, String owner, LocalDate dueDate,
		MeasureStatus status, String planItemCode, int version) {

	public boolean inPlan() {
		return planItemCode != null;
	}

}
