package be.obmi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import be.obmi.shared.EveryInstance;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** Layering rules that Spring Modulith's module check does not cover. */
class ArchitectureTests {

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("be.obmi");

	@Test
	void domainCodeDoesNotDependOnWebCode() {
		noClasses().that()
			.resideInAPackage("..domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..web..", "org.springframework.web..", "jakarta.servlet..")
			.allowEmptyShould(true)
			.check(CLASSES);
	}

	@Test
	void nothingDependsOnControllers() {
		DescribedPredicate<JavaClass> controllers = DescribedPredicate.describe("controllers",
				c -> !c.isAnnotation() && !c.isInterface() && c.isMetaAnnotatedWith(Controller.class));
		noClasses().that()
			.areNotMetaAnnotatedWith(Controller.class)
			.and()
			.haveSimpleNameNotContaining("Controller")
			.should()
			.dependOnClassesThat(controllers)
			.check(CLASSES);
	}

	@Test
	void controllersAreNotPublic() {
		classes().that()
			.areMetaAnnotatedWith(Controller.class)
			.and()
			.areNotAnnotations()
			.should()
			.notBePublic()
			.check(CLASSES);
	}

	@Test
	void noClassIsNamedLikeAJunkDrawer() {
		noClasses().should()
			.haveSimpleNameEndingWith("Manager")
			.orShould()
			.haveSimpleNameEndingWith("Helper")
			.orShould()
			.haveSimpleNameEndingWith("Util")
			.orShould()
			.haveSimpleNameEndingWith("Utils")
			.orShould()
			.haveSimpleNameEndingWith("Impl")
			.check(CLASSES);
	}

	/**
	 * No fully qualified type name ({@code java.util.HashMap}, {@code org.apache...Cell},
	 * {@code be.obmi...}) in the code of a production class: types are imported. The
	 * source files are scanned (the compiled classes do not show how a name was written),
	 * after removing comments, Javadoc, string and character literals, text blocks and
	 * the package and import lines; {@code package-info.java} files (package annotations)
	 * are left out.
	 */
	@Test
	void productionCodeImportsTypesInsteadOfQualifyingThem() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java"))
				.filter(f -> !f.getFileName().toString().equals("package-info.java"))
				.sorted()
				.toList()) {
				JavaSource.qualifiedNames(Files.readString(file)).forEach(name -> found.add(file + ":" + name));
			}
		}
		assertThat(found).as("fully qualified type names in production code; import them").isEmpty();
	}

	@Test
	void theSourceScanSeesCodeOnly() {
		String source = """
				import java.util.List;
				/** Uses {@link java.util.Map}. */
				class A {
					// java.util.Set
					String s = "java.util.HashMap" + '"';
					String t = \"""
							org.example.Thing
							\""";
					Object o = new java.util.ArrayList<>();
				}
				""";
		assertThat(JavaSource.qualifiedNames(source)).containsExactly("9 java.util.ArrayList");
	}

	/** Java source with its comments and literals blanked out, line breaks kept. */
	static final class JavaSource {

		static final Pattern QUALIFIED_TYPE = Pattern
			.compile("(?<![\\w.])(?:java|javax|jakarta|org|com|be\\.obmi)(?:\\.[a-z_][a-z0-9_]*)+\\.[A-Z]\\w*");

		static final Pattern PACKAGE_OR_IMPORT = Pattern.compile("^\\s*(?:package|import)\\s");

		private JavaSource() {
		}

		/** Each fully qualified type name in the code, as {@code line name}. */
		static List<String> qualifiedNames(String source) {
			List<String> found = new ArrayList<>();
			String[] lines = code(source).split("\n", -1);
			for (int i = 0; i < lines.length; i++) {
				Matcher qualified = QUALIFIED_TYPE.matcher(lines[i]);
				while (!PACKAGE_OR_IMPORT.matcher(lines[i]).find() && qualified.find()) {
					found.add((i + 1) + " " + qualified.group());
				}
			}
			return found;
		}

		static String code(String source) {
			StringBuilder code = new StringBuilder(source.length());
			int i = 0;
			int n = source.length();
			while (i < n) {
				char c = source.charAt(i);
				if (source.startsWith("//", i)) {
					i = skip(source, i, source.indexOf('\n', i) < 0 ? n : source.indexOf('\n', i), code);
				}
				else if (source.startsWith("/*", i)) {
					int end = source.indexOf("*/", i + 2);
					i = skip(source, i, end < 0 ? n : end + 2, code);
				}
				else if (source.startsWith("\"\"\"", i)) {
					int end = source.indexOf("\"\"\"", i + 3);
					while (end > 0 && source.charAt(end - 1) == '\\') {
						end = source.indexOf("\"\"\"", end + 1);
					}
					i = skip(source, i, end < 0 ? n : end + 3, code);
				}
				else if (c == '"' || c == '\'') {
					int end = i + 1;
					while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') {
						end += (source.charAt(end) == '\\') ? 2 : 1;
					}
					i = skip(source, i, Math.min(n, end + 1), code);
				}
				else {
					code.append(c);
					i++;
				}
			}
			return code.toString();
		}

		/** Blanks {@code source[from, to)}, keeping its line breaks. */
		private static int skip(String source, int from, int to, StringBuilder code) {
			for (int j = from; j < to; j++) {
				code.append(source.charAt(j) == '\n' ? '\n' : ' ');
			}
			return to;
		}

	}

	/**
	 * Several instances run on one database (issue 22): every scheduled job is done by
	 * one instance, under ShedLock's lock ({@code @SchedulerLock}), unless it works on
	 * its own instance's memory and says so ({@link EveryInstance}). A job added without
	 * either would run on every instance at once.
	 */
	@Test
	void everyScheduledJobRunsOnOneInstanceOrSaysWhyNot() {
		methods().that()
			.areAnnotatedWith(Scheduled.class)
			.should()
			.beAnnotatedWith(SchedulerLock.class)
			.orShould()
			.beAnnotatedWith(EveryInstance.class)
			.because("every @Scheduled job needs @SchedulerLock (docs/development.md), "
					+ "or @EveryInstance when it works on that instance's own memory")
			.check(CLASSES);
	}

}
