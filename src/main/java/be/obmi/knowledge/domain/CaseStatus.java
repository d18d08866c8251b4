package be.obmi.knowledge.domain;

/**
 * Where a case is in its workflow: a draft goes to review, the Kenniscentrum publishes
 * it; a case in review or published may go back to draft; any case may be archived.
 */
public enum CaseStatus {

	DRAFT, REVIEW, PUBLISHED, ARCHIVED;

	/** As {@link #allows(CaseStatus)}, by name (for the pages). */
	public boolean allowsStep(String next) {
		return allows(valueOf(next));
	}

	/** Whether a case may go from this status to {@code next}. */
	public boolean allows(CaseStatus next) {
		return switch (next) {
			case DRAFT -> this != DRAFT;
			case REVIEW -> this == DRAFT;
			case PUBLISHED -> this == REVIEW || this == DRAFT;
			case ARCHIVED -> this != ARCHIVED;
		};
	}

}
