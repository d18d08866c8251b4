package be.obmi.stats;

import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.query.DisclosureControl;
import be.obmi.stats.query.StatsQueries;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not part of {@code ./mvnw verify} (the name does not end in Tests). See
 * bench/stats/README.md: fills the platform scope with every statistical sector of
 * Flanders and Brussels × N published indicators × M years (the values of
 * {@code generate_observations.py}), then streams the largest export (all those sectors ×
 * indicators × years) through the real HTTP API, anonymous, in each format, measuring
 * time, bytes, peak heap and peak RSS, and in the same run
 * {@code COPY (select … the same rows …) TO STDOUT} through pgjdbc's CopyManager.
 */
@ObmiIntegrationTest
class StatsExportBenchmark {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Indicators indicatorList;

	@Autowired
	StatsQueries queries;

	@Autowired
	DisclosureControl disclosure;

	@Test
	void exportAgainstCopyTo() throws Exception {
		int indicators = Integer.getInteger("bench.indicators", 420);
		int years = Integer.getInteger("bench.years", 10);
		List<String> formats = Arrays
			.asList(System.getProperty("bench.formats", "csv,jsonstat,sdmx-csv,px").split(","));
		List<Integer> scales = Arrays
			.stream(System.getProperty("bench.scales", indicators / 10 + "," + indicators).split(","))
			.map(Integer::valueOf)
			.toList();
		int xlsxIndicators = Integer.getInteger("bench.xlsxIndicators", 10);
		StringBuilder report = new StringBuilder();
		report.append(String.format(Locale.ROOT, "machine: %d cpus, max heap %,d MB, %s%n",
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
				System.getProperty("java.vm.name") + " " + Runtime.version()));
		long t0 = System.nanoTime();
		long rows = generate(indicators, years);
		report.append(String.format(Locale.ROOT,
				"data: %,d observations (%d indicators x %,d sectors x %d years), generated in %.1f s%n", rows,
				indicators, sectors(), years, (System.nanoTime() - t0) / 1e9));
		jdbc.sql("analyze stats.observation").update();
		// what a publication leaves behind: the disclosure decisions of every indicator
		// and period, computed once and stored, so that the exports below read them
		long td = System.nanoTime();
		int decided = 0;
		for (int i = 0; i < indicators; i++) {
			Indicator indicator = indicatorList.find(Scope.platform(), String.format(Locale.ROOT, "bexp_%03d", i))
				.orElseThrow();
			for (String period : queries.periods(Scope.platform(), indicator)) {
				disclosure.decision(Scope.platform(), indicator, period, queries);
				decided++;
			}
		}
		report.append(String.format(Locale.ROOT,
				"disclosure decisions: %,d (indicator, period) computed and stored in %.1f s%n", decided,
				(System.nanoTime() - td) / 1e9));
		report.append("load average before the measurements: " + loadAverage() + "\n");
		report.append(String.format(Locale.ROOT, "%-44s %10s %12s %10s %14s %12s %12s %12s%n", "what", "cells",
				"seconds", "MB", "cells/s", "peak heap MB", "live heap MB", "peak RSS MB"));

		// warm up the server's code paths once on a small export
		stream(path(2, "csv"));
		for (int scale : scales) {
			String where = "i.code <= 'bexp_" + String.format(Locale.ROOT, "%03d", scale - 1)
					+ "' and i.code like 'bexp_%'";
			report.append(copy("COPY of the same rows, indicator/sector/period order", scale, """
					copy (select i.code, a.code, o.period, o.value, o.missing_reason from stats.observation o
					      join stats.indicator i on i.id = o.indicator_id join stats.area a on a.id = o.area_id
					      where %s and o.tenant_id is null and o.breakdown = '' order by i.code, a.code, o.period)
					to stdout (format csv, header)""".formatted(where)));
			report.append(copy("COPY of the same rows, unordered", scale, """
					copy (select i.code, a.code, o.period, o.value, o.missing_reason from stats.observation o
					      join stats.indicator i on i.id = o.indicator_id join stats.area a on a.id = o.area_id
					      where %s and o.tenant_id is null and o.breakdown = '')
					to stdout (format csv, header)""".formatted(where)));
			for (String format : formats) {
				report.append(export(format, scale));
			}
			report.append("load average after this size: " + loadAverage() + "\n");
			System.out.println(report);
		}
		if (xlsxIndicators > 0) {
			report.append(export("xlsx", xlsxIndicators));
		}
		System.out.println("\n=== export benchmark ===\n" + report);
		Files.createDirectories(Path.of("target", "bench"));
		Files.writeString(Path.of("target", "bench", "export-results.txt"), report.toString());
	}

	private static String loadAverage() throws IOException {
		return Files.readString(Path.of("/proc/loadavg")).strip();
	}

	private int sectors() {
		return jdbc.sql("select count(*) from stats.area where level = 'statsec'").query(Integer.class).single();
	}

