package be.obmi.warehouse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test (its name does not end in Tests, so {@code ./mvnw verify} skips it): the
 * warehouse benchmark of {@code bench/warehouse/README.md}. It generates 10 million
 * statistics observations (every statistical sector × 50 indicators × 20 years) and 1
 * million finance lines next to the demo data, then measures, in the same run, a full
 * warehouse rebuild and the time PostgreSQL needs to copy the same source tables with
 * CREATE TABLE AS, and then the time from a platform import of one indicator in one
 * period (every sector) to the warehouse's facts without a rebuild (issue 20, goal 3;
 * {@code -Dbench.skipImport=true} leaves it out). Figures are printed; nothing is
 * asserted about time.
 */
@ObmiIntegrationTest
class WarehouseBenchmark {

	static final int INDICATORS = Integer.getInteger("bench.indicators", 50);

	static final int YEARS = Integer.getInteger("bench.years", 20);

	static final int FINANCE_LINES = Integer.getInteger("bench.financeLines", 1_000_000);

	/**
	 * The smallest generated count (0 by default: about 1 in 100 below the threshold of
	 * 5, so every indicator and period has cells disclosure control hides; 5: none, so
	 * the rebuild decides no disclosure and the full-size run reaches the import in
	 * minutes).
	 */
	static final int MIN_VALUE = Integer.getInteger("bench.minValue", 0);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WarehouseRebuild rebuild;

	@Autowired
	Environment environment;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void rebuildAgainstCreateTableAs() {
		long t0 = System.nanoTime();
		generate();
		long generated = System.nanoTime() - t0;
		Map<String, Long> sources = new LinkedHashMap<>();
		for (String table : List.of("stats.observation", "stats.area", "stats.area_ancestor", "stats.indicator",
				"finance.finance_line", "finance.finance_import", "plan.plan_item", "plan.status_update",
				"plan.measurement")) {
			sources.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
		}
		jdbc.sql("checkpoint").update();

		long copyNanos = createTableAs(sources.keySet());

		WarehouseRebuild.Result result = rebuild.rebuild("benchmark");
		if (!result.succeeded()) {
			throw new IllegalStateException(result.message());
		}
		// the nightly rebuild: the same sources again, the disclosure decisions now
		// stored
		// (read by fingerprint instead of computed)
		jdbc.sql("checkpoint").update();
		WarehouseRebuild.Result again = rebuild.rebuild("benchmark");
		if (!again.succeeded()) {
			throw new IllegalStateException(again.message());
		}
		// the baseline once more after the rebuilds (its first run may read a colder
		// cache)
		long copyAgainNanos = createTableAs(sources.keySet());
		if (Boolean.getBoolean("bench.explain")) {
			String agg = WarehouseRebuild.script()
				.stream()
				.filter(q -> q.startsWith("insert into warehouse_staging.fact_observation"))
				.findFirst()
				.orElseThrow()
				.replace("insert into warehouse_staging.fact_observation", "")
				.replace("warehouse_staging.", "warehouse.");
			// under the rebuild's own session settings
			new TransactionTemplate(transactions).executeWithoutResult(status -> {
				WarehouseRebuild.BULK_SETTINGS
					.forEach((name, value) -> jdbc.sql("set local " + name + " = " + value).update());
				jdbc.sql("explain (analyze, buffers, costs off) " + agg)
					.query(String.class)
					.list()
					.forEach(System.out::println);
			});
		}
		StringBuilder report = new StringBuilder("\n=== warehouse benchmark ===\n");
		report.append("generated in ").append(generated / 1_000_000).append(" ms\n");
		sources.forEach((t, n) -> report.append(String.format("source %-24s %,12d rows%n", t, n)));
		report.append(String.format("CREATE TABLE AS of the sources: %,d ms%n", copyNanos / 1_000_000));
		report.append(String.format("full warehouse rebuild:        %,d ms (%.2f × CREATE TABLE AS)%n", result.millis(),
				result.millis() / (copyNanos / 1e6)));
		report.append(String.format("second rebuild (decisions stored): %,d ms (%.2f × CREATE TABLE AS)%n",
				again.millis(), again.millis() / (copyNanos / 1e6)));
		report.append(String.format("CREATE TABLE AS again after the rebuilds: %,d ms (rebuilds %.2f × and %.2f ×)%n",
				copyAgainNanos / 1_000_000, result.millis() / (copyAgainNanos / 1e6),
				again.millis() / (copyAgainNanos / 1e6)));
		result.rowCounts().forEach((t, n) -> report.append(String.format("warehouse %-20s %,12d rows%n", t, n)));
		if (!Boolean.getBoolean("bench.skipImport")) {
			report.append(importIntoTheFacts());
		}
		System.out.println(report);
	}

