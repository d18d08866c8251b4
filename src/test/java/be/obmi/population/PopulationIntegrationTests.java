package be.obmi.population;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.obmi.identity.TenantMembers;
import be.obmi.population.domain.Derivations;
import be.obmi.population.domain.Snapshots;
import be.obmi.population.importing.RegisterImports;
import be.obmi.stats.TenantFigures;
import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21, acceptance 1 and 2: a generated extract of 50,000 fictitious residents
 * imports through the API (as the tenant's analyst) and is derived at once; the derived
 * sector counts equal the generator's truth and an independent SQL count over the rows;
 * the public sees small cells suppressed; a second snapshot a year later gives moves in,
 * out and within the city, births and deaths that equal the generator's truth per sector.
 * The tenant is Heist-op-den-Berg (12014), used by no other test.
 */
@ObmiIntegrationTest
class PopulationIntegrationTests {

	static final String NIS = "12014";

	static final LocalDate FIRST = LocalDate.of(2024, 1, 1);

	static final LocalDate SECOND = LocalDate.of(2025, 1, 1);

	/** Made once for the class: the imports take a few seconds each. */
	static Imported imported;

	record Imported(Tenant tenant, Map<String, Long> firstResidents, ResidentGenerator.Truth truth,
			RegisterImports.Summary firstImport, Derivations.Run firstRun, Derivations.Run secondRun) {
	}

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	TenantMembers members;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Snapshots snapshots;

	@Autowired
	RegisterImports imports;

	@Autowired
	Derivations derivations;

	@Autowired
	TenantFigures figures;

	@BeforeEach
	void importTwoSnapshots() throws IOException {
		if (imported != null) {
			return;
		}
		Tenant tenant = PopulationTestTenants.tenant(tenants, members, jdbc, NIS);
		ResidentGenerator generator = new ResidentGenerator(21, PopulationTestTenants.sectors(jdbc, NIS), "2220");
		StringWriter first = new StringWriter();
		generator.first(50_000, FIRST, first);
		Map<String, Long> firstResidents = generator.residentsBySector();
		// through the services: the API's multipart limit (5 MB) is below a 50,000-row
		// file
		RegisterImports.Summary one = imports.importExtract(tenant, FIRST, "extract-2024.csv",
				new ByteArrayResource(first.toString().getBytes(StandardCharsets.UTF_8)), "test");
		Derivations.Run oneRun = derivations.derive(tenant, FIRST, "test");
		StringWriter second = new StringWriter();
		ResidentGenerator.Truth truth = generator.second(FIRST, SECOND, second);
		imports.importExtract(tenant, SECOND, "extract-2025.csv",
				new ByteArrayResource(second.toString().getBytes(StandardCharsets.UTF_8)), "test");
		Derivations.Run twoRun = derivations.derive(tenant, SECOND, "test");
		imported = new Imported(tenant, firstResidents, truth, one, oneRun, twoRun);
	}

	@Test
	void fiftyThousandResidentsImportAndTheDerivedSectorCountsEqualTheTruthAndAnIndependentCount() {
		RegisterImports.Summary summary = imported.firstImport();
		long total = imported.firstResidents().values().stream().mapToLong(Long::longValue).sum();
		assertThat(total).isGreaterThanOrEqualTo(50_000);
		assertThat((long) summary.residents()).isEqualTo(total);
		assertThat((long) summary.placedByCode()).isEqualTo(total);
		assertThat(summary.unplaced()).isZero();
		assertThat(imported.firstRun().values()).isPositive();

		Snapshots.Snapshot snapshot = snapshots.find(imported.tenant(), FIRST).orElseThrow();
		Derivations.Values values = derivations.values(imported.tenant(), snapshot, Optional.empty());
		assertThat(values.stockPeriod()).isEqualTo("2024");
		assertThat(values.bySector().get("bev-inwoners")).isEqualTo(imported.firstResidents());
		// an independent count over the rows, for a few definitions
		assertThat(values.bySector().get("bev-80plus")).isEqualTo(count(snapshot, "age >= 80"));
		assertThat(values.bySector().get("bev-niet-eu")).isEqualTo(count(snapshot, "nationality_group = 'NEU'"));
		Map<String, Long> households = new HashMap<>();
		jdbc.sql("""
				select sector_code, count(*) from (select distinct sector_code, household_key from population.person
				  where snapshot_id = ? and resident and household_type <> 'collectief') h group by sector_code""")
			.param(snapshot.id())
			.query(rs -> {
				households.put(rs.getString(1), rs.getLong(2));
			});
		assertThat(values.bySector().get("bev-huishoudens")).isEqualTo(households);
	}

	@Test
	void thePublicSeesTheSectorCountsWithSmallCellsSuppressed() {
		List<TenantFigures.PublicCell> cells = figures.publicCells(imported.tenant(), "bev-inwoners", "statsec",
				"2024");
		assertThat(cells).isNotEmpty();
		int suppressed = 0;
		for (TenantFigures.PublicCell cell : cells) {
			long truth = imported.firstResidents().getOrDefault(cell.areaCode(), 0L);
			if (truth > 0 && truth < 5) {
				assertThat(cell.suppressed()).as(cell.areaCode() + " holds " + truth).isTrue();
				assertThat(cell.value()).isNull();
			}
			if (cell.suppressed()) {
				suppressed++;
			}
			else if (cell.value() != null) {
				assertThat(cell.value().longValue()).as(cell.areaCode()).isEqualTo(truth);
			}
		}
		// among 90-plussers (bev-80plus per sector) there are certainly small cells
		List<TenantFigures.PublicCell> old = figures.publicCells(imported.tenant(), "bev-80plus", "statsec", "2024");
		assertThat(old.stream().filter(TenantFigures.PublicCell::suppressed)).isNotEmpty();
		assertThat(suppressed + old.stream().filter(TenantFigures.PublicCell::suppressed).count()).isPositive();
		// the city: the sum of its sectors, aggregated by the statistics
		List<TenantFigures.PublicCell> city = figures.publicCells(imported.tenant(), "bev-inwoners", "gemeente",
				"2024");
		assertThat(city).singleElement()
			.satisfies(c -> assertThat(c.value().longValue())
				.isEqualTo(imported.firstResidents().values().stream().mapToLong(Long::longValue).sum()));
	}

	@Test
	void aSecondSnapshotWithMovesGivesInOutWithinBirthsAndDeathsAsTheGeneratorsTruth() {
		Derivations.Run derivation = imported.secondRun();
		assertThat(derivation.flowPeriod()).isEqualTo("2024");
		assertThat(derivation.stockPeriod()).isEqualTo("2025");
		Snapshots.Snapshot second = snapshots.find(imported.tenant(), SECOND).orElseThrow();
		Derivations.Values values = derivations.values(imported.tenant(), second,
				snapshots.previous(imported.tenant(), SECOND));
		ResidentGenerator.Truth truth = imported.truth();
		assertThat(truth.total(truth.in())).isPositive();
		assertThat(truth.total(truth.out())).isPositive();
		assertThat(truth.total(truth.within())).isPositive();
		assertThat(truth.total(truth.births())).isPositive();
		assertThat(truth.total(truth.deaths())).isPositive();
		assertThat(nonZero(values, "bev-inwijking")).isEqualTo(truth.in());
		assertThat(nonZero(values, "bev-uitwijking")).isEqualTo(truth.out());
		assertThat(nonZero(values, "bev-binnenverhuis")).isEqualTo(truth.within());
		assertThat(nonZero(values, "bev-geboorten")).isEqualTo(truth.births());
		assertThat(nonZero(values, "bev-overlijdens")).isEqualTo(truth.deaths());
		// published: the city's total through the statistics
		List<TenantFigures.PublicCell> city = figures.publicCells(imported.tenant(), "bev-inwijking", "gemeente",
				"2024");
		assertThat(city).singleElement()
			.satisfies(c -> assertThat(c.value().longValue()).isEqualTo(truth.total(truth.in())));
		// every published indicator is traceable to its run, snapshot and definition
		long traced = jdbc.sql("""
				select count(*) from population.derivation_output o join population.derivation_run r on r.id = o.run_id
				where o.tenant_id = ? and o.indicator_code = 'bev-inwijking' and o.period = '2024'
				  and r.snapshot_id = ? and o.published and length(o.definition_sha256) = 64""")
			.params(imported.tenant().id(), second.id())
			.query(Long.class)
			.single();
		assertThat(traced).isEqualTo(1);
	}

	@Test
	void onlyTheTenantsAnalystMayImportOrDeriveAndTheAnswersHoldNoRows() {
		String slug = imported.tenant().slug();
		ApiClient analyst = ApiClient.as(port, "analist." + slug);
		ApiClient.Response list = analyst.get("/api/v1/" + slug + "/bevolking/extracten");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json()).hasSize(2);
		ApiClient.Response again = analyst.upload("/api/v1/" + slug + "/bevolking/extracten", "x.csv",
				"persoon\n".getBytes(StandardCharsets.UTF_8), Map.of("peildatum", FIRST.toString()));
		assertThat(again.status()).isEqualTo(422);
		ApiClient.Response beheerder = ApiClient.as(port, "beheerder.mechelen")
			.get("/api/v1/mechelen/bevolking/extracten");
		assertThat(beheerder.status()).isEqualTo(403);
		assertThat(ApiClient.as(port, "analist.mechelen").get("/api/v1/mechelen/bevolking/extracten").status())
			.isEqualTo(200);
		assertThat(ApiClient.as(port, "analist.mechelen").get("/api/v1/" + slug + "/bevolking/extracten").status())
			.isEqualTo(403);
		ApiClient.Response runs = analyst.get("/api/v1/" + slug + "/bevolking/afleidingen");
		assertThat(runs.status()).isEqualTo(200);
		assertThat(runs.body()).doesNotContain("P0000").doesNotContain("H0000").doesNotContain("\\x");
	}

	private Map<String, Long> count(Snapshots.Snapshot snapshot, String condition) {
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("select sector_code, count(*) filter (where " + condition
				+ ") from population.person where snapshot_id = ? and resident group by sector_code")
			.param(snapshot.id())
			.query(rs -> {
				counts.put(rs.getString(1), rs.getLong(2));
			});
		return counts;
	}

	private static Map<String, Long> nonZero(Derivations.Values values, String code) {
		Map<String, Long> map = new HashMap<>();
		values.bySector().get(code).forEach((sector, count) -> {
			if (count > 0) {
				map.put(sector, count);
			}
		});
		return map;
	}

}
