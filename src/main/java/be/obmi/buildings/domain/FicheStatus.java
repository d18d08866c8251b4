package be.obmi.buildings.domain;

/**
 * Where a fiche's latest version is in its workflow: a draft goes to review, a reviewed
 * version is published or sent back to draft. Saving a published fiche starts a new
 * draft; the published version stays visible until the next one is published.
 */
public enum FicheStatus {

	DRAFT, REVIEW, PUBLISHED;

	/** As {@link #allows(FicheStatus)}, by name (for the pages). */
	public boolean allowsStep(String next) {
		return allows(valueOf(next));
	}

	/** Whether the latest version may go from this status to {@code next}. */
	public boolean allows(FicheStatus next) {
		return switch (next) {
			case DRAFT -> this == REVIEW;
			case REVIEW -> this == DRAFT;
			case PUBLISHED -> this == REVIEW;
		};
	}

}
