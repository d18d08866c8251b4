package be.obmi.buildings.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import be.obmi.buildings.domain.Fiche;
import be.obmi.buildings.domain.FicheStatus;
import be.obmi.buildings.domain.Fiches;
import be.obmi.buildings.importing.FicheImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Schillenboek's seed library: the six fiches of the Kenniscentrum's method (the
 * model process of resident registration first), loaded at the first start through the
 * module's own JSON-LD import ({@code buildings/fiches/<code>.jsonld}) and published. A
 * fiche that exists already is left as it is. Their texts are marked as demo content
 * ("voorbeeldgegevens"): the real fiche texts are not available.
 */
@Component
class FicheLibrary implements ApplicationModuleInitializer {

	static final List<String> SEEDS = List.of("inschrijving", "ambtshalve-inschrijving", "leegstaande-woningen",
			"omgevingsvergunning-bouwen", "leegstaande-bedrijfsruimten", "ongeschikt-onbewoonbaar");

	static final String AUTHOR = "kenniscentrum";

	private static final Logger log = LoggerFactory.getLogger(FicheLibrary.class);

	private final Fiches fiches;

	private final FicheImport importer;

	private final TransactionTemplate transaction;

	FicheLibrary(Fiches fiches, FicheImport importer, TransactionTemplate transaction) {
		this.fiches = fiches;
		this.importer = importer;
		this.transaction = transaction;
	}

	@Override
	public void initialize() {
		for (String code : SEEDS) {
			if (fiches.find(code).isPresent()) {
				continue;
			}
			transaction.executeWithoutResult(status -> {
				Fiche fiche = importer.importFile(seed(code), AUTHOR).fiche();
				fiche = fiches.step(code, FicheStatus.REVIEW, fiche.version(), AUTHOR);
				fiches.step(code, FicheStatus.PUBLISHED, fiche.version(), AUTHOR);
			});
			log.info("Schillenboek: fiche {} geladen en gepubliceerd", code);
		}
	}

	static byte[] seed(String code) {
		try (InputStream in = new ClassPathResource("buildings/fiches/" + code + ".jsonld").getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
