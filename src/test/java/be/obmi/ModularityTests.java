package be.obmi;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Verifies the module structure (no cycles, only allowed and API dependencies) and writes
 * the module docs.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(Application.class);

	@Test
	void verifiesModularStructure() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/spring-modulith-docs"))
			.writeDocumentation()
			.writeIndividualModulesAsPlantUml()
			.writeModulesAsPlantUml();
	}

}
