package be.obmi.shared;

/**
 * Domain code asked for something of a scope that is not there (an unknown dataset or
 * import, or one of another tenant): the platform answers 404 with the reason in the
 * user's language (the API as {@code problem+json}, a page with the error page), without
 * domain code depending on the web layer.
 */
public class NotFoundException extends RuntimeException implements Refusal {

	private final transient Reason reason;

	/** The reason as a message code, shown in the user's language. */
	public NotFoundException(Reason reason) {
		super(Texts.dutch(reason));
		this.reason = reason;
	}

	/** The reason as plain text, shown as written in every language. */
	public NotFoundException(String reason) {
		super(reason);
		this.reason = null;
	}

	@Override
	public Reason reason() {
		return this.reason;
	}

}
