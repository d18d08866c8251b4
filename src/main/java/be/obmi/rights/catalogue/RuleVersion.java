package be.obmi.rights.catalogue;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import be.obmi.rights.domain.EligibilityRule;

/**
 * A stored, dated version of a right's rule.
 *
 * @param rule the conditions and base parameters as JSON ({@link RuleJson})
 * @param state DRAFT (being checked), PUBLISHED (used by the questionnaire)
 */
public record RuleVersion(long id, long rightId, LocalDate validFrom, LocalDate validTo, String rule, String legalBasis,
		String state, String createdBy, OffsetDateTime createdAt) {

	/** The version as the evaluator reads it. */
	public EligibilityRule toRule() {
		RuleJson.Body body = RuleJson.read(rule);
		return new EligibilityRule(validFrom, validTo, body.all(), body.none(), body.parameters(), legalBasis);
	}

	public boolean published() {
		return "PUBLISHED".equals(state);
	}

}
