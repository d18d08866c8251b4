package be.obmi.buildings.domain;

import java.time.OffsetDateTime;

/**
 * A fiche: its latest version (what the Kenniscentrum edits) and the published one (what
 * readers see; null before the first publication).
 *
 * @param code the process code
 * @param status the workflow status of the latest version
 * @param latestVersion the number of the latest version
 * @param publishedVersion the number of the published version, or null
 * @param publishedAt when it was published, or null
 * @param version the optimistic-lock version of the fiche row
 * @param updatedAt when the latest version was saved
 * @param updatedBy who saved it
 * @param latest the latest version's content
 * @param published the published version's content, or null
 */
public record Fiche(String code, FicheStatus status, int latestVersion, Integer publishedVersion,
		OffsetDateTime publishedAt, int version, OffsetDateTime updatedAt, String updatedBy, FicheContent latest,
		FicheContent published) {

	/** Whether readers see a version. */
	public boolean hasPublishedVersion() {
		return published != null;
	}

	/** Whether a reader may see the published version: public, or a logged-in member. */
	public boolean readableBy(boolean member) {
		return published != null && (published.publicFiche() || member);
	}

}
