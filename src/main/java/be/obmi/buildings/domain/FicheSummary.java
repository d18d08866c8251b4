package be.obmi.buildings.domain;

import java.time.OffsetDateTime;

/**
 * A published fiche as a search or a list shows it.
 *
 * @param processCode the process (and fiche) code
 * @param title the process name in Dutch
 * @param summary the summary of the published version
 * @param publicFiche whether anonymous visitors may read it (else members only)
 * @param publishedAt when the shown version was published
 */
public record FicheSummary(String processCode, String title, String summary, boolean publicFiche,
		OffsetDateTime publishedAt) {
}
