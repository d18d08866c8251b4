package be.obmi.privacy.domain;

import java.time.LocalDate;

/**
 * A data subject's request (art. 15-21), known by a reference only; {@code version} for
 * optimistic locking.
 */
public record SubjectRequest(long id, String reference, String kind, LocalDate receivedOn, boolean identityVerified,
		int extensionMonths, String extensionReason, LocalDate answeredOn, String outcome, boolean demo, int version) {

	/** The answer is due one month after receipt, plus the extension (art. 12(3)). */
	public LocalDate dueOn() {
		return PrivacyDeadlines.monthsAfter(receivedOn, 1 + extensionMonths);
	}

	/** Not answered after the (extended) due date. */
	public boolean overdue(LocalDate today) {
		return answeredOn == null && today.isAfter(dueOn());
	}

	public String kindKey() {
		return "privacy.request.kind." + kind.toLowerCase();
	}

}
