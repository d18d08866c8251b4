package be.obmi.stats;

import be.obmi.stats.domain.Scope;
import be.obmi.stats.importing.ObservationImporter;

import be.obmi.shared.PostgresCopy;
import org.postgresql.PGConnection;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Benchmark, not part of {@code ./mvnw verify} (the name does not end in Tests). See
 * bench/stats/README.md: imports the generated file through the real importer and, in the
 * same run, COPYs the same rows into a plain table; then times an area profile and a map
 * response for all sectors of Flanders.
 */
@ObmiIntegrationTest
class StatsImportBenchmark {

	@LocalServerPort
	int port;

	@Autowired
	ObservationImporter importer;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void importThroughputAgainstCopy() throws Exception {
		Path file = Path.of(System.getProperty("bench.file", "target/bench/stats-10m.csv"));
		long lines;
		try (var stream = Files.lines(file)) {
			lines = stream.count() - 1;
		}
		StringBuilder report = new StringBuilder();
		report.append("load average at the start: " + loadAverage() + "\n");
		report.append(String.format(Locale.ROOT, "file: %s, %,d rows, %,d MB%n", file, lines, Files.size(file) >> 20));

		// baseline: COPY of the same rows into a plain table (no validation, no indexes)
		jdbc.sql(
				"create table public.bench_plain (indicator text, gebied text, niveau text, periode text, waarde double precision)")
			.update();
		long t0 = System.nanoTime();
		transaction.executeWithoutResult(status -> {
			try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				reader.readLine();
				PostgresCopy.in(dataSource, "public.bench_plain (indicator, gebied, niveau, periode, waarde) ",
						new Reader() {
							@Override
							public int read(char[] buf, int off, int len) throws IOException {
								int n = reader.read(buf, off, len);
								for (int i = off; n > 0 && i < off + n; i++) {
									if (buf[i] == ';') {
										buf[i] = ',';
									}
								}
								return n;
							}

							@Override
							public void close() {
							}
						});
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		double copySeconds = (System.nanoTime() - t0) / 1e9;
		report.append(String.format(Locale.ROOT, "plain COPY:        %8.1f s  %,10.0f rows/s%n", copySeconds,
				lines / copySeconds));

		report.append("load average after plain COPY: " + loadAverage() + "\n");

		// second baseline: COPY of the same rows, resolved to ids, into a copy of
		// stats.observation with its indexes and checks that already holds the table's
		// rows (the table's own cost)
		jdbc.sql("create table public.bench_observation (like stats.observation including all)").update();
		jdbc.sql("insert into public.bench_observation select * from stats.observation").update();
		Path resolved = Path.of("target", "bench", "stats-resolved.csv");
		Files.createDirectories(resolved.getParent());
		try (var connection = dataSource.getConnection(); var out = Files.newOutputStream(resolved)) {
			connection.unwrap(PGConnection.class).getCopyAPI().copyOut("""
					copy (select null, 1000000 + dense_rank() over (order by p.indicator), a.id, p.periode, '',
					        p.waarde, case when p.waarde is null then 'onbekend' end, false, false, null, null, null, 1
					      from public.bench_plain p join stats.area a on a.code = p.gebied and a.level = 'statsec')
					to stdout (format csv)""", out);
		}
		jdbc.sql("checkpoint").update();
		long tc = System.nanoTime();
		transaction.executeWithoutResult(status -> {
			try (Reader reader = Files.newBufferedReader(resolved, StandardCharsets.UTF_8)) {
				PostgresCopy.in(dataSource, "public.bench_observation", reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		double tableSeconds = (System.nanoTime() - tc) / 1e9;
		report.append(String.format(Locale.ROOT,
				"COPY into a copy of stats.observation (its indexes, holding its rows): %8.1f s  %,10.0f rows/s (%.0f%% of plain COPY's rate)%n",
				tableSeconds, lines / tableSeconds, 100 * copySeconds / tableSeconds));
		report.append("load average after that COPY: " + loadAverage() + "\n");
		jdbc.sql("drop table public.bench_observation").update();
		Files.delete(resolved);
		jdbc.sql("checkpoint").update();

		resetPeaks();
		long t1 = System.nanoTime();
		ObservationImporter.Summary summary = importer.importFile(Scope.platform(), file.getFileName().toString(),
				new FileSystemResource(file), true, "bench");
		double importSeconds = (System.nanoTime() - t1) / 1e9;
		report.append(String.format(Locale.ROOT,
				"OBMi import:       %8.1f s  %,10.0f rows/s  (%.0f%% of COPY's rate), %,d inserted%n", importSeconds,
				summary.rows() / importSeconds, 100 * copySeconds / importSeconds, summary.inserted()));
		report.append(String.format(Locale.ROOT, "peak heap during import: %,d MB (max heap %,d MB)%n",
				peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20));
		report.append("load average after the import: " + loadAverage() + "\n");
		System.out.println("\n=== stats import benchmark ===\n" + report);

		jdbc.sql("update stats.indicator set published = true, threshold = 5 where code like 'bench_%'").update();
		jdbc.sql("analyze stats.observation").update();
		String sector = jdbc
			.sql("select code from stats.area where level = 'statsec' and code like '11002%' order by code limit 1")
			.query(String.class)
			.single();
		String period = jdbc.sql("""
				select max(period) from stats.observation o join stats.indicator i on i.id = o.indicator_id
				where i.code = 'bench_00'""").query(String.class).single();
		report.append(time("map, all sectors of Flanders (API, anonymous)",
				"/api/v1/platform/stats/observations?indicator=bench_00&level=statsec&period=" + period));
		report.append(
				time("area profile (page, every published indicator)", "/antwerpen/cijfers/gebied/statsec/" + sector));
		report.append(time("indicator page Antwerpen (trend, map)", "/antwerpen/cijfers/indicator/bev_totaal"));
		System.out.println("\n=== stats benchmark ===\n" + report);
		Files.createDirectories(Path.of("target", "bench"));
		Files.writeString(Path.of("target", "bench", "stats-results.txt"), report.toString());
	}

	private String time(String label, String path) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
		List<Double> times = new ArrayList<>();
		int size = 0;
		for (int i = 0; i < 6; i++) {
			long t = System.nanoTime();
			HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " -> " + response.statusCode());
			}
			size = response.body().length;
			if (i > 0) {
				times.add((System.nanoTime() - t) / 1e6);
			}
		}
		Collections.sort(times);
		return String.format(Locale.ROOT, "%-45s median %7.0f ms (min %5.0f, max %5.0f), %,d KB%n", label,
				times.get(times.size() / 2), times.get(0), times.get(times.size() - 1), size >> 10);
	}

	private static String loadAverage() throws IOException {
		return Files.readString(Path.of("/proc/loadavg")).strip();
	}

	private static void resetPeaks() {
		System.gc();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
	}

	private static long peakHeap() {
		long sum = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				sum += pool.getPeakUsage().getUsed();
			}
		}
		return sum;
	}

}
