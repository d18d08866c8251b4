package be.obmi.identity;

import org.springframework.context.MessageSourceResolvable;

/**
 * An account change that the rules refuse (see docs/security.md, "Accounts"). It names a
 * message of the {@code messages} bundle with its arguments, so a page resolves it in the
 * user's language with {@code MessageSource.getMessage(refused, locale)}.
 */
public class AccountChangeRefused extends RuntimeException implements MessageSourceResolvable {

	private final String messageKey;

	private final transient Object[] arguments;

	AccountChangeRefused(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	@Override
	public String[] getCodes() {
		return new String[] { messageKey };
	}

	@Override
	public Object[] getArguments() {
		return arguments.clone();
	}

}
