package be.obmi.pirk.mobilisation;

/**
 * Where the contact with an object's owner stands, after Zéro Logement Vacant's follow-up
 * statuses.
 */
public enum OwnerStatus {

	/** Nobody contacted the owner yet. */
	NOT_CONTACTED,
	/** A letter, mail or call went out; waiting for an answer. */
	CONTACTED,
	/** The owner answered (a first contact). */
	ANSWERED,
	/** Follow-up under way (advice, subsidy, renovation, temporary use). */
	IN_PROGRESS,
	/** The object is in use again. */
	SOLVED,
	/** The owner showed the object is not vacant. */
	NOT_VACANT,
	/** The owner refuses any follow-up. */
	REFUSED,
	/** Blocked (inheritance, dispute, owner unreachable). */
	BLOCKED;

	public String messageKey() {
		return "pirk.owner.status." + name().toLowerCase();
	}

	/** Whether the case is closed (solved, not vacant or refused). */
	public boolean closed() {
		return this == SOLVED || this == NOT_VACANT || this == REFUSED;
	}

}
