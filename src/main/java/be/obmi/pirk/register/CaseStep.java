package be.obmi.pirk.register;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * A dated step of a leegstandsregister case: INCLUDED, RECEIVED, APPEAL_LODGED,
 * APPEAL_LATE, APPEAL_DECIDED, LEVY_ASSESSED, LEVY_EXEMPT, EXEMPTION, REMOVAL_REFUSED or
 * REMOVED.
 */
public record CaseStep(long id, String step, LocalDate onDate, String detail, String actor, OffsetDateTime recordedAt) {

	public String messageKey() {
		return "pirk.register.step." + step.toLowerCase(Locale.ROOT);
	}

}