	/**
	 * Issue 20, goal 3: a platform import of one indicator in one period (every sector
	 * gets a new value) and the time from its commit (the answer) until the warehouse's
	 * fingerprints of that pair equal the observations' ({@link WarehouseStatistics}),
	 * without a rebuild.
	 */
	private String importIntoTheFacts() {
		String code = "bench_1";
		String period = "2024";
		long rebuilds = jdbc.sql("select count(*) from warehouse_meta.rebuild").query(Long.class).single();
		List<String> sectors = jdbc.sql("select code from stats.area where level = 'statsec' order by code")
			.query(String.class)
			.list();
		StringBuilder csv = new StringBuilder("indicator;gebied;niveau;periode;waarde\n");
		for (int i = 0; i < sectors.size(); i++) {
			csv.append(code).append(';').append(sectors.get(i)).append(";statsec;").append(period).append(';');
			csv.append((i * 7L) % 499 + 1).append('\n');
		}
		ApiClient admin = ApiClient.as(Integer.parseInt(environment.getProperty("local.server.port")),
				"platformbeheerder");
		long started = System.currentTimeMillis();
		ApiClient.Response response = admin.upload("/api/v1/platform/stats/import", "bench-1.csv",
				csv.toString().getBytes(StandardCharsets.UTF_8), Map.of());
		long committed = System.currentTimeMillis();
		if (response.status() != 200) {
			throw new IllegalStateException(response.body());
		}
		String load = "";
		while (!WarehouseStatisticsIntegrationTests.takenIn(jdbc, code, period)) {
			if (System.currentTimeMillis() - committed > 600_000) {
				throw new IllegalStateException("the import did not reach the warehouse within 10 minutes");
			}
			load = loadAverage();
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		long inFacts = System.currentTimeMillis();
		long rebuildsAfter = jdbc.sql("select count(*) from warehouse_meta.rebuild").query(Long.class).single();
		return String.format(
				"import of %s %s (%,d sectors): %,d ms; from its commit to the warehouse's facts: %,d ms "
						+ "(rebuilds meanwhile: %d; load average while waiting: %s)%n",
				code, period, sectors.size(), committed - started, inFacts - committed, rebuildsAfter - rebuilds, load);
	}

	/**
	 * The baseline: the source tables copied with CREATE TABLE AS, after a checkpoint.
	 */
	private long createTableAs(Iterable<String> tables) {
		long c0 = System.nanoTime();
		for (String table : tables) {
			String copy = "bench_copy_" + table.replace('.', '_');
			jdbc.sql("drop table if exists public." + copy).update();
			jdbc.sql("create table public." + copy + " as select * from " + table).update();
		}
		long nanos = System.nanoTime() - c0;
		for (String table : tables) {
			jdbc.sql("drop table public.bench_copy_" + table.replace('.', '_')).update();
		}
		jdbc.sql("checkpoint").update();
		return nanos;
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (IOException ex) {
			return "?";
		}
	}

	private void generate() {
		jdbc.sql(
				"""
						insert into stats.indicator (tenant_id, code, name, theme, unit, aggregation, decimals, threshold, published, demo)
						select null, 'bench_' || i, 'Benchmarkindicator ' || i, 'Benchmark', 'aantal', 'sum', 0, 5, true, true
						from generate_series(1, ?) i
						on conflict do nothing""")
			.param(INDICATORS)
			.update();
		jdbc.sql(
				"""
						insert into stats.observation (tenant_id, indicator_id, area_id, period, value)
						select null, i.id, a.id, y::text, (? + abs(hashtext(a.code || i.code || y)) % (500 - ?))::double precision
						from stats.indicator i
						cross join stats.area a
						cross join generate_series(2024 - ? + 1, 2024) y
						where i.code like 'bench\\_%' and a.level = 'statsec'
						on conflict do nothing""")
			.params(MIN_VALUE, MIN_VALUE, YEARS)
			.update();
		jdbc.sql(
				"""
						with imports as (
						    insert into finance.finance_import (tenant_id, file_name, label, reporting_date, actor, line_count, fiscal_years, content_hash)
						    select t.id, 'bench.csv', 'Benchmark', date '2027-06-30', 'bench', 0, array[2026,2027,2028,2029,2030,2031], 'bench'
						    from tenancy.tenant t
						    returning id, tenant_id
						), items as (
						    select i.tenant_id, i.code, row_number() over () as n from plan.plan_item i
						)
						insert into finance.finance_line (tenant_id, import_id, row_number, plan_item_code, fiscal_year, policy_field,
						                                  account, kind, direction, estimate, realisation)
						select im.tenant_id, im.id, g, it.code, 2026 + g % 6, '0200', 'REK' || (6100000 + g % 50), 'EXPLOITATIE',
						       case when g % 5 = 0 then 'ONTVANGST' else 'UITGAVE' end, (g % 100000)::numeric / 100 + 1000, (g % 70000)::numeric / 100
						from generate_series(1, ?) g
						join items it on it.n = 1 + g % (select count(*) from items)
						join imports im on im.tenant_id = it.tenant_id""")
			.param(FINANCE_LINES)
			.update();
	}

}
