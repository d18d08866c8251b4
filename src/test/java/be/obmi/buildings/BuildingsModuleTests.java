package be.obmi.buildings;

import java.util.List;

import be.obmi.buildings.domain.Fiche;
import be.obmi.buildings.domain.FicheStatus;
import be.obmi.buildings.domain.FicheSummary;
import be.obmi.buildings.domain.Fiches;
import be.obmi.buildings.domain.PublishedFiches;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The buildings module with what it depends on, against the embedded PostgreSQL of the
 * test profile and without demo data: the seed library of six fiches is still loaded at
 * the start (it is the module's reference content, through its own JSON-LD import) and
 * published, and {@link PublishedFiches} offers them to the module's search. Platform is
 * an extra include for the embedded database (as in {@code FinanceModuleTests}).
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
@TestPropertySource(properties = "obmi.demo.enabled=false")
class BuildingsModuleTests {

	@Autowired
	Fiches fiches;

	@Autowired
	PublishedFiches published;

	@Test
	void theSeedLibraryIsLoadedThroughTheImportAndPublished() {
		assertThat(published.published()).extracting(FicheSummary::processCode)
			.containsAll(List.of("inschrijving", "ambtshalve-inschrijving", "leegstaande-woningen",
					"omgevingsvergunning-bouwen", "leegstaande-bedrijfsruimten", "ongeschikt-onbewoonbaar"));
		Fiche model = fiches.require("inschrijving");
		assertThat(model.status()).isEqualTo(FicheStatus.PUBLISHED);
		assertThat(model.publishedVersion()).isEqualTo(model.latestVersion());
		assertThat(fiches.versions("inschrijving")).isNotEmpty();
	}

}
