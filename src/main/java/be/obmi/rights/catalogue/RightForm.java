package be.obmi.rights.catalogue;

import java.time.LocalDate;
import java.util.Set;

import be.obmi.shared.PlausibleDate;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;

/**
 * What an editor enters for a right (its fiche); checked before it is stored.
 */
public record RightForm(String code, String title, String description, String level, String theme, String targetGroup,
		String ficheConditions, String ficheProcedure, String ficheDocuments, String ficheContact,
		String ficheAdvantage, String legalUrl, String legalTitle, LocalDate validFrom, LocalDate validTo) {

	static final Set<String> LEVELS = Set.of("FEDERAAL", "VLAAMS", "PROVINCIAAL", "LOKAAL");

	public RightForm {
		code = trim(code);
		title = trim(title);
		description = trim(description);
		level = trim(level);
		theme = trim(theme);
		targetGroup = trim(targetGroup);
		ficheConditions = trim(ficheConditions);
		ficheProcedure = trim(ficheProcedure);
		ficheDocuments = trim(ficheDocuments);
		ficheContact = trim(ficheContact);
		ficheAdvantage = trim(ficheAdvantage);
		legalUrl = trim(legalUrl);
		legalTitle = trim(legalTitle);
	}

	/** Refuses a form the catalogue cannot take, with the reason. */
	void check() {
		if (!code.matches("[a-z0-9-]{2,80}")) {
			throw new RefusedValueException(Reason.of("rights.refused.code"));
		}
		if (title.isEmpty() || title.length() > 200) {
			throw new RefusedValueException(Reason.of("rights.refused.title"));
		}
		if (!LEVELS.contains(level)) {
			throw new RefusedValueException(Reason.of("rights.refused.level"));
		}
		if (!legalUrl.isEmpty() && !legalUrl.matches("https?://\\S{3,490}")) {
			throw new RefusedValueException(Reason.of("rights.refused.legalUrl"));
		}
		plausible(validFrom, validTo);
		if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
			throw new RefusedValueException(Reason.of("rights.refused.dates"));
		}
		for (String text : new String[] { description, ficheConditions, ficheProcedure, ficheDocuments }) {
			if (text.length() > 4000) {
				throw new RefusedValueException(Reason.of("rights.refused.tooLong"));
			}
		}
		if (theme.length() > 100 || targetGroup.length() > 200 || ficheContact.length() > 1000
				|| ficheAdvantage.length() > 1000 || legalTitle.length() > 300) {
			throw new RefusedValueException(Reason.of("rights.refused.tooLong"));
		}
	}

	/** Refuses a date outside 1900–2200 (a typing error). */
	static void plausible(LocalDate... days) {
		for (LocalDate day : days) {
			if (day != null && (day.isBefore(PlausibleDate.FIRST) || day.isAfter(PlausibleDate.LAST))) {
				throw new RefusedValueException(Reason.of("rights.refused.dates"));
			}
		}
	}

	private static String trim(String value) {
		return value == null ? "" : value.strip();
	}

}
