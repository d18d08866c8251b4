package be.obmi.plan.domain;

import java.time.OffsetDateTime;

/**
 * One kept version of a plan: an import ({@code kind} IMPORT) or the undo of one (UNDO,
 * {@code undoes} the number of the import it undid). An undone import has
 * {@code undoneAt} and {@code undoneBy}; {@code recorded} says whether what the import
 * did to each item was kept, which its undo needs.
 */
public record PlanVersion(long id, int number, String label, OffsetDateTime createdAt, String createdBy,
		int createdCount, int updatedCount, String kind, Integer undoes, OffsetDateTime undoneAt, String undoneBy,
		boolean recorded) {

	public static final String IMPORT = "IMPORT";

	public static final String UNDO = "UNDO";

	public boolean undo() {
		return UNDO.equals(kind);
	}

	public boolean undone() {
		return undoneAt != null;
	}

	/**
	 * Whether this version can be undone as the plan's current one: an import with its
	 * changes recorded, not undone yet.
	 */
	public boolean undoable() {
		return IMPORT.equals(kind) && undoneAt == null && recorded;
	}

}
