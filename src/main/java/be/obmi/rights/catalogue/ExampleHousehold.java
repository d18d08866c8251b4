package be.obmi.rights.catalogue;

import java.time.LocalDate;

/**
 * A fictitious household with the outcome a right's rule must give it as of a day.
 *
 * @param tenantId the city it lives in (whose top-up applies), or null
 * @param answers its answers as JSON ({@link RuleJson#answers})
 * @param expected ELIGIBLE, MAYBE, NOT_ELIGIBLE or NOT_IN_FORCE
 */
public record ExampleHousehold(long id, long rightId, Long tenantId, String name, String answers, LocalDate asOf,
		String expected) {

}