	/**
	 * Published platform indicators bexp_000… with a value for every sector and year;
	 * kept between runs.
	 */
	private long generate(int indicators, int years) {
		jdbc.sql("""
				insert into stats.indicator (tenant_id, code, name, theme, aggregation, threshold, published)
				select null, 'bexp_' || lpad(i::text, 3, '0'), 'Exportbenchmark ' || i, 'Benchmark', 'sum', 5, true
				from generate_series(0, ? - 1) i
				on conflict do nothing""").param(indicators).update();
		for (int i = 0; i < indicators; i++) {
			String code = String.format(Locale.ROOT, "bexp_%03d", i);
			jdbc.sql(
					"""
							insert into stats.observation (tenant_id, indicator_id, area_id, period, value, missing_reason)
							select null, ind.id, a.id, y::text, case when v.v = 13 then null else v.v end,
							       case when v.v = 13 then 'onbekend' end
							from stats.indicator ind
							cross join (select id, row_number() over (order by code) - 1 as k from stats.area where level = 'statsec') a
							cross join generate_series(2015, 2015 + ? - 1) y
							cross join lateral (select ((a.k * 7919 + ? * 104729 + y * 31) % 2500)::double precision as v) v
							where ind.code = ? and ind.tenant_id is null
							  and not exists (select 1 from stats.observation o where o.indicator_id = ind.id)
							order by a.id, y""")
				.params(years, i, code)
				.update();
		}
		return jdbc.sql("""
				select count(*) from stats.observation o join stats.indicator i on i.id = o.indicator_id
				where i.code like 'bexp_%' and i.tenant_id is null""").query(Long.class).single();
	}

	private String path(int indicators, String format) {
		return "/api/v1/platform/stats/data?level=statsec&format=" + format + "&indicator="
				+ IntStream.range(0, indicators)
					.mapToObj(i -> String.format(Locale.ROOT, "bexp_%03d", i))
					.collect(Collectors.joining(","));
	}

	private String export(String format, int indicators) throws Exception {
		resetPeaks();
		long t = System.nanoTime();
		long bytes;
		long live;
		try (LiveHeap heap = new LiveHeap()) {
			bytes = stream(path(indicators, format));
			live = heap.max();
		}
		double seconds = (System.nanoTime() - t) / 1e9;
		long cells = (long) indicators * sectors() * years(indicators);
		return String.format(Locale.ROOT, "%-44s %,10d %12.1f %,10d %,14.0f %,12d %,12d %,12d%n",
				"API export " + format + ", " + indicators + " indicators", cells, seconds, bytes >> 20,
				cells / seconds, peakHeap() >> 20, live >> 20, peakRss() >> 10);
	}

	private int years(int indicators) {
		return jdbc.sql("""
				select count(distinct period) from stats.observation o join stats.indicator i on i.id = o.indicator_id
				where i.code = 'bexp_000'""").query(Integer.class).single();
	}

	private long stream(String path) throws Exception {
		HttpResponse<InputStream> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream in = response.body()) {
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path.substring(0, Math.min(120, path.length())) + " -> "
						+ response.statusCode() + ": " + new String(in.readAllBytes()));
			}
			byte[] buffer = new byte[1 << 16];
			long total = 0;
			for (int n; (n = in.read(buffer)) > 0;) {
				total += n;
			}
			return total;
		}
	}

	private String copy(String label, int indicators, String sql) throws Exception {
		resetPeaks();
		AtomicLong bytes = new AtomicLong();
		long rows;
		long t = System.nanoTime();
		try (Connection connection = dataSource.getConnection()) {
			rows = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, new OutputStream() {
				@Override
				public void write(int b) {
					bytes.incrementAndGet();
				}

				@Override
				public void write(byte[] b, int off, int len) {
					bytes.addAndGet(len);
				}
			});
		}
		double seconds = (System.nanoTime() - t) / 1e9;
		return String.format(Locale.ROOT, "%-44s %,10d %12.1f %,10d %,14.0f %,12d %12s %,12d%n",
				label + ", " + indicators, rows, seconds, bytes.get() >> 20, rows / seconds, peakHeap() >> 20, "",
				peakRss() >> 10);
	}

	/**
	 * The largest heap occupancy right after a garbage collection seen while {@code work}
	 * runs: the live data.
	 */
	private static final class LiveHeap implements AutoCloseable {

		private final AtomicLong max = new AtomicLong();

		private final Thread sampler = Thread.ofPlatform().daemon().start(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				long sum = 0;
				for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
					if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
						sum += pool.getCollectionUsage().getUsed();
					}
				}
				max.accumulateAndGet(sum, Math::max);
				try {
					Thread.sleep(200);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});

		long max() {
			return max.get();
		}

		@Override
		public void close() {
			sampler.interrupt();
		}

	}

	private static void resetPeaks() throws IOException {
		System.gc();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
		try {
			Files.writeString(Path.of("/proc/self/clear_refs"), "5");
		}
		catch (IOException ex) {
			// not Linux, or not allowed: the peak RSS is then the process's peak so far
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

	/** Peak resident set size in kB since the last reset ({@code VmHWM}), or -1. */
	private static long peakRss() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith("VmHWM:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", ""));
			}
		}
		return -1;
	}

}
