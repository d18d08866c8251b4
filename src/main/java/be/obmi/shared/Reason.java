package be.obmi.shared;

import java.util.Arrays;
import java.util.List;

import org.springframework.context.MessageSourceResolvable;

/**
 * Why something was refused, as a person reads it: a message code of a module's bundle
 * ({@code <module>.refused.<name>} in {@code i18n/<module>_nl.properties} and
 * {@code _en}) with its arguments, shown in the user's language. An argument may itself
 * be a {@code MessageSourceResolvable} (another reason, a name), shown in the same
 * language; numbers are passed on as written, never regrouped by the language.
 */
public record Reason(String code, List<Object> arguments) implements CodedMessage {

	public Reason {
		arguments = Texts.arguments(code, arguments);
	}

	public static Reason of(String code, Object... arguments) {
		return new Reason(code, Arrays.asList(arguments));
	}

	/**
	 * A list of values written as {@code [a, b, c]}, each value shown in the reader's
	 * language when it is itself a reason.
	 */
	public static MessageSourceResolvable list(List<?> values) {
		return new Listed(Texts.plain(values));
	}

	/** In Dutch, for logs and an exception's message. */
	@Override
	public String toString() {
		return Texts.dutch(this);
	}

	/** Values as {@code [a, b, c]}: a pattern with a place per value. */
	private record Listed(List<Object> values) implements MessageSourceResolvable {

		@Override
		public String[] getCodes() {
			return null;
		}

		@Override
		public Object[] getArguments() {
			return values.toArray();
		}

		@Override
		public String getDefaultMessage() {
			StringBuilder pattern = new StringBuilder("[");
			for (int i = 0; i < values.size(); i++) {
				pattern.append(i == 0 ? "" : ", ").append('{').append(i).append('}');
			}
			return pattern.append(']').toString();
		}

	}

}
