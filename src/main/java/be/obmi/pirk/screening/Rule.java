package be.obmi.pirk.screening;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.obmi.pirk.domain.VacancyClass;

/**
 * A city's screening rule: conditions on an object's latest indications joined by AND or
 * OR. When it fires it adds {@code score} to the object's suspicion score (at most 100 in
 * all) and marks the object {@code marks} (suspected, or administratively vacant when the
 * rule rests on register data such as the population register).
 */
public record Rule(long id, String name, String description, Combinator combinator, int score, VacancyClass marks,
		boolean active, List<Condition> conditions, boolean demo, int version) {

	/** How the conditions are joined. */
	public enum Combinator {

		AND, OR

	}

	/** A comparison with a threshold, or the mere presence of an indication. */
	public enum Operator {

		GE(">="), GT(">"), LE("<="), LT("<"), PRESENT("");

		private final String symbol;

		Operator(String symbol) {
			this.symbol = symbol;
		}

		public String symbol() {
			return symbol;
		}

		public String messageKey() {
			return "pirk.rule.operator." + name().toLowerCase(Locale.ROOT);
		}

		boolean holds(BigDecimal value, BigDecimal threshold) {
			if (this == PRESENT) {
				return true;
			}
			if (value == null) {
				return false;
			}
			int c = value.compareTo(threshold);
			return switch (this) {
				case GE -> c >= 0;
				case GT -> c > 0;
				case LE -> c <= 0;
				case LT -> c < 0;
				case PRESENT -> true;
			};
		}

	}

	/** One condition on the latest indication of a kind. */
	public record Condition(IndicationKind kind, Operator operator, BigDecimal threshold) {

		/** Whether the latest indications (by kind) satisfy this condition. */
		public boolean holds(Map<IndicationKind, Indication> latest) {
			Indication indication = latest.get(kind);
			return indication != null && operator.holds(indication.value(), threshold);
		}

	}

	/** Whether the rule fires on an object's latest indications (by kind). */
	public boolean fires(Map<IndicationKind, Indication> latest) {
		if (!active || conditions.isEmpty()) {
			return false;
		}
		return combinator == Combinator.AND ? conditions.stream().allMatch(c -> c.holds(latest))
				: conditions.stream().anyMatch(c -> c.holds(latest));
	}

}
