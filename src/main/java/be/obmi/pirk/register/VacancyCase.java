package be.obmi.pirk.register;

import java.time.LocalDate;

/**
 * An object's inclusion in the leegstandsregister (Vlaamse Codex Wonen): the
 * administrative act, the day the owner received its notice (from which the 30-day appeal
 * period runs), the appeal and the removal.
 *
 * @param register {@code LEEGSTAND_WONINGEN} or {@code LEEGSTAND_GEBOUWEN}
 * @param vacantSince the first day of the established vacancy (at least 12 months before
 * the act)
 * @param appealOutcome null (no appeal), PENDING, UPHELD (inclusion kept), GRANTED
 * (inclusion annulled) or INADMISSIBLE (lodged after the 30 days)
 * @param removalReason USE (six months of proven use), APPEAL or DEMOLITION; null while
 * included
 * @param useSince the first day of the use the owner reported, may be null
 */
public record VacancyCase(long id, long realEstateId, String address, String register, String actReference,
		LocalDate actDate, LocalDate vacantSince, LocalDate receiptDate, LocalDate appealLodgedOn, String appealOutcome,
		LocalDate appealDecidedOn, LocalDate removedOn, String removalReason, LocalDate useSince, boolean demo,
		int version) {

	/** The owner may appeal within 30 days of receiving the notice of the act. */
	public static final int APPEAL_DAYS = 30;

	/** An object is included only after twelve months of vacancy. */
	public static final int INCLUSION_MONTHS = 12;

	/** It is removed only after six consecutive months of proven use. */
	public static final int REMOVAL_USE_MONTHS = 6;

	/** The last day to lodge an appeal: 30 days after receipt; null before receipt. */
	public LocalDate appealDeadline() {
		return appealDeadline(receiptDate);
	}

	/** 30 days after the day of receipt. */
	public static LocalDate appealDeadline(LocalDate receiptDate) {
		return receiptDate == null ? null : receiptDate.plusDays(APPEAL_DAYS);
	}

	/** The first day removal can be granted: six months after the use began. */
	public static LocalDate removableOn(LocalDate useSince) {
		return useSince == null ? null : useSince.plusMonths(REMOVAL_USE_MONTHS);
	}

	public LocalDate removableOn() {
		return removableOn(useSince);
	}

	/** Whether the object is still in the register. */
	public boolean included() {
		return removedOn == null;
	}

	/** Whether the appeal period runs on {@code day} (received, no appeal yet). */
	public boolean appealOpen(LocalDate day) {
		return included() && receiptDate != null && appealLodgedOn == null && !day.isAfter(appealDeadline());
	}

	public boolean appealPending() {
		return "PENDING".equals(appealOutcome);
	}

	/** The day levy year {@code n} (1, 2, …) falls due: n × 12 months after the act. */
	public LocalDate levyDue(int year) {
		return actDate.plusYears(year);
	}

	/**
	 * The day after which no more levy years fall due: the first day of proven use when
	 * it was removed for use, the removal when annulled on appeal (no levy at all), else
	 * null.
	 */
	public LocalDate levyEnd() {
		if (removedOn == null) {
			return null;
		}
		if ("APPEAL".equals(removalReason)) {
			return actDate;
		}
		return useSince != null ? useSince : removedOn;
	}

}
