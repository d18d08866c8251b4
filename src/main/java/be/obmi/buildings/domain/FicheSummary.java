package be.obmi.buildings.domain;

import java.time.OffsetDateTime;

/**
 * A published fiche in brief.
 *
 * @param publicFiche whether anonymous visitors may read it (else members only)
 */
public record FicheSummary(String processCode, String title, String summary, boolean publicFiche,
		OffsetDateTime publishedAt) {
}
