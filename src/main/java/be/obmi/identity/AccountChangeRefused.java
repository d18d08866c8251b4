package be.obmi.identity;

/**
 * An account change that the rules refuse (see docs/security.md, "Accounts"). Carries a message key of the
 * {@code messages} bundle with its arguments, so the page says why in the user's language.
 */
public class AccountChangeRefused extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	AccountChangeRefused(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

}
