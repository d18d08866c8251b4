package be.obmi.shared;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;

/**
 * A text of the message bundles by its code and arguments, resolved in the reader's
 * language; no default text, so a missing key shows. What {@link Reason} and
 * {@code tabular.ImportError} share.
 */
public interface CodedMessage extends MessageSourceResolvable {

	String code();

	List<Object> arguments();

	@Override
	default String[] getCodes() {
		return new String[] { code() };
	}

	@Override
	default Object[] getArguments() {
		return arguments().toArray();
	}

	@Override
	default String getDefaultMessage() {
		return null;
	}

}
