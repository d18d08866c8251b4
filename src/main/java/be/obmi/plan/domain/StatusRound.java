package be.obmi.plan.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A reporting round (rapporteringsronde); a closed round is a frozen snapshot. */
public record StatusRound(long id, long planId, String name, LocalDate referenceDate, LocalDate deadline, Scope scope,
		State state, String changedAssumptions, String changedRisks, String openedBy, OffsetDateTime openedAt,
		OffsetDateTime closedAt, int version) {

	public enum Scope {

		ALL, PRIORITY, SELECTION;

		public String messageKey() {
			return "plan.scope." + name().toLowerCase();
		}

	}

	public enum State {

		OPEN, CLOSED

	}

	public boolean open() {
		return state == State.OPEN;
	}

}
