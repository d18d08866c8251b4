package be.obmi;

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
