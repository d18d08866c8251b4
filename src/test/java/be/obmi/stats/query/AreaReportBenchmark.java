package be.obmi.stats.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import be.obmi.audit.DataChanged;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.Scope;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not part of {@code ./mvnw verify} (the name does not end in Tests). See
 * bench/stats/README.md (issue 20, goal 4): fills the platform scope with N published
 * count indicators with a value for every statistical sector of Flanders and Brussels and
 * every year (besides the demo data's published indicators), then times the area report
 * of Antwerp sectors (every request another sector, so the response cache never answers)
 * with the full read model (every request aggregates Flanders from the sectors) and with
 * the stored aggregates, warm, right after a publication (stored disclosure decisions
 * kept) and with every disclosure decision computed again; and the pass that keeps the
 * stored aggregates current after an import of one indicator.
 */
@ObmiIntegrationTest
class AreaReportBenchmark {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AreaTotals totals;

	@Autowired
	Indicators indicators;

	@Autowired
	DisclosureControl disclosure;

	private final HttpClient client = HttpClient.newHttpClient();

	private int next;

	@Test
	void areaReportWithStoredAggregates() throws Exception {
		int count = Integer.getInteger("bench.indicators", 50);
		int years = Integer.getInteger("bench.years", 20);
		int requests = Integer.getInteger("bench.requests", 20);
		StringBuilder report = new StringBuilder();
		long t0 = System.nanoTime();
		long rows = generate(count, years);
		jdbc.sql("analyze stats.observation").update();
		report
			.append(String.format(Locale.ROOT,
					"data: %,d generated observations (%d indicators x sectors x %d years)"
							+ " in %.1f s; load average %s%n",
					rows, count, years, (System.nanoTime() - t0) / 1e9, load()));
		List<String> sectors = jdbc
			.sql("select code from stats.area where level = 'statsec' and code like '11002%' order by code")
			.query(String.class)
			.list();
		int published = jdbc.sql("""
				select count(distinct i.id) from stats.indicator i where i.published and i.tenant_id is null
				  and exists (select 1 from stats.observation o where o.indicator_id = i.id)""")
			.query(Integer.class)
			.single();
		report.append(String.format(Locale.ROOT, "published platform indicators with values: %d; Antwerp sectors: %d%n",
				published, sectors.size()));

		long t1 = System.nanoTime();
		totals.refresh();
		report
			.append(String.format(Locale.ROOT, "stored aggregates computed for every indicator (first pass): %.1f s%n",
					(System.nanoTime() - t1) / 1e9));

		totals.enabled(false);
		report.append(times("area report, full read model (baseline), warm", sectors, Math.max(5, requests / 4)));
		totals.enabled(true);
		report.append(times("area report, stored aggregates, warm", sectors, requests));

		// a publication: every generation moves on; the stored disclosure decisions and
		// the stored aggregates stay
		long computed = disclosure.computations();
		indicators.setPublished(Scope.platform(), "barea_pub", true);
		report.append(times("area report right after a publication (first request)", sectors, 1));
		report.append(times("area report after a publication (next requests)", sectors, requests));
		report.append(String.format(Locale.ROOT, "disclosure decisions computed after the publication: %d%n",
				disclosure.computations() - computed));
		indicators.setPublished(Scope.platform(), "barea_pub", false);

		// every disclosure decision computed again: what the first report paid after
		// every publication before the decisions were kept (and what it pays after an
		// import of platform data)
		disclosure.forgetAll();
		computed = disclosure.computations();
		report.append(times("area report, every decision computed again (first request)", sectors, 1));
		report.append(String.format(Locale.ROOT, "disclosure decisions computed for that request: %d%n",
				disclosure.computations() - computed));
		report.append(times("area report, decisions computed again (next requests)", sectors, requests));

		// an import of one indicator: the pass fingerprints every (scope, indicator) and
		// computes the changed one again (the update below is announced as an import)
		jdbc.sql(
				"""
						update stats.observation set value = value + 1, import_id = coalesce(import_id, 0) + 1
						where indicator_id = (select id from stats.indicator where code = 'barea_000' and tenant_id is null)
						  and period = (select max(period) from stats.observation o join stats.indicator i on i.id = o.indicator_id
						                where i.code = 'barea_000')""")
			.update();
		long t2 = System.nanoTime();
		totals.on(new DataChanged(null, "cijferimport"));
		totals.refresh();
		report.append(String.format(Locale.ROOT, "pass after a change of one indicator: %.1f s%n",
				(System.nanoTime() - t2) / 1e9));
		report.append(String.format(Locale.ROOT, "load average at the end: %s%n", load()));
		System.out.println("\n=== area report benchmark ===\n" + report);
		Files.createDirectories(Path.of("target", "bench"));
		Files.writeString(Path.of("target", "bench", "area-report-results.txt"), report.toString());
	}

	private String times(String label, List<String> sectors, int n) throws Exception {
		List<Double> times = new ArrayList<>();
		int size = 0;
		for (int i = 0; i < n; i++) {
			String sector = sectors.get(next++ % sectors.size());
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/antwerpen/cijfers/gebied/statsec/" + sector))
				.build();
			long t = System.nanoTime();
			HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			times.add((System.nanoTime() - t) / 1e6);
			if (response.statusCode() != 200) {
				throw new IllegalStateException(sector + " -> " + response.statusCode());
			}
			size = response.body().length;
		}
		List<Double> sorted = new ArrayList<>(times);
		Collections.sort(sorted);
		double p95 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(0.95 * sorted.size()) - 1));
		return String.format(Locale.ROOT, "%-58s n=%3d median %7.0f ms  p95 %7.0f ms  max %7.0f ms, %,d KB%n", label, n,
				sorted.get(sorted.size() / 2), p95, sorted.getLast(), size >> 10);
	}

	private static String load() throws Exception {
		return Files.readString(Path.of("/proc/loadavg")).strip();
	}

	/**
	 * Published platform indicators barea_000… with a value for every sector and year,
	 * and one unpublished indicator barea_pub to publish.
	 */
	private long generate(int count, int years) {
		jdbc.sql(
				"""
						insert into stats.indicator (tenant_id, code, name, theme, aggregation, threshold, published)
						select cast(null as bigint), 'barea_' || lpad(i::text, 3, '0'), 'Gebiedsbenchmark ' || i, 'Benchmark ' || (i % 5), 'sum', 5, true
						from generate_series(0, ? - 1) i
						union all select null, 'barea_pub', 'Gebiedsbenchmark publicatie', 'Benchmark', 'sum', 5, false
						on conflict do nothing""")
			.param(count)
			.update();
		long rows = 0;
		for (int i = 0; i <= count; i++) {
			String code = i == count ? "barea_pub" : String.format(Locale.ROOT, "barea_%03d", i);
			rows += jdbc
				.sql("""
						insert into stats.observation (tenant_id, indicator_id, area_id, period, value)
						select null, ind.id, a.id, y::text, ((a.k * 7919 + ? * 104729 + y * 31) % 2500)::double precision
						from stats.indicator ind
						cross join (select id, row_number() over (order by code) - 1 as k from stats.area where level = 'statsec') a
						cross join generate_series(2025 - ? + 1, 2025) y
						where ind.code = ? and ind.tenant_id is null
						  and not exists (select 1 from stats.observation o where o.indicator_id = ind.id)
						order by a.id, y""")
				.params(i, years, code)
				.update();
		}
		return rows;
	}

}
