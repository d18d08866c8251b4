package be.obmi.rights.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One dated version of a right's eligibility rule: every condition of {@code all} must
 * hold and none of {@code none} (the excludes); its parameters have base values that a
 * city may override for its territory (a top-up on a shared right).
 *
 * @param validFrom the first day the version applies
 * @param validTo the last day it applies, null while open-ended
 * @param parameters the base value of each named parameter (ceilings, amounts)
 * @param legalBasis the link to the law article or council decision of this version
 * @param decision a DMN decision table that decides besides the conditions, or null
 */
public record EligibilityRule(LocalDate validFrom, LocalDate validTo, List<Condition> all, List<Condition> none,
		Map<String, BigDecimal> parameters, String legalBasis, Decision decision) {

	/** A version of typed conditions only. */
	public EligibilityRule(LocalDate validFrom, LocalDate validTo, List<Condition> all, List<Condition> none,
			Map<String, BigDecimal> parameters, String legalBasis) {
		this(validFrom, validTo, all, none, parameters, legalBasis, null);
	}

	public EligibilityRule {
		all = all == null ? List.of() : List.copyOf(all);
		none = none == null ? List.of() : List.copyOf(none);
		parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
	}

	/** Whether this version applies on that day. */
	public boolean appliesOn(LocalDate day) {
		return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
	}

}
