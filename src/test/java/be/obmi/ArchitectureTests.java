package be.obmi;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Layering rules that Spring Modulith's module check does not cover. */
class ArchitectureTests {

	static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("be.obmi");

	@Test
	void domainCodeDoesNotDependOnWebCode() {
		noClasses().that().resideInAPackage("..domain..")
			.should().dependOnClassesThat().resideInAnyPackage("..web..", "org.springframework.web..", "jakarta.servlet..")
			.allowEmptyShould(true)
			.check(CLASSES);
	}

	@Test
	void nothingDependsOnControllers() {
		noClasses().that().areNotAnnotatedWith(Controller.class).and().areNotAnnotatedWith(RestController.class)
			.and().haveSimpleNameNotContaining("Controller")
			.should().dependOnClassesThat().areAnnotatedWith(Controller.class)
			.orShould().dependOnClassesThat().areAnnotatedWith(RestController.class)
			.check(CLASSES);
	}

	@Test
	void controllersAreNotPublic() {
		classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
			.should().notBePublic()
			.check(CLASSES);
	}

	@Test
	void noClassIsNamedLikeAJunkDrawer() {
		noClasses().should().haveSimpleNameEndingWith("Manager").orShould().haveSimpleNameEndingWith("Helper")
			.orShould().haveSimpleNameEndingWith("Util").orShould().haveSimpleNameEndingWith("Utils")
			.orShould().haveSimpleNameEndingWith("Impl")
			.check(CLASSES);
	}

}
