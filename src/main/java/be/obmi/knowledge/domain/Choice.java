package be.obmi.knowledge.domain;

import java.util.Locale;

/**
 * One value of a choice field's controlled list.
 *
 * @param group an optional group code (e.g. a chapter), may be null
 */
public record Choice(String code, String nl, String en, String group) {

	public String label(Locale locale) {
		return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : nl;
	}

}
