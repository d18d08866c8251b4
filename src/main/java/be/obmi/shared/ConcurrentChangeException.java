package be.obmi.shared;

/**
 * Someone else saved the same data after it was loaded; the save is refused so nothing is
 * overwritten. Every module throws it for an optimistic-lock conflict; pages show its
 * reason, the API answers 409, both in the user's language.
 */
public class ConcurrentChangeException extends RuntimeException implements Refusal {

	private final transient Reason reason;

	/** The reason as a message code, shown in the user's language. */
	public ConcurrentChangeException(Reason reason) {
		super(Texts.dutch(reason));
		this.reason = reason;
	}

	/** The reason as plain text, shown as written in every language. */
	public ConcurrentChangeException(String message) {
		super(message);
		this.reason = null;
	}

	@Override
	public Reason reason() {
		return this.reason;
	}

}
