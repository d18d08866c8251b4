package be.obmi.stats.domain;

/**
 * An indicator of the catalogue. {@code tenantId} null: the shared platform catalogue.
 *
 * @param aggregation {@code sum}, {@code ratio} (numerator/denominator × factor, as ratio
 * of sums) or {@code none}
 * @param threshold values below this (and above 0) are not published; 0 = no disclosure
 * control
 */
public record Indicator(long id, Long tenantId, String code, String name, String theme, String definition, String unit,
		String countingUnit, String source, String kind, Long numeratorId, Long denominatorId, double factor,
		String aggregation, int decimals, int threshold, boolean published, boolean demo, int version) {

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

}
