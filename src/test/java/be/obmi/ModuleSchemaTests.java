package be.obmi;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.StringEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module owns its database schema: no module's SQL reads or writes another module's
 * tables. The SQL in string literals of every production class (read from the class
 * file's constant pool) and in the SQL scripts of a module may name another module's
 * schema only for the views that module publishes for the warehouse
 * ({@code <schema>.warehouse_*}, {@code finance.current_line}); foreign keys to
 * {@code tenancy.tenant} are not queries and are allowed.
 */
class ModuleSchemaTests {

	static final Set<String> SCHEMAS = Set.of("audit", "identity", "tenancy", "plan", "stats", "finance", "warehouse",
			"warehouse_meta", "warehouse_staging", "notification", "population");

	static final Pattern SQL = Pattern.compile(
			"(?i)\\b(?:from|join|into|update|table|analyze|truncate)\\s+(" + String.join("|", SCHEMAS) + ")\\.(\\w+)");

	/** The schema a name belongs to (the warehouse owns its meta and staging schemas). */
	static String owner(String schema) {
		return schema.startsWith("warehouse") ? "warehouse" : schema;
	}

	static boolean published(String schema, String table) {
		return table.startsWith("warehouse_") || (schema.equals("finance") && table.equals("current_line"));
	}

	/** The other modules' tables an SQL text of a module touches. */
	static List<String> foreignTables(String module, String sql) {
		List<String> foreign = new ArrayList<>();
		Matcher matcher = SQL.matcher(sql);
		while (matcher.find()) {
			String schema = matcher.group(1).toLowerCase();
			String table = matcher.group(2).toLowerCase();
			if (!owner(schema).equals(module) && !published(schema, table)) {
				foreign.add(schema + "." + table);
			}
		}
		return foreign;
	}

	static String moduleOf(JavaClass javaClass) {
		String name = javaClass.getPackageName();
		String rest = name.startsWith("be.obmi.") ? name.substring("be.obmi.".length()) : "";
		int dot = rest.indexOf('.');
		return dot < 0 ? rest : rest.substring(0, dot);
	}

	static List<String> strings(JavaClass javaClass) {
		List<String> strings = new ArrayList<>();
		try (InputStream in = javaClass.getSource().orElseThrow().getUri().toURL().openStream()) {
			for (PoolEntry entry : ClassFile.of().parse(in.readAllBytes()).constantPool()) {
				if (entry instanceof StringEntry string) {
					strings.add(string.stringValue());
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return strings;
	}

	static final ArchCondition<JavaClass> TOUCH_ONLY_THEIR_OWN_SCHEMA = new ArchCondition<>(
			"touch only their own module's schema in SQL") {
		@Override
		public void check(JavaClass javaClass, ConditionEvents events) {
			String module = moduleOf(javaClass);
			for (String string : strings(javaClass)) {
				for (String table : foreignTables(module, string)) {
					events.add(SimpleConditionEvent.violated(javaClass,
							javaClass.getName() + " (module " + module + ") touches " + table));
				}
			}
		}
	};

	@Test
	void noModuleTouchesAnotherModulesTablesInItsCode() {
		classes().that()
			.resideInAPackage("be.obmi..")
			.should(TOUCH_ONLY_THEIR_OWN_SCHEMA)
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("be.obmi"));
	}

	/**
	 * The population register's microdata (issue 21): the person rows and the
	 * pseudonymisation secret are read and written only by the population module's import
	 * and derivations (the secret only by {@code Pseudonyms}); no class of a {@code web}
	 * package (of any module) names any table of the population schema, so no route can
	 * read a microdata row.
	 */
	@Test
	void onlyThePopulationImportAndDerivationsTouchTheMicrodata() {
		List<String> problems = new ArrayList<>();
		Pattern microdata = Pattern.compile("(?i)\\bpopulation\\.(person\\w*|pseudonym_key)\\b");
		Pattern anyPopulation = Pattern.compile("(?i)\\bpopulation\\.\\w+");
		for (JavaClass javaClass : new ClassFileImporter()
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("be.obmi")) {
			String pkg = javaClass.getPackageName();
			for (String string : strings(javaClass)) {
				Matcher m = microdata.matcher(string);
				while (m.find()) {
					boolean secret = m.group(1).equalsIgnoreCase("pseudonym_key");
					boolean allowed = secret ? javaClass.getName().equals("be.obmi.population.importing.Pseudonyms")
							: pkg.equals("be.obmi.population.importing") || pkg.equals("be.obmi.population.domain");
					if (!allowed) {
						problems.add(javaClass.getName() + " touches " + m.group());
					}
				}
				if ((pkg.endsWith(".web") || pkg.contains(".web.")) && anyPopulation.matcher(string).find()) {
					problems.add(javaClass.getName() + " (web) names a table of the population schema");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void noModuleTouchesAnotherModulesTablesInItsScripts() throws IOException {
		List<String> problems = new ArrayList<>();
		Path resources = Path.of("src/main/resources");
		try (Stream<Path> files = Files.walk(resources)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
				Path relative = resources.relativize(file);
				String module = relative.startsWith("db/migration") ? relative.getName(2).toString()
						: relative.getName(0).toString();
				String sql = Files.readString(file, StandardCharsets.UTF_8);
				foreignTables(module, sql)
					.forEach(table -> problems.add(relative + " (module " + module + ") touches " + table));
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theRuleSeesAForeignJoinAndAllowsPublishedViews() {
		assertThat(
				foreignTables("identity", "select t.slug from identity.membership m join tenancy.tenant t on t.id = 1"))
			.containsExactly("tenancy.tenant");
		assertThat(
				foreignTables("warehouse", "select * from plan.warehouse_item i join finance.current_line l on true"))
			.isEmpty();
		assertThat(foreignTables("warehouse", "insert into warehouse_staging.dim_area select * from stats.area"))
			.containsExactly("stats.area");
		assertThat(foreignTables("plan", "audit.created")).isEmpty();
	}

}
