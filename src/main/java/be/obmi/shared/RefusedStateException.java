package be.obmi.shared;

/**
 * A step the data's state does not allow (a closed round, an import undone already): an
 * {@code IllegalStateException}, as the pages and the API that answer it with a message
 * or 409 expect, with its reason in the user's language.
 */
public class RefusedStateException extends IllegalStateException implements Refusal {

	private final transient Reason reason;

	public RefusedStateException(Reason reason) {
		super(Texts.dutch(reason));
		this.reason = reason;
	}

	@Override
	public Reason reason() {
		return this.reason;
	}

}
