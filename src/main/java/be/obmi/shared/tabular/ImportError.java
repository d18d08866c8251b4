package be.obmi.shared.tabular;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

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
public record ImportError(Integer row, String column, String code,
		List<Object> arguments) implements MessageSourceResolvable {

	public ImportError {
		if (code == null || !code.matches("import\\.[A-Za-z0-9.]+")) {
			throw new IllegalArgumentException("not a message code: " + code);
		}
		List<Object> written = new ArrayList<>(arguments.size());
		for (Object argument : arguments) {
			written.add(argument instanceof Number ? argument.toString() : argument);
		}
		arguments = Collections.unmodifiableList(written);
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

	@Override
	public String[] getCodes() {
		return new String[] { code };
	}

	@Override
	public Object[] getArguments() {
		return arguments.toArray();
	}

	@Override
	public String getDefaultMessage() {
		return null;
	}

	/** This problem with its reason in the given language. */
	public Shown in(MessageSource messages, Locale locale) {
		return new Shown(row, column, messages.getMessage(this, locale));
	}

	/** Every problem in the given language. */
	public static List<Shown> in(List<ImportError> errors, MessageSource messages, Locale locale) {
		return errors.stream().map(e -> e.in(messages, locale)).toList();
	}

	/** A problem as the user reads it: row, column and the reason in their language. */
	public record Shown(Integer row, String column, String message) {
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
		return (text.isEmpty() ? "" : text + ": ") + DutchTexts.SOURCE.getMessage(this, DutchTexts.DUTCH);
	}

	/**
	 * Every module's bundle ({@code i18n/*_nl.properties}) for the Dutch text of an error
	 * outside a request (logs, an exception's message); a code without a text shows as
	 * itself.
	 */
	private static final class DutchTexts {

		static final Locale DUTCH = Locale.forLanguageTag("nl-BE");

		static final MessageSource SOURCE = source();

		private static MessageSource source() {
			ResourceBundleMessageSource source = new ResourceBundleMessageSource();
			try {
				for (Resource bundle : new PathMatchingResourcePatternResolver()
					.getResources("classpath*:i18n/*_nl.properties")) {
					String name = bundle.getFilename();
					if (name != null) {
						source.addBasenames("i18n/" + name.substring(0, name.length() - "_nl.properties".length()));
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			source.setDefaultEncoding("UTF-8");
			source.setFallbackToSystemLocale(false);
			source.setDefaultLocale(DUTCH);
			source.setUseCodeAsDefaultMessage(true);
			return source;
		}

	}

}
