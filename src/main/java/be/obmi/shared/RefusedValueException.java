package be.obmi.shared;

/**
 * A value the rules refuse (a required field left empty, an unknown code, dates in the
 * wrong order): an {@code IllegalArgumentException}, so the platform answers 400 and
 * pages that catch it show the reason, now in the user's language.
 */
public class RefusedValueException extends IllegalArgumentException implements Refusal {

	private final transient Reason reason;

	public RefusedValueException(Reason reason) {
		super(Texts.dutch(reason));
		this.reason = reason;
	}

	@Override
	public Reason reason() {
		return this.reason;
	}

}
