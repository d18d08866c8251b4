package be.obmi.buildings.domain;

import java.time.OffsetDateTime;

/** One saved version of a fiche, for its history. */
public record FicheVersion(String code, int number, FicheContent content, String note, OffsetDateTime createdAt,
		String createdBy) {
}
