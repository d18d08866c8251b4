package be.obmi.shared;

import org.springframework.context.MessageSourceResolvable;

/**
 * An exception a person reads: its {@link Reason} is resolved in the user's language by
 * whoever shows it ({@link Texts#reason} with the request's locale: a page in the site's
 * language, the API in the client's), and its {@code getMessage()} is the Dutch text, for
 * logs. A refusal made with plain text instead of a reason (an older caller, a test)
 * shows that text in every language.
 */
public interface Refusal extends MessageSourceResolvable {

	/** The reason, or null for a refusal made with plain text. */
	Reason reason();

	/** The Dutch text (or the plain text). */
	String getMessage();

	@Override
	default String[] getCodes() {
		return reason() == null ? null : reason().getCodes();
	}

	@Override
	default Object[] getArguments() {
		return reason() == null ? null : reason().getArguments();
	}

	@Override
	default String getDefaultMessage() {
		return reason() == null ? getMessage() : null;
	}

}
