package be.obmi.rights.catalogue;

import java.time.LocalDate;

/**
 * A right in the catalogue with its fiche: a city's own ({@code tenantId}) or one shared
 * by all cities (a Flemish or federal right, {@code tenantId} null).
 *
 * @param level FEDERAAL, VLAAMS, PROVINCIAAL or LOKAAL
 * @param state DRAFT, PUBLISHED or ARCHIVED (never deleted)
 * @param version for optimistic locking
 */
public record RightEntry(long id, Long tenantId, String code, String title, String description, String level,
		String theme, String targetGroup, String ficheConditions, String ficheProcedure, String ficheDocuments,
		String ficheContact, String ficheAdvantage, String legalUrl, String legalTitle, LocalDate validFrom,
		LocalDate validTo, String state, boolean demo, int version) {

	/** Whether every city offers it (a shared right). */
	public boolean shared() {
		return tenantId == null;
	}

	public boolean published() {
		return "PUBLISHED".equals(state);
	}

}
