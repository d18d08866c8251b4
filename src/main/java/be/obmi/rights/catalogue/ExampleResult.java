package be.obmi.rights.catalogue;

import be.obmi.rights.domain.Eligibility;

/**
 * An example household run against a rule: what it expects, what the rule gave.
 *
 * @param outcome the evaluator's outcome, null when the rule could not be evaluated
 */
public record ExampleResult(ExampleHousehold example, Eligibility.Verdict actual, Eligibility.Outcome outcome) {

	public boolean passed() {
		return actual != null && actual.name().equals(example.expected());
	}

}
