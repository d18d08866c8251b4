package be.obmi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.InputStreamReader;

/**
 * Every visible text in a template comes from the message bundles, and every bundle has
 * the same keys in Dutch and English: no hard-coded text, no key used but missing.
 */
class I18nTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Path BUNDLES = Path.of("src/main/resources/i18n");

	/**
	 * Text after a tag: {@code <tag attrs>text<} or {@code </tag>text<}; group 1 is "/"
	 * for a closing tag.
	 */
	static final Pattern TEXT_NODE = Pattern
		.compile("<(/?)[a-zA-Z][a-zA-Z0-9:-]*((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>([^<]+)(?=<)");

	/** Attributes people read or hear, given literally instead of through th:. */
	static final Pattern LITERAL_ATTRIBUTE = Pattern
		.compile("(?<![:\\w-])(title|alt|placeholder|aria-label|aria-description|value)=\"([^\"]*)\"");

	static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)");

	@Test
	void templatesHaveNoHardCodedText() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path template : templates()) {
			String html = stripIgnored(Files.readString(template));
			Matcher text = TEXT_NODE.matcher(html);
			while (text.find()) {
				String attributes = text.group(2);
				String content = text.group(3).strip();
				boolean replaced = text.group(1).isEmpty() && (attributes.contains("th:text")
						|| attributes.contains("th:utext") || attributes.contains("th:errors")
						|| attributes.contains("th:replace") || attributes.contains("th:insert"));
				if (!replaced && isWords(content)) {
					problems.add(TEMPLATES.relativize(template) + ": text \"" + content + "\"");
				}
			}
			Matcher attribute = LITERAL_ATTRIBUTE.matcher(html);
			while (attribute.find()) {
				String name = attribute.group(1);
				String value = attribute.group(2);
				if (!name.equals("value") && isWords(value)) {
					problems.add(TEMPLATES.relativize(template) + ": attribute " + name + "=\"" + value + "\"");
				}
			}
		}
		assertThat(problems).as("hard-coded text in templates; use th:text=\"#{key}\"").isEmpty();
	}

	@Test
	void everyBundleHasTheSameKeysInDutchAndEnglish() throws IOException {
		try (Stream<Path> files = Files.list(BUNDLES)) {
			List<Path> dutch = files.filter(f -> f.getFileName().toString().endsWith("_nl.properties")).toList();
			assertThat(dutch).isNotEmpty();
			for (Path nl : dutch) {
				Path en = nl.resolveSibling(nl.getFileName().toString().replace("_nl.properties", "_en.properties"));
				assertThat(en).as("English bundle for " + nl).exists();
				Set<String> nlKeys = new TreeSet<>(load(nl).stringPropertyNames());
				Set<String> enKeys = new TreeSet<>(load(en).stringPropertyNames());
				assertThat(enKeys).as("keys of " + en + " versus " + nl).isEqualTo(nlKeys);
				load(nl).forEach(
						(key, value) -> assertThat(value.toString()).as("empty Dutch text for " + key).isNotBlank());
			}
		}
	}

	@Test
	void everyKeyUsedInATemplateExists() throws IOException {
		Set<String> known = new TreeSet<>();
		try (Stream<Path> files = Files.list(BUNDLES)) {
			files.filter(f -> f.getFileName().toString().endsWith("_nl.properties"))
				.forEach(f -> known.addAll(load(f).stringPropertyNames()));
		}
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			Matcher key = MESSAGE_KEY.matcher(Files.readString(template));
			while (key.find()) {
				String name = key.group(1);
				if (!known.contains(name) && !name.endsWith(".")) {
					missing.add(TEMPLATES.relativize(template) + ": " + name);
				}
			}
		}
		assertThat(missing).as("message keys used in templates but missing in the bundles").isEmpty();
	}

	/**
	 * A message code of an import error ({@code import.*}) or of a refusal
	 * ({@code <module>.refused.*}) as a string literal in Java.
	 */
	static final Pattern IMPORT_CODE = Pattern
		.compile("\"(import\\.[A-Za-z0-9.]+|[a-z][A-Za-z0-9]*\\.refused\\.[A-Za-z0-9.]+)\"");

	/**
	 * A bean-validation message given as a code, {@code message = "{code}"} or
	 * {@code message() default "{code}"}.
	 */
	static final Pattern CHECK_CODE = Pattern
		.compile("message(?:\\(\\)\\s+default|\\s*=)\\s*\"\\{([A-Za-z0-9_.-]+)\\}\"");

	/**
	 * Every import-error and refusal code written in the production code has a text in
	 * the bundles (so a refused file or step never shows a code), and every text with
	 * arguments quotes its apostrophes as {@code ''} (else MessageFormat drops them and
	 * the arguments after).
	 */
	@Test
	void everyImportErrorCodeHasATextAndItsApostrophesAreQuoted() throws IOException {
		Properties dutch = new Properties();
		try (Stream<Path> files = Files.list(BUNDLES)) {
			files.filter(f -> f.getFileName().toString().endsWith("_nl.properties"))
				.forEach(f -> dutch.putAll(load(f)));
		}
		List<String> missing = new ArrayList<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher code = IMPORT_CODE.matcher(Files.readString(source));
				while (code.find()) {
					if (!code.group(1).endsWith(".") && !dutch.containsKey(code.group(1))) {
						missing.add(source.getFileName() + ": " + code.group(1));
					}
				}
			}
		}
		assertThat(missing).as("import-error and refusal codes without a Dutch text").isEmpty();
		List<String> unquoted = new ArrayList<>();
		try (Stream<Path> files = Files.list(BUNDLES)) {
			for (Path bundle : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
				load(bundle).forEach((key, value) -> {
					String text = value.toString();
					boolean coded = key.toString().startsWith("import.") || key.toString().contains(".refused.");
					if (coded && text.matches("(?s).*\\{\\d.*") && text.replace("''", "").contains("'")) {
						unquoted.add(bundle.getFileName() + ": " + key);
					}
				});
			}
		}
		assertThat(unquoted).as("texts with arguments and a lone apostrophe").isEmpty();
	}

	/**
	 * Every bean-validation message given as a code has a text in the bundles; a message
	 * given as plain text would be Dutch for everyone.
	 */
	@Test
	void everyValidationMessageIsACodeWithAText() throws IOException {
		Properties dutch = new Properties();
		try (Stream<Path> files = Files.list(BUNDLES)) {
			files.filter(f -> f.getFileName().toString().endsWith("_nl.properties"))
				.forEach(f -> dutch.putAll(load(f)));
		}
		List<String> missing = new ArrayList<>();
		List<String> plain = new ArrayList<>();
		Pattern anyMessage = Pattern.compile("[(,]\\s*message\\s*=\\s*\"([^\"]*)\"");
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
				String java = Files.readString(source);
				Matcher code = CHECK_CODE.matcher(java);
				while (code.find()) {
					if (!dutch.containsKey(code.group(1))) {
						missing.add(source.getFileName() + ": " + code.group(1));
					}
				}
				Matcher message = anyMessage.matcher(java);
				while (message.find()) {
					if (!message.group(1).matches("\\{[A-Za-z0-9_.-]+\\}")) {
						plain.add(source.getFileName() + ": " + message.group(1));
					}
				}
			}
		}
		assertThat(missing).as("validation message codes without a Dutch text").isEmpty();
		assertThat(plain).as("validation messages written as text instead of {code}").isEmpty();
	}

	/** Drops comments, scripts, styles and Thymeleaf-only blocks that are never shown. */
	static String stripIgnored(String html) {
		return html.replaceAll("(?s)<!--.*?-->", "")
			.replaceAll("(?s)<script\\b[^>]*>.*?</script>", "<script></script>")
			.replaceAll("(?s)<style\\b[^>]*>.*?</style>", "<style></style>")
			.replaceAll("(?s)<title\\b[^>]*th:(text|replace)[^>]*>.*?</title>", "<title></title>");
	}

	/**
	 * Text a person would read: contains letters and is not only an expression, a symbol
	 * or a number.
	 */
	static boolean isWords(String text) {
		String t = text.strip();
		if (t.isEmpty() || t.startsWith("${") || t.startsWith("#{") || t.startsWith("[[") || t.startsWith("[(")) {
			return false;
		}
		return t.codePoints().filter(Character::isLetter).count() >= 2;
	}

	static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
		}
	}

	static Properties load(Path file) {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
