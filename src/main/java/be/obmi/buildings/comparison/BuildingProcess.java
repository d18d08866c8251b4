package be.obmi.buildings.comparison;

import java.util.Locale;

/** A Schillenboek process ({@code buildings.process}). */
public record BuildingProcess(String code, String nameNl, String nameEn, int sort) {

	public String name(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameNl;
	}

}
