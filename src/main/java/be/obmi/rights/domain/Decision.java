package be.obmi.rights.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A decision besides a rule's typed conditions, for a complex right: a DMN decision table
 * (see {@code rights.dmn}). It reports its verdict as checks, like the conditions do:
 * met, failed (naming the table and the rule that decided, with its reason) or unknown
 * (one check per question it still needs), so the evaluator gives the same three groups.
 */
public interface Decision {

	/** The decision's name (the DMN model and its decision). */
	String name();

	/**
	 * Decides on the answers with the parameters in force (base values with the city's
	 * top-up).
	 * @throws IllegalStateException when the decision cannot be evaluated
	 */
	Result decide(Answers answers, Map<String, BigDecimal> parameters);

	/**
	 * What the decision found.
	 *
	 * @param outputs numeric outputs (e.g. {@code bedrag}) that join the rule's
	 * parameters
	 */
	record Result(List<Check> checks, Map<String, BigDecimal> outputs) {

		public Result {
			checks = List.copyOf(checks);
			outputs = Map.copyOf(outputs);
		}

	}

}
