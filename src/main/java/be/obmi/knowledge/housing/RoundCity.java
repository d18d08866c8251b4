package be.obmi.knowledge.housing;

import java.time.OffsetDateTime;

import be.obmi.tenancy.Tenant;

/**
 * A city's task in a round: pending, or submitted when and by whom; whether and when it
 * was reminded.
 */
public record RoundCity(Tenant city, long roundId, String submittedBy, OffsetDateTime submittedAt,
		OffsetDateTime remindedAt, String remindedBy, int version) {

	public boolean submitted() {
		return submittedAt != null;
	}

}
