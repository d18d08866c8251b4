package be.obmi.population;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import be.obmi.population.domain.Derivations;
import be.obmi.population.domain.PopulationIndicators;
import be.obmi.population.domain.Snapshots;
import be.obmi.population.importing.RegisterImports;
import be.obmi.stats.TenantFigures;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not part of {@code ./mvnw verify} (the name does not end in Tests). See
 * bench/population/README.md: generates two yearly extracts of {@code bench.persons}
 * (2,200,000) fictitious residents over the sectors of Antwerp (11002), imports both
 * through the ordinary import, then in the same run times (a) one {@code GROUP BY
 * sector_code} count over the snapshot's rows in PostgreSQL — the baseline — against (b)
 * the derivation's SQL of every count indicator (24 stocks over the snapshot, 5 flows
 * over both), (c) the whole derivation (SQL, declaration, publication of every sector
 * value through the statistics' import) and (d) reading every indicator (34, ratios
 * included) at every level (sector, deelgemeente, wijk, city) as the public sees it, with
 * the peak heap of (b)–(d). Prints a table for bench/RESULTS.md.
 */
@ObmiIntegrationTest
class PopulationBenchmark {

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegisterImports imports;

	@Autowired
	Snapshots snapshots;

	@Autowired
	Derivations derivations;

	@Autowired
	TenantFigures figures;

	@Test
	void derivationOfAllIndicatorsForASnapshotOfTwoMillionResidents() throws IOException {
		int persons = Integer.getInteger("bench.persons", 2_200_000);
		Tenant city = tenants.require("antwerpen");
		LocalDate first = LocalDate.of(2024, 1, 1);
		LocalDate second = LocalDate.of(2025, 1, 1);
		Path one = Files.createTempFile("population-2024", ".csv");
		Path two = Files.createTempFile("population-2025", ".csv");
		long start = System.nanoTime();
		{
			ResidentGenerator generator = new ResidentGenerator(2_200, PopulationTestTenants.sectors(jdbc, "11002"),
					"2000");
			try (BufferedWriter out = Files.newBufferedWriter(one, StandardCharsets.UTF_8)) {
				generator.first(persons, first, out);
			}
			try (BufferedWriter out = Files.newBufferedWriter(two, StandardCharsets.UTF_8)) {
				generator.second(first, second, out);
			}
		}
		System.out.printf("generated 2 × %,d residents (%,d + %,d bytes) in %d ms%n", persons, Files.size(one),
				Files.size(two), ms(start));
		start = System.nanoTime();
		RegisterImports.Summary a = imports.importExtract(city, first, "bench-2024.csv", new FileSystemResource(one),
				"bench");
		System.out.printf("imported %,d rows in %d ms%n", a.rows(), ms(start));
		start = System.nanoTime();
		RegisterImports.Summary b = imports.importExtract(city, second, "bench-2025.csv", new FileSystemResource(two),
				"bench");
		System.out.printf("imported %,d rows in %d ms%n", b.rows(), ms(start));
		Files.delete(one);
		Files.delete(two);
		Snapshots.Snapshot snapshot = snapshots.find(city, second).orElseThrow();
		Optional<Snapshots.Snapshot> previous = snapshots.previous(city, second);
		System.gc();
		long baseHeap = heapUsed();

		for (int round = 0; round < 2; round++) {
			start = System.nanoTime();
			int sectors = jdbc.sql("""
					select count(*) from (select sector_code, count(*) from population.person
					  where tenant_id = ? and snapshot_id = ? and resident group by sector_code) g""")
				.params(city.id(), snapshot.id())
				.query(Integer.class)
				.single();
			long baseline = ms(start);

			resetPeaks();
			start = System.nanoTime();
			Derivations.Values values = derivations.values(city, snapshot, previous);
			long sql = ms(start);
			long sqlHeap = peakHeap();

			resetPeaks();
			start = System.nanoTime();
			Derivations.Run run = derivations.derive(city, second, "bench");
			long derive = ms(start);
			long deriveHeap = peakHeap();

			resetPeaks();
			start = System.nanoTime();
			int cells = 0;
			for (PopulationIndicators.Indicator indicator : PopulationIndicators.ALL) {
				String period = indicator.kind() == PopulationIndicators.Kind.FLOW ? run.flowPeriod()
						: run.stockPeriod();
				for (String level : List.of("statsec", "deelgemeente", "wijk", "gemeente")) {
					cells += figures.publicCells(city, indicator.code(), level, period).size();
				}
			}
			long read = ms(start);
			long readHeap = peakHeap();
			System.out.printf("%nround %d (load %s)%n", round + 1, Files.readString(Path.of("/proc/loadavg")).strip());
			System.out.println("| step | ms | peak heap above the start (MB) | what |");
			System.out.println("|---|---|---|---|");
			System.out.printf("| baseline: one GROUP BY sector_code count | %,d | – | %d sectors |%n", baseline,
					sectors);
			System.out.printf("| derivation SQL, 29 counts (24 stocks + 5 flows) | %,d | %d | %d indicators |%n", sql,
					mb(sqlHeap - baseHeap), values.bySector().size());
			System.out.printf("| whole derivation: SQL + publication through the statistics import | %,d | %d | "
					+ "%,d values |%n", derive, mb(deriveHeap - baseHeap), run.values());
			System.out.printf("| every indicator (34) at every level as the public sees it | %,d | %d | %,d cells |%n",
					read, mb(readHeap - baseHeap), cells);
			System.out.printf("ratio derivation SQL / baseline: %.1f; whole derivation / baseline: %.1f%n",
					sql / (double) Math.max(1, baseline), derive / (double) Math.max(1, baseline));
		}
	}

	private static long ms(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static long mb(long bytes) {
		return Math.max(0, bytes) / (1024 * 1024);
	}

	private static void resetPeaks() {
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.mapToLong(p -> p.getPeakUsage().getUsed())
			.sum();
	}

	private static long heapUsed() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
