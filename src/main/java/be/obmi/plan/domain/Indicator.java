package be.obmi.plan.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An output, effect or context indicator of a plan item, with yearly targets and
 * measurements. A text indicator ({@code valueType} TEXT) has text values instead of
 * numbers (yes/no, steps of a step plan).
 */
public record Indicator(long id, long itemId, String code, String name, String kind, String valueType, String unit,
		String direction, BigDecimal baseline, String statsCode) {

	public record Target(long indicatorId, int year, BigDecimal target, String textTarget) {
	}

	public record Measurement(long id, long indicatorId, LocalDate measuredOn, BigDecimal value, String textValue,
			String source, String comment) {
	}

	/** An indicator with its targets and measurements, both in date order. */
	public record Details(Indicator indicator, List<Target> targets, List<Measurement> measurements) {

		public boolean text() {
			return "TEXT".equals(indicator.valueType());
		}

		public Measurement latest() {
			return measurements.isEmpty() ? null : measurements.getLast();
		}

	}

}
