package be.obmi.stats;

import java.nio.charset.StandardCharsets;
import java.util.List;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.DataChanged;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.stats.domain.ImportHistory;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.StatsAccess;
import be.obmi.stats.importing.ObservationImporter;
import be.obmi.stats.query.StatsQueries;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stats module with its neighbours ({@code DIRECT_DEPENDENCIES}: tenancy for the
 * scope, identity for who may write, audit for the import history lines, opendata for the
 * table formats) against the real embedded PostgreSQL of the test profile with the
 * reference areas its initializer loads: an observation import through
 * {@link ObservationImporter}, read back through {@link StatsQueries}, and undone.
 * <p>
 * The embedded database is configured in platform
 * ({@code EmbeddedPostgresConfiguration}), and Spring Modulith drops the bean definitions
 * of modules that are not bootstrapped, so platform is an extra include (its beans need
 * only tenancy and audit, both here). Without demo data ({@code obmi.demo.enabled}) the
 * start is seconds shorter; the reference data is loaded all the same.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
@TestPropertySource(properties = "obmi.demo.enabled=false")
class StatsModuleTests {

	static final String CSV = """
			indicator;gebied;niveau;periode;waarde
			mechelen_fietstellingen;12025;gemeente;2023;1650
			mechelen_fietstellingen;12025;gemeente;2024;1830,5
			""";

	@Autowired
	ObservationImporter importer;

	@Autowired
	Indicators indicators;

	@Autowired
	StatsQueries queries;

	@Autowired
	ImportHistory history;

	@Autowired
	Tenants tenants;

	@Autowired
	AuditTrail audit;

	@Test
	void anImportedFileIsReadBackPerAreaAndPeriodAndCanBeUndone(AssertablePublishedEvents events) {
		Scope mechelen = StatsAccess.of(tenants.require("mechelen"));
		ObservationImporter.Summary summary = importer.importFile(mechelen, "fietstellingen.csv",
				CSV.getBytes(StandardCharsets.UTF_8), true, "redacteur.mechelen");
		assertThat(summary.rows()).isEqualTo(2);
		assertThat(summary.inserted()).isEqualTo(2);
		assertThat(summary.createdIndicators()).containsExactly("mechelen_fietstellingen");

		Indicator indicator = indicators.find(mechelen, "mechelen_fietstellingen").orElseThrow();
		assertThat(indicator.published()).as("created as draft").isFalse();
		assertThat(indicator.tenantId()).isEqualTo(mechelen.tenantId());
		assertThat(queries.periods(mechelen, indicator)).containsExactly("2023", "2024");
		assertThat(queries.cells(mechelen, indicator, "gemeente", "2024", null, true))
			.filteredOn(cell -> cell.area().code().equals("12025"))
			.singleElement()
			.satisfies(cell -> assertThat(cell.value()).isEqualTo(1830.5));

		assertThat(history.list(mechelen, 5)).first().satisfies(batch -> {
			assertThat(batch.id()).isEqualTo(summary.importId());
			assertThat(batch.filename()).isEqualTo("fietstellingen.csv");
			assertThat(batch.actor()).isEqualTo("redacteur.mechelen");
		});
		assertThat(audit.history(mechelen.tenantId(), "cijferimport", String.valueOf(summary.importId()), 5))
			.hasSize(1);
		assertThat(events.ofType(DataChanged.class)).contains(new DataChanged(mechelen.tenantId(), "cijferimport"));

		history.undo(mechelen, summary.importId(), "redacteur.mechelen");
		assertThat(queries.periods(mechelen, indicator)).isEmpty();
		assertThat(queries.cells(mechelen, indicator, "gemeente", "2024", null, true))
			.filteredOn(cell -> cell.area().code().equals("12025") && cell.value() != null)
			.isEmpty();
		assertThat(history.require(mechelen, summary.importId()).undoneAt()).isNotNull();
	}

	@Test
	void aFileWithAnErrorIsRefusedWholeWithRowAndColumn() {
		Scope gent = StatsAccess.of(tenants.require("gent"));
		String csv = """
				indicator;gebied;niveau;periode;waarde
				gent_fietstellingen;44021;gemeente;2024;2100
				gent_fietstellingen;44021;gemeente;2024X;2200
				""";
		assertThatThrownBy(() -> importer.importFile(gent, "fietstellingen.csv", csv.getBytes(StandardCharsets.UTF_8),
				true, "redacteur.gent"))
			.isInstanceOfSatisfying(ImportRejectedException.class,
					rejected -> assertThat(rejected.errors()).anySatisfy(error -> {
						assertThat(error.row()).isEqualTo(3);
						assertThat(error.column()).isEqualTo("periode");
					}));
		assertThat(indicators.find(gent, "gent_fietstellingen")).as("nothing stored, not even the indicator").isEmpty();
		assertThat(history.list(gent, 5)).extracting(ImportHistory.Batch::filename)
			.doesNotContain("fietstellingen.csv");
	}

	@Test
	void theReferenceAreasAreLoadedAtStart() {
		assertThat(queries.areaMap("gemeente", null)).containsKeys("12025", "44021", "11002");
		assertThat(queries.areaMap("gemeente", null).get("12025").name()).isEqualTo("Mechelen");
		assertThat(List.of("wijk", "statsec"))
			.allSatisfy(level -> assertThat(queries.areaMap(level, queries.areaMap("gemeente", null).get("12025")))
				.isNotEmpty());
	}

}
