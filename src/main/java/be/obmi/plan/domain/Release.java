package be.obmi.plan.domain;

import java.time.LocalDate;

/**
 * A dated deliverable or milestone of an item, optionally linked to one of its projects;
 * {@code version} for optimistic locking.
 */
public record Release(long id, long itemId, String itemCode, String title, LocalDate plannedDate, LocalDate actualDate,
		String status, Long projectId, String projectName, int version) {

	/** A release without project link, as the dashboard lists it. */
	public Release(long id, long itemId, String itemCode, String title, LocalDate plannedDate, LocalDate actualDate,
			String status) {
		this(id, itemId, itemCode, title, plannedDate, actualDate, status, null, null, 0);
	}

	/** Planned before {@code today}, not yet realised and not dropped. */
	public boolean overdue(LocalDate today) {
		return actualDate == null && plannedDate.isBefore(today) && !"GESCHRAPT".equals(status)
				&& !"GEREALISEERD".equals(status);
	}

}
