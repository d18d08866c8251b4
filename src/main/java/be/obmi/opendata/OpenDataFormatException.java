package be.obmi.opendata;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.springframework.context.MessageSourceResolvable;

/**
 * A file in an open data format could not be read (or a cube cannot be written in a
 * format). It names where the problem is (line or row, column or keyword) and the reason
 * as a message code ({@code import.opendata.*}, texts in {@code i18n/opendata_nl} and
 * {@code _en}) with its arguments, so that the reason can be shown in the user's language
 * ({@code MessageSource.getMessage(exception, locale)}). Numbers are passed on as
 * written, never regrouped by the language. {@link #getMessage()} is the Dutch text, for
 * logs and for callers without a message source: {@code Regel 3, DATA: reason}.
 */
public class OpenDataFormatException extends RuntimeException implements MessageSourceResolvable {

	private static final String BUNDLE = "i18n/opendata";

	private static final Locale DUTCH = Locale.forLanguageTag("nl-BE");

	private final Long line;

	private final String column;

	private final String code;

	private final List<Object> arguments;

	/**
	 * @param line the line or row, or null
	 * @param column the column, keyword or property, or null
	 * @param code the message code of the reason, {@code import.opendata.*}
	 * @param arguments the arguments of the reason
	 */
	public OpenDataFormatException(Long line, String column, String code, Object... arguments) {
		this((Throwable) null, line, column, code, arguments);
	}

	/** The same, with the exception that caused it. */
	public OpenDataFormatException(Throwable cause, Long line, String column, String code, Object... arguments) {
		this(line, column, code, written(code, arguments), cause);
	}

	private OpenDataFormatException(Long line, String column, String code, List<Object> arguments, Throwable cause) {
		super(describe(line, column, code, arguments), cause);
		this.line = line;
		this.column = column;
		this.code = code;
		this.arguments = arguments;
	}

	/** A problem at a line (or row) and column (or keyword or property). */
	public static OpenDataFormatException at(long line, String column, String code, Object... arguments) {
		return new OpenDataFormatException(line, column, code, arguments);
	}

	/** A problem with the whole file. */
	public static OpenDataFormatException of(String code, Object... arguments) {
		return new OpenDataFormatException(null, null, code, arguments);
	}

	private static List<Object> written(String code, Object[] arguments) {
		if (code == null || !code.matches("import\\.[A-Za-z0-9.]+")) {
			throw new IllegalArgumentException("not a message code: " + code);
		}
		List<Object> written = new ArrayList<>(arguments.length);
		for (Object argument : arguments) {
			written.add(argument instanceof Number ? argument.toString() : argument);
		}
		return Collections.unmodifiableList(written);
	}

	private static String describe(Long line, String column, String code, List<Object> arguments) {
		var text = new StringBuilder();
		if (line != null) {
			text.append("Regel ").append(line);
		}
		if (column != null) {
			text.append(text.isEmpty() ? "" : ", ").append(column);
		}
		var reason = dutch(code, arguments);
		return text.isEmpty() ? reason : text.append(": ").append(reason).toString();
	}

	/**
	 * The reason in Dutch, formatted as Spring's message source does: a text without
	 * arguments as written, a text with arguments through {@link MessageFormat}.
	 */
	private static String dutch(String code, List<Object> arguments) {
		String pattern;
		try {
			pattern = ResourceBundle.getBundle(BUNDLE, DUTCH).getString(code);
		}
		catch (MissingResourceException ex) {
			return code + (arguments.isEmpty() ? "" : " " + arguments);
		}
		return arguments.isEmpty() ? pattern : new MessageFormat(pattern, DUTCH).format(arguments.toArray());
	}

	/** The line (text formats) or row (spreadsheets) where the problem is, or null. */
	public Long line() {
		return this.line;
	}

	/** The column, keyword or JSON property concerned, or null. */
	public String column() {
		return this.column;
	}

	/** The message code of the reason, {@code import.opendata.*}. */
	public String code() {
		return this.code;
	}

	/** The arguments of the reason; numbers as text. */
	public List<Object> arguments() {
		return this.arguments;
	}

	/** The reason in Dutch, without line and column. */
	public String reason() {
		return dutch(this.code, this.arguments);
	}

	@Override
	public String[] getCodes() {
		return new String[] { this.code };
	}

	@Override
	public Object[] getArguments() {
		return this.arguments.toArray();
	}

	@Override
	public String getDefaultMessage() {
		return null;
	}

}
