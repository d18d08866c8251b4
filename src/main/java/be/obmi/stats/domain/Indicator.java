package be.obmi.stats.domain;

import java.util.Locale;

/**
 * An indicator of the catalogue. {@code tenantId} null: the shared platform catalogue.
 *
 * @param aggregation {@code sum}, {@code ratio} (numerator/denominator × factor, as ratio
 * of sums) or {@code none}
 * @param threshold values below this (and above 0) are not published; 0 = no disclosure
 * control
 * @param nameEn the English name, theme, definition and unit: null when not translated
 * (English pages then show the Dutch text, marked as Dutch)
 */
public record Indicator(long id, Long tenantId, String code, String name, String theme, String definition, String unit,
		String countingUnit, String source, String kind, Long numeratorId, Long denominatorId, double factor,
		String aggregation, int decimals, int threshold, boolean published, boolean demo, int version, String nameEn,
		String themeEn, String definitionEn, String unitEn) {

	public boolean isSum() {
		return "sum".equals(aggregation);
	}

	/**
	 * A survey result (a Gemeente-Stadsmonitor edition): shown with its respondents and
	 * its 95% confidence interval.
	 */
	public boolean isSurvey() {
		return "survey".equals(kind);
	}

	public boolean isRatio() {
		return "ratio".equals(aggregation) && numeratorId != null && denominatorId != null;
	}

	/** The name in the page's language, Dutch when there is no English one. */
	public Label nameIn(Locale locale) {
		return Label.of(locale, name, nameEn);
	}

	public Label themeIn(Locale locale) {
		return Label.of(locale, theme, themeEn);
	}

	/** Never null; its text is null when there is no definition. */
	public Label definitionIn(Locale locale) {
		return Label.of(locale, definition, definitionEn);
	}

	/** Never null; its text is null when there is no unit. */
	public Label unitIn(Locale locale) {
		return Label.of(locale, unit, unitEn);
	}

	/**
	 * A content text as shown on a page.
	 *
	 * @param lang {@code nl} when an English page shows the Dutch text for want of an
	 * English one (to be written as the element's {@code lang}), else null
	 */
	public record Label(String text, String lang) {

		static Label of(Locale locale, String dutch, String english) {
			if (!"en".equals(locale.getLanguage())) {
				return new Label(dutch, null);
			}
			if (english != null && !english.isBlank()) {
				return new Label(english, null);
			}
			return new Label(dutch, dutch == null ? null : "nl");
		}

		@Override
		public String toString() {
			return text == null ? "" : text;
		}

	}

}
