package be.obmi.plan.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An owner's report on one item in one status round. */
public record StatusUpdate(long id, long roundId, long itemId, ItemStatus status, int progress, String narrative,
		String bottlenecks, String nextSteps, UpdateState state, String remark, String author,
		OffsetDateTime submittedAt, String approvedBy, OffsetDateTime approvedAt, OffsetDateTime publishedAt,
		int version, String roundName, LocalDate referenceDate) {

	/**
	 * The message key of the warning when status and progress contradict each other, or
	 * null; see {@link ItemStatus#mismatch(int)}.
	 */
	public String mismatch() {
		return status == null ? null : status.mismatch(progress);
	}

}
