package be.obmi.plan.domain;

import java.time.LocalDate;

/** A dated deliverable or milestone of an item. */
public record Release(long id, long itemId, String itemCode, String title, LocalDate plannedDate, LocalDate actualDate,
		String status) {

	/** Planned before {@code today}, not yet realised and not dropped. */
	public boolean overdue(LocalDate today) {
		return actualDate == null && plannedDate.isBefore(today) && !"GESCHRAPT".equals(status)
				&& !"GEREALISEERD".equals(status);
	}

}
