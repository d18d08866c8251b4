package be.obmi.warehouse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A statistics import or undo reaches the warehouse's facts within a minute without a
 * full rebuild ({@link WarehouseStatistics}), and the facts it leaves are exactly those a
 * full rebuild makes of the same data — every fact row of every (indicator, period),
 * affected or not, including the recomputed ratios and disclosure control; two imports at
 * once are both taken in. Every import is undone at the end, so the demo data other test
 * classes read is as it was. In order, so that the first test starts from a rebuild's
 * facts (a rebuild of the demo data takes seconds: three in all).
 */
@ObmiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WarehouseStatisticsIntegrationTests {

	/** The goal of issue 20: an import is in the facts within a minute. */
	static final long WITHIN_MILLIS = 60_000;

	@Autowired
	WarehouseRebuild rebuild;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	ApiClient admin;

	@BeforeAll
	void client() {
		admin = ApiClient.as(Integer.parseInt(environment.getProperty("local.server.port")), "platformbeheerder");
	}

	/**
	 * Platform count indicators with values per statistical sector that a published ratio
	 * is computed from, with their periods, latest first: (code, period).
	 */
	private List<List<String>> candidates() {
		List<List<String>> found = jdbc.sql("""
				select distinct i.code, o.period
				from stats.indicator i
				join stats.indicator r on r.numerator_id = i.id and r.published and r.aggregation = 'ratio'
				join stats.observation o on o.indicator_id = i.id and o.tenant_id is null and o.breakdown = ''
				join stats.area a on a.id = o.area_id and a.level = 'statsec'
				where i.tenant_id is null and i.published and i.aggregation = 'sum' and i.threshold > 0
				  and o.value >= 10
				order by i.code, o.period desc""")
			.query((rs, n) -> List.of(rs.getString("code"), rs.getString("period")))
			.list();
		assertThat(found).as("a count indicator with sectors that feeds a ratio").isNotEmpty();
		return found;
	}

	/** Another candidate than the first: of another indicator if there is one. */
	private List<String> another(List<List<String>> candidates) {
		String first = candidates.getFirst().get(0);
		return candidates.stream().filter(c -> !c.get(0).equals(first)).findFirst().orElseGet(() -> candidates.get(1));
	}

	/**
	 * An import file that changes 20 sectors of the indicator in the period: two of them
	 * to a small count (hidden by disclosure control, with secondary suppression), the
	 * others by a few units (every sum above them changes).
	 */
	private byte[] changes(String code, String period) {
		List<Map<String, Object>> cells = jdbc.sql("""
				select a.code, o.value from stats.observation o
				join stats.indicator i on i.id = o.indicator_id and i.code = ? and i.tenant_id is null
				join stats.area a on a.id = o.area_id and a.level = 'statsec'
				where o.tenant_id is null and o.period = ? and o.breakdown = '' and o.value >= 10
				order by a.code limit 20""").params(code, period).query().listOfRows();
		assertThat(cells).hasSizeGreaterThanOrEqualTo(5);
		StringBuilder csv = new StringBuilder("indicator;gebied;niveau;periode;waarde\n");
		for (int i = 0; i < cells.size(); i++) {
			double value = ((Number) cells.get(i).get("value")).doubleValue();
			long changed = i < 2 ? 2 : Math.round(value) + 7;
			csv.append(code)
				.append(';')
				.append(cells.get(i).get("code"))
				.append(";statsec;")
				.append(period)
				.append(';')
				.append(changed)
				.append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private long importFile(byte[] file) {
		ApiClient.Response response = admin.upload("/api/v1/platform/stats/import", "warehouse.csv", file, Map.of());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("importId").asLong();
	}

	private void undo(long importId) {
		ApiClient.Response response = admin.post("/api/v1/platform/stats/imports/" + importId + "/undo");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	/**
	 * Every fact row of every statistics (indicator, period), as one hash per pair
	 * (values to 9 decimals: a sum of fractions may differ in its last bit with the order
	 * it was added in).
	 */
	private Map<String, String> facts() {
		Map<String, String> facts = new TreeMap<>();
		jdbc.sql(
				"""
						with r as (
						    select f.indicator_key, f.period,
						           format('%s,%s,%s,%s,%s,%s,%s,%s,%s', f.tenant_key, f.area_key, f.time_key, f.breakdown,
						                  round(cast(f.value as numeric), 9), f.status, f.provisional, f.estimated, f.aggregated) as row
						    from warehouse.fact_observation f)
						select r.indicator_key || ' ' || r.period as pair,
						       count(*) || ' ' || md5(string_agg(r.row, '|' order by r.row)) as rows
						from r group by r.indicator_key, r.period""")
			.query((rs, n) -> facts.put(rs.getString("pair"), rs.getString("rows")))
			.list();
		return facts;
	}

	/**
	 * Whether the warehouse holds what the statistics hold now for the pair: its
	 * fingerprints equal the observations'.
	 */
	private boolean takenIn(String code, String period) {
		return takenIn(jdbc, code, period);
	}

	static boolean takenIn(JdbcClient jdbc, String code, String period) {
		return jdbc
			.sql("""
					with now as (
					    select coalesce(o.tenant_id, 0) as scope_key, count(*) as row_count,
					           bit_xor(hashint8extended(o.area_id, hashtextextended(o.breakdown, hashfloat8extended(coalesce(o.value, 'NaN'),
					               hashtextextended(coalesce(o.missing_reason, ''), cast(o.provisional as int) * 2 + cast(o.estimated as int)))))) as row_hash
					    from stats.observation o join stats.indicator i on i.id = o.indicator_id and i.code = ? and i.tenant_id is null
					    where o.period = ? group by 1)
					select count(*) = 0 from now
					where not exists (select 1 from warehouse_meta.observation_source s
					                  join stats.indicator i on i.id = s.indicator_id and i.code = ? and i.tenant_id is null
					                  where s.period = ? and s.scope_key = now.scope_key
					                    and s.row_count = now.row_count and s.row_hash = now.row_hash)""")
			.params(code, period, code, period)
			.query(Boolean.class)
			.single();
	}

	private long rebuilds() {
		return jdbc.sql("select count(*) from warehouse_meta.rebuild").query(Long.class).single();
	}

	/** Waits until every pair is taken in; returns how long it took. */
	private long awaitTakenIn(long since, List<List<String>> pairs) throws InterruptedException {
		while (System.currentTimeMillis() - since < WITHIN_MILLIS) {
			if (pairs.stream().allMatch(p -> takenIn(p.get(0), p.get(1)))) {
				return System.currentTimeMillis() - since;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("not in the warehouse within " + WITHIN_MILLIS + " ms: " + pairs);
	}

	/** The facts differ from a full rebuild's: the pairs that differ. */
	private List<String> differencesFromAFullRebuild(Map<String, String> incremental) {
		assertThat(rebuild.rebuild("test: vergelijking").succeeded()).isTrue();
		Map<String, String> full = facts();
		List<String> differ = new ArrayList<>();
		full.forEach((pair, rows) -> {
			if (!rows.equals(incremental.get(pair))) {
				differ.add(pair + ": full " + rows + ", incremental " + incremental.get(pair));
			}
		});
		incremental.keySet().stream().filter(pair -> !full.containsKey(pair)).forEach(pair -> differ.add(pair));
		return differ;
	}

	@Test
	@Order(1)
	void anImportAndItsUndoReachTheFactsWithoutARebuildAsARebuildWouldMakeThem() throws Exception {
		List<String> pair = candidates().getFirst();
		assertThat(rebuild.rebuild("test: uitgangspunt").succeeded()).isTrue();
		Map<String, String> original = facts();
		long rebuilds = rebuilds();

		long imported = importFile(changes(pair.get(0), pair.get(1)));
		long took = awaitTakenIn(System.currentTimeMillis(), List.of(pair));
		System.out.println("warehouse: import of " + pair + " in the facts after " + took + " ms");
		assertThat(rebuilds()).as("no rebuild ran").isEqualTo(rebuilds);
		Map<String, String> afterImport = facts();
		assertThat(afterImport).as("the import changed the facts").isNotEqualTo(original);
		long changedPairs = afterImport.entrySet()
			.stream()
			.filter(e -> !e.getValue().equals(original.get(e.getKey())))
			.count();
		assertThat(changedPairs).as("the indicator's period and the ratio computed from it").isGreaterThanOrEqualTo(2);
		assertThat(differencesFromAFullRebuild(afterImport)).isEmpty();

		rebuilds = rebuilds();
		undo(imported);
		took = awaitTakenIn(System.currentTimeMillis(), List.of(pair));
		System.out.println("warehouse: undo of " + pair + " in the facts after " + took + " ms");
		assertThat(rebuilds()).as("no rebuild ran").isEqualTo(rebuilds);
		// the data is as it was before the import, and so are the facts: those of the
		// rebuild this test started from
		assertThat(facts()).as("the undo restored the facts as a rebuild made them").isEqualTo(original);
	}

	@Test
	@Order(2)
	void twoImportsAtOnceAreBothTakenIn() throws Exception {
		List<List<String>> candidates = candidates();
		List<String> first = candidates.getFirst();
		List<String> second = another(candidates);
		long rebuilds = rebuilds();
		byte[] firstFile = changes(first.get(0), first.get(1));
		byte[] secondFile = changes(second.get(0), second.get(1));
		long started = System.currentTimeMillis();
		CompletableFuture<Long> one = CompletableFuture.supplyAsync(() -> importFile(firstFile));
		CompletableFuture<Long> other = CompletableFuture.supplyAsync(() -> importFile(secondFile));
		long firstImport = one.get();
		long secondImport = other.get();
		awaitTakenIn(started, List.of(first, second));
		assertThat(rebuilds()).as("no rebuild ran").isEqualTo(rebuilds);
		assertThat(differencesFromAFullRebuild(facts())).isEmpty();
		undo(secondImport);
		undo(firstImport);
		awaitTakenIn(System.currentTimeMillis(), List.of(first, second));
	}

}
