package be.obmi.knowledge.domain;

import java.util.Locale;

/** A theme of the shared vocabulary. */
public record Theme(String code, String labelNl, String labelEn, int position) {

	public String label(Locale locale) {
		return "en".equals(locale.getLanguage()) ? labelEn : labelNl;
	}

}
