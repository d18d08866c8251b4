package be.obmi.plan.domain;

import java.time.OffsetDateTime;

/** One kept version of a plan (an import or amendment). */
public record PlanVersion(long id, int number, String label, OffsetDateTime createdAt, String createdBy,
		int createdCount, int updatedCount) {
}
