package be.obmi.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The message bundles and what every module's coded messages share: every
 * {@code i18n/<bundle>_nl.properties} on the class path is a bundle (the shell's
 * {@code messages}, and one per module), Dutch by default, English in {@code _en}. A
 * coded message (an import error, a reader's error, a refusal's {@link Reason}) is a code
 * with arguments; numbers among them are passed on as written, never regrouped by the
 * language.
 */
public final class Texts {

	public static final Locale DUTCH = Locale.forLanguageTag("nl-BE");

	private static final String[] BASENAMES = readBasenames();

	/** Dutch texts outside a request (logs, an exception's message). */
	private static final MessageSource DUTCH_TEXTS = source(true);

	private Texts() {
	}

	/** The bundles' base names, {@code i18n/messages}, {@code i18n/plan}, … */
	public static String[] basenames() {
		return BASENAMES.clone();
	}

	/**
	 * A message source over every bundle, Dutch by default and for any language without
	 * its own file.
	 * @param codeAsDefault whether an unknown code shows as itself instead of failing
	 */
	public static ResourceBundleMessageSource source(boolean codeAsDefault) {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames(BASENAMES);
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setDefaultLocale(DUTCH);
		source.setUseCodeAsDefaultMessage(codeAsDefault);
		return source;
	}

	/** The Dutch text of a coded message, outside a request. */
	public static String dutch(MessageSourceResolvable message) {
		return DUTCH_TEXTS.getMessage(message, DUTCH);
	}

	/**
	 * A refusal's reason in the given language: the text of its code when it carries one
	 * (a {@link Refusal}, an {@code AccountChangeRefused}, any
	 * {@link MessageSourceResolvable}), else its message as written.
	 */
	public static String reason(MessageSource messages, Throwable refusal, Locale locale) {
		return refusal instanceof MessageSourceResolvable coded ? messages.getMessage(coded, locale)
				: refusal.getMessage();
	}

	/**
	 * The arguments of a coded message, checked: the code must be
	 * {@code import.<module>.<name>}, and numbers become their plain text.
	 * @throws IllegalArgumentException for text in the place of a code
	 */
	public static List<Object> importArguments(String code, List<?> arguments) {
		if (code == null || !code.matches("import\\.[A-Za-z0-9.]+")) {
			throw new IllegalArgumentException("not a message code: " + code);
		}
		return plain(arguments);
	}

	/**
	 * The arguments of any coded message, checked: the code must look like one
	 * ({@code plan.refused.roundName}, no spaces), and numbers become their plain text.
	 * @throws IllegalArgumentException for text in the place of a code
	 */
	public static List<Object> arguments(String code, List<?> arguments) {
		if (code == null || !code.matches("[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)+")) {
			throw new IllegalArgumentException("not a message code: " + code);
		}
		return plain(arguments);
	}

	/** The arguments as a message shows them: numbers as their plain text. */
	static List<Object> plain(List<?> arguments) {
		List<Object> written = new ArrayList<>(arguments.size());
		for (Object argument : arguments) {
			written.add(argument instanceof Number ? argument.toString() : argument);
		}
		return Collections.unmodifiableList(written);
	}

	/** The same for an argument array. */
	public static List<Object> importArguments(String code, Object[] arguments) {
		return importArguments(code, Arrays.asList(arguments));
	}

	private static String[] readBasenames() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:i18n/*_nl.properties");
			return Arrays.stream(resources)
				.map(Resource::getFilename)
				.filter(Objects::nonNull)
				.map(name -> "i18n/" + name.substring(0, name.length() - "_nl.properties".length()))
				.distinct()
				.sorted()
				.toArray(String[]::new);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
