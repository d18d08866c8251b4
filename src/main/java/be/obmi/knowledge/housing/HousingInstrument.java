package be.obmi.knowledge.housing;

import java.util.Locale;

/**
 * One instrument of the controlled list of local housing-policy instruments, e.g.
 * {@code 5.A.1} "Preventie" in chapter 5 "Kwaliteitsvol wonen en bouwen".
 *
 * @param code the chapter and the code within it, {@code 5.A.1}
 * @param localCode the code within the chapter, {@code A.1}
 */
public record HousingInstrument(String code, String chapter, String chapterNl, String chapterEn, String localCode,
		String labelNl, String labelEn) {

	/** The instrument's name in the language (Dutch unless English). */
	public String label(Locale locale) {
		return english(locale) ? labelEn : labelNl;
	}

	/** The chapter's number and name, {@code 5. Kwaliteitsvol wonen en bouwen}. */
	public String chapterLabel(Locale locale) {
		return chapter + ". " + (english(locale) ? chapterEn : chapterNl);
	}

	private static boolean english(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage());
	}

}
