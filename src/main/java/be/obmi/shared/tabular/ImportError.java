package be.obmi.shared.tabular;

import be.obmi.shared.CodedMessage;
import be.obmi.shared.Texts;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

/**
 * One problem in an uploaded file, as a person fixes it: the row (1 = the header row, as
 * in a spreadsheet), the column by its header name (or null for a problem with the whole
 * row or file), and the reason as a message code with its arguments, shown in the user's
 * language ({@link #in}, or {@code MessageSource.getMessage(error, locale)} in a
 * template). The codes start with {@code import.} and live in the bundle of the module
 * that reports them ({@code i18n/<module>_nl.properties} and {@code _en}); an argument
 * may itself be a {@link MessageSourceResolvable} (a type name, say), which is shown in
 * the same language. Numbers are passed on as written, never regrouped by the language.
 */
public record ImportError(Integer row, String column, String code, List<Object> arguments) implements CodedMessage {

	public ImportError {
		arguments = Texts.importArguments(code, arguments);
	}

	/** A problem in a row (1 = the header row) and column. */
	public ImportError(long row, String column, String code, Object... arguments) {
		this(Integer.valueOf(Math.toIntExact(row)), column, code, Arrays.asList(arguments));
	}

	/** A problem with the whole file. */
	public static ImportError ofFile(String code, Object... arguments) {
		return new ImportError(null, null, code, Arrays.asList(arguments));
	}

	/** One reason for several problems, as the same code with an argument per problem. */
	public static MessageSourceResolvable text(String code, Object... arguments) {
		return new ImportError(null, null, code, Arrays.asList(arguments));
	}

	/** This problem with its reason in the given language. */
	public Shown in(MessageSource messages, Locale locale) {
		return new Shown(row, column, messages.getMessage(this, locale));
	}

	/** Every problem in the given language. */
	public static List<Shown> in(List<ImportError> errors, MessageSource messages, Locale locale) {
		return errors.stream().map(e -> e.in(messages, locale)).toList();
	}

	/**
	 * A problem as the user reads it: row, column and the reason in their language
	 * (serializable: a page may keep it in the session for the page after a redirect).
	 */
	public record Shown(Integer row, String column, String message) implements Serializable {
	}

	/**
	 * In Dutch, for logs and the exception's message:
	 * {@code rij 2, kolom waarde: reason}.
	 */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		if (row != null) {
			text.append("rij ").append(row);
		}
		if (column != null) {
			text.append(text.isEmpty() ? "" : ", ").append("kolom ").append(column);
		}
		return (text.isEmpty() ? "" : text + ": ") + Texts.dutch(this);
	}

}
