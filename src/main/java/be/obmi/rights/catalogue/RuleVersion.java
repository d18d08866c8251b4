package be.obmi.rights.catalogue;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import be.obmi.rights.dmn.DmnRules;
import be.obmi.rights.domain.EligibilityRule;

/**
 * A stored, dated version of a right's rule.
 *
 * @param rule the conditions and base parameters as JSON ({@link RuleJson})
 * @param state DRAFT (being checked), PUBLISHED (used by the questionnaire)
 * @param dmn a DMN model (XML) whose decision decides besides the conditions, or null
 */
public record RuleVersion(long id, long rightId, LocalDate validFrom, LocalDate validTo, String rule, String legalBasis,
		String state, String createdBy, OffsetDateTime createdAt, String dmn) {

	/**
	 * The version as the evaluator reads it (its DMN model compiled, when it has one).
	 */
	public EligibilityRule toRule() {
		RuleJson.Body body = RuleJson.read(rule);
		return new EligibilityRule(validFrom, validTo, body.all(), body.none(), body.parameters(), legalBasis,
				dmn == null ? null : DmnRules.compile(dmn, body.parameters().keySet()));
	}

	/** Whether a DMN decision table decides this version. */
	public boolean decisionTable() {
		return dmn != null;
	}

	public boolean published() {
		return "PUBLISHED".equals(state);
	}

}
