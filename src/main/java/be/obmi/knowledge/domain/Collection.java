package be.obmi.knowledge.domain;

import java.util.Locale;

/**
 * A collection of cases with its own field template.
 *
 * @param citiesContribute whether the cities' redacteurs add and update their own cases
 */
public record Collection(long id, String code, String nameNl, String nameEn, String descriptionNl, String descriptionEn,
		boolean citiesContribute, int position, int version) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) && !nameEn.isBlank() ? nameEn : nameNl;
	}

	public String description(Locale locale) {
		return "en".equals(locale.getLanguage()) && !descriptionEn.isBlank() ? descriptionEn : descriptionNl;
	}

}
