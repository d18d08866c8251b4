package be.obmi.buildings.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import be.obmi.buildings.comparison.BuildingProcess;
import be.obmi.buildings.comparison.ComparisonEntries;
import be.obmi.buildings.comparison.ComparisonForm;
import be.obmi.buildings.comparison.LinkedObject;
import be.obmi.buildings.comparison.RegisterLink;
import be.obmi.buildings.gap.ProcessRecordImport;
import be.obmi.buildings.gap.RegisterGap;
import be.obmi.knowledge.KnowledgeRound;
import be.obmi.knowledge.KnowledgeRounds;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data of the Schillenboek comparison and register gap, only with
 * {@code obmi.demo.enabled=true}: a fictitious row per compared city and process in the
 * knowledge bank's demo round (2025 S2), through the comparison's own service, and Gent's
 * process records ({@code buildings/demo/procesrecords-gent.csv}, the documented import
 * format) through the import, published in Gent's Stad in cijfers. Marked as demo
 * everywhere; loaded once.
 */
@Component
class BuildingsComparisonDemo implements ApplicationModuleInitializer {

	private static final Logger log = LoggerFactory.getLogger(BuildingsComparisonDemo.class);

	static final String ROUND = "2025 S2";

	static final String RECORDS = "buildings/demo/procesrecords-gent.csv";

	private static final List<String> SYSTEMS = List.of("Burgerzaken-suite", "Vastgoedregister", "Omgevingsloket",
			"Eigen toepassing", "Woningkwaliteitsdossier");

	private static final List<String> SUPPLIERS = List.of("Leverancier A (fictief)", "Leverancier B (fictief)",
			"Leverancier C (fictief)", "Eigen ontwikkeling");

	private final ComparisonEntries entries;

	private final KnowledgeRounds rounds;

	private final ProcessRecordImport imports;

	private final RegisterGap gap;

	private final Tenants tenants;

	private final TransactionTemplate transaction;

	private final boolean enabled;

	BuildingsComparisonDemo(ComparisonEntries entries, KnowledgeRounds rounds, ProcessRecordImport imports,
			RegisterGap gap, Tenants tenants, TransactionTemplate transaction,
			@Value("${obmi.demo.enabled:true}") boolean enabled) {
		this.entries = entries;
		this.rounds = rounds;
		this.imports = imports;
		this.gap = gap;
		this.tenants = tenants;
		this.transaction = transaction;
		this.enabled = enabled;
	}

	@Override
	public void initialize() {
		if (!enabled) {
			return;
		}
		Optional<KnowledgeRound> round = rounds.all().stream().filter(r -> ROUND.equals(r.name())).findFirst();
		if (round.isPresent() && !entries.anyIn(round.get())) {
			transaction.executeWithoutResult(status -> rows(round.get()));
		}
		tenants.bySlug("gent").ifPresent(this::records);
	}

	private void rows(KnowledgeRound round) {
		List<BuildingProcess> processes = entries.processes();
		List<Tenant> cities = entries.cities();
		for (int c = 0; c < cities.size(); c++) {
			for (int p = 0; p < processes.size(); p++) {
				int seed = c * 7 + p * 3;
				RegisterLink link = RegisterLink.values()[seed % 3];
				LinkedObject object = link == RegisterLink.NONE ? LinkedObject.NONE
						: (seed % 4 == 0 ? LinkedObject.BUILDING_UNIT : LinkedObject.ADDRESS);
				int maturity = link == RegisterLink.API ? 3 + seed % 3 : 1 + seed % 3;
				entries.record(cities.get(c), round,
						new ComparisonForm(processes.get(p).code(), SYSTEMS.get((c + p) % SYSTEMS.size()),
								SUPPLIERS.get(seed % SUPPLIERS.size()), link, object,
								object == LinkedObject.ADDRESS ? "Functie van de gebouweenheid niet ingevuld (demo)."
										: null,
								Math.min(5, maturity), -1),
						"redacteur." + cities.get(c).slug() + " (demo)", true);
			}
		}
		log.info("Demo Schillenboek comparison: {} cities in round {}", cities.size(), round.name());
	}

	private void records(Tenant gent) {
		if (!imports.imports(gent).isEmpty()) {
			return;
		}
		try (InputStream in = new ClassPathResource(RECORDS).getInputStream()) {
			ProcessRecordImport.Result result = imports.importFile(gent, "procesrecords-gent.csv", in.readAllBytes(),
					"redacteur.gent (demo)", true);
			if (result.imported().isPresent()) {
				gap.publish(gent, "redacteur.gent (demo)", true);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
