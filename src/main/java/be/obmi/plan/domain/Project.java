package be.obmi.plan.domain;

import java.time.LocalDate;

/**
 * A project through which an item is realised, with its planned and realised date;
 * {@code version} for optimistic locking.
 */
public record Project(long id, long itemId, String name, String description, LocalDate plannedDate,
		LocalDate actualDate, int version) {

	public boolean realised() {
		return actualDate != null;
	}

}
