package be.obmi.shared;

/**
 * Someone else saved the same data after it was loaded; the save is refused so nothing is
 * overwritten. Every module throws it for an optimistic-lock conflict; pages show its
 * message, the API answers 409.
 */
public class ConcurrentChangeException extends RuntimeException {

	public ConcurrentChangeException(String message) {
		super(message);
	}

}
