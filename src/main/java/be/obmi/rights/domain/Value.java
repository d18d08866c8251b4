package be.obmi.rights.domain;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A number in a rule: a literal, or a named parameter of the rule (a ceiling, an amount)
 * whose value a city may set for its own territory on a shared right (a top-up); where
 * the city set nothing, the rule's base value applies (delegation with a default, as in
 * MinBZK's regelrecht).
 *
 * @param literal the value itself, or null for a parameter
 * @param parameter the parameter's name, or null for a literal
 */
public record Value(BigDecimal literal, String parameter) {

	public Value {
		if ((literal == null) == (parameter == null)) {
			throw new IllegalArgumentException("A value is either a literal or a parameter");
		}
	}

	public static Value of(long literal) {
		return new Value(BigDecimal.valueOf(literal), null);
	}

	public static Value parameter(String name) {
		return new Value(null, name);
	}

	/**
	 * The value with the parameters in force.
	 * @throws IllegalStateException for a parameter without a value (a rule that names a
	 * parameter it does not define cannot be published)
	 */
	public BigDecimal resolve(Map<String, BigDecimal> parameters) {
		if (literal != null) {
			return literal;
		}
		BigDecimal value = parameters.get(parameter);
		if (value == null) {
			throw new IllegalStateException("Parameter without value: " + parameter);
		}
		return value;
	}

}
