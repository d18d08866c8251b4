package be.obmi.rights.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A social worker's stored case of a client: the questionnaire's answers (as its form
 * fields, so the questionnaire can be reopened with them), the outcome per right when it
 * was stored, and the consent; deleted at {@code retainUntil}.
 *
 * @param label what the worker calls the case (no name is asked for)
 * @param activityId the processing activity of the city's GDPR register, null when the
 * register could not be reached
 */
public record ClientCase(UUID publicId, String worker, String label, Map<String, List<String>> answers,
		List<Result> results, String consentText, Instant consentedAt, LocalDate retainUntil, UUID activityId) {

	/** One right's outcome when the case was stored. */
	public record Result(String code, String title, String verdict) {
	}

}
