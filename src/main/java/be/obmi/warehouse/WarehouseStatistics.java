package be.obmi.warehouse;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import be.obmi.shared.PostgresCopy;
import be.obmi.stats.SuppressedCells;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a statistics import or undo into the warehouse's facts without a full rebuild.
 * After such a change commits ({@link WarehouseRefresh} marks it in
 * {@code warehouse_meta.statistics_pending}), a pass compares the fingerprint of every
 * scope, indicator and period of the observations (their number and a hash of every
 * column the warehouse reads) with the fingerprints of what the warehouse was built from
 * ({@code warehouse_meta.observation_source}), and replaces the facts of the (indicator,
 * period) pairs that differ — with the ratio indicators computed from them, and every
 * indicator whose warehouse row no longer matches the catalogue — by the rebuild's own
 * steps ({@link ObservationSlices}) restricted to those pairs, with disclosure control
 * decided for them as the rebuild decides it ({@link SuppressedCells#of}).
 * <p>
 * The pass is one transaction under the rebuild's advisory lock: readers see a pair's old
 * or new rows, never a mix, and a rebuild or another pass waits for it. The fingerprints
 * are read first, so a change that commits during a pass differs from what the pass
 * records and is taken in by the next one; a pass that fails or is killed changes nothing
 * and leaves its mark, and the next start marks a pass anyway.
 */
@Component
class WarehouseStatistics {

	private static final Logger log = LoggerFactory.getLogger(WarehouseStatistics.class);

	/** How long the pass waits for a lock on a statistics table before it gives up. */
	private static final String LOCK_TIMEOUT = "5min";

	/** Ratio of ratio of …: the dependency chains followed at most. */
	private static final int RATIO_DEPTH = 10;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final WarehouseRebuild rebuild;

	private final SuppressedCells suppressedCells;

	private final TransactionTemplate transaction;

	/** What a pass did (for tests and the log), with the time of its steps. */
	record Pass(int pairs, int hiddenCells, boolean indicatorsReplaced, long millis, String steps) {

		static final Pass NONE = new Pass(0, 0, false, 0, "");

	}

	WarehouseStatistics(JdbcClient jdbc, DataSource dataSource, WarehouseRebuild rebuild,
			SuppressedCells suppressedCells, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.rebuild = rebuild;
		this.suppressedCells = suppressedCells;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Marks that the statistics may have changed since the last pass. */
	void mark() {
		jdbc.sql("""
				insert into warehouse_meta.statistics_pending (pending) values (true)
				on conflict (pending) do update set changed_at = now()""").update();
	}

	/**
	 * At every start: a change committed by a process that was killed before its event
	 * was handled is found by the fingerprints.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void started() {
		mark();
	}

	@Scheduled(fixedDelayString = "${obmi.warehouse.refresh-delay:5s}",
			initialDelayString = "${obmi.warehouse.refresh-delay:5s}")
	@SchedulerLock(name = "warehouse.statistics", lockAtMostFor = "PT30M",
			lockAtLeastFor = "${obmi.warehouse.refresh-delay:5s}")
	void catchUp() {
		boolean pending = jdbc.sql("select exists (select 1 from warehouse_meta.statistics_pending)")
			.query(Boolean.class)
			.single();
		if (pending && rebuild.exists()) {
			pass();
		}
	}

	/**
	 * One pass: finds the changed pairs and replaces their facts, all in one transaction.
	 */
	Pass pass() {
		long started = System.nanoTime();
		StringBuilder steps = new StringBuilder();
		long[] lap = { started };
		Runnable step = () -> {
			long now = System.nanoTime();
			steps.append(steps.isEmpty() ? "" : ", ").append((now - lap[0]) / 1_000_000);
			lap[0] = now;
		};
		Pass pass = transaction.execute(status -> {
			jdbc.sql("select pg_advisory_xact_lock(?)").param(WarehouseRebuild.LOCK).query().listOfRows();
			jdbc.sql("delete from warehouse_meta.statistics_pending").update();
			jdbc.sql("select set_config('lock_timeout', ?, true)").param(LOCK_TIMEOUT).query().listOfRows();
			if (!jdbc.sql("select exists (select 1 from warehouse_meta.observation_source)")
				.query(Boolean.class)
				.single()) {
				// a warehouse built before the fingerprints existed: the next rebuild
				// records them
				log.info("Warehouse: no statistics fingerprints yet; statistics wait for the next rebuild");
				return Pass.NONE;
			}
			jdbc.sql(
					"create temporary table warehouse_source_now on commit drop as\n" + ObservationSlices.fingerprint())
				.update();
			step.run();
			jdbc.sql("create temporary table warehouse_pair (indicator_id bigint, period varchar(7)) on commit drop")
				.update();
			// every pair whose observations differ, in any scope
			jdbc.sql("""
					insert into pg_temp.warehouse_pair
					select distinct coalesce(n.indicator_id, s.indicator_id), coalesce(n.period, s.period)
					from pg_temp.warehouse_source_now n
					full join warehouse_meta.observation_source s
					  on s.scope_key = n.scope_key and s.indicator_id = n.indicator_id and s.period = n.period
					where n.row_count is distinct from s.row_count or n.row_hash is distinct from s.row_hash""")
				.update();
			// every period of an indicator whose published row (publication, scope, rule,
			// threshold) differs from the warehouse's
			jdbc.sql(
					"""
							insert into pg_temp.warehouse_pair
							select distinct x.indicator_id, x.period
							from (select indicator_id, period from pg_temp.warehouse_source_now
							      union select indicator_id, period from warehouse_meta.observation_source) x
							where x.indicator_id in (select c.id from (
							    (select s.id, s.tenant_id, cast(s.aggregation as text), s.threshold from stats.warehouse_indicator s where s.published
							     except select d.source_id, d.tenant_key, d.kind, d.threshold from warehouse.dim_indicator d where d.source = 'stats')
							    union
							    (select d.source_id, d.tenant_key, d.kind, d.threshold from warehouse.dim_indicator d where d.source = 'stats'
							     except select s.id, s.tenant_id, cast(s.aggregation as text), s.threshold from stats.warehouse_indicator s where s.published)
							  ) c (id, tenant_id, kind, threshold))
							  and (x.indicator_id, x.period) not in (select indicator_id, period from pg_temp.warehouse_pair)""")
				.update();
			// the ratios computed from a changed pair (and the ratios computed from
			// those)
			for (int depth = 0; depth < RATIO_DEPTH; depth++) {
				int added = jdbc.sql("""
						insert into pg_temp.warehouse_pair
						select distinct si.id, p.period
						from stats.warehouse_indicator si
						join pg_temp.warehouse_pair p on p.indicator_id in (si.numerator_id, si.denominator_id)
						where si.aggregation = 'ratio'
						except select indicator_id, period from pg_temp.warehouse_pair""").update();
				if (added == 0) {
					break;
				}
			}
			boolean indicators = replaceIndicators();
			List<SuppressedCells.IndicatorPeriod> pairs = jdbc
				.sql("select indicator_id, period from pg_temp.warehouse_pair")
				.query((rs, n) -> new SuppressedCells.IndicatorPeriod(rs.getLong(1), rs.getString(2)))
				.list();
			if (pairs.isEmpty()) {
				return new Pass(0, 0, indicators, 0, "");
			}
			step.run();
			int hidden = loadHiddenCells();
			step.run();
			jdbc.sql("analyze pg_temp.warehouse_pair").update();
			jdbc.sql("""
					delete from warehouse.fact_observation f using pg_temp.warehouse_pair p
					where f.indicator_key = p.indicator_id and f.period = p.period""").update();
			step.run();
			for (String slice : ObservationSlices.FACT_STEPS) {
				jdbc.sql(ObservationSlices.incremental(slice)).update();
				step.run();
			}
			jdbc.sql("""
					delete from warehouse_meta.observation_source s using pg_temp.warehouse_pair p
					where s.indicator_id = p.indicator_id and s.period = p.period""").update();
			jdbc.sql("""
					insert into warehouse_meta.observation_source (scope_key, indicator_id, period, row_count, row_hash)
					select n.scope_key, n.indicator_id, n.period, n.row_count, n.row_hash
					from pg_temp.warehouse_source_now n
					join pg_temp.warehouse_pair p on p.indicator_id = n.indicator_id and p.period = n.period""")
				.update();
			step.run();
			return new Pass(pairs.size(), hidden, indicators, 0, steps.toString());
		});
		long millis = (System.nanoTime() - started) / 1_000_000;
		if (pass.pairs() > 0 || pass.indicatorsReplaced()) {
			log.info(
					"Warehouse caught up with statistics: {} (indicator, period) pairs, {} cells hidden, in {} ms "
							+ "(ms of: lock and fingerprints, pairs, disclosure, delete, {}, fingerprints kept: {})",
					pass.pairs(), pass.hiddenCells(), millis, String.join(", ", ObservationSlices.FACT_STEPS),
					pass.steps());
		}
		return new Pass(pass.pairs(), pass.hiddenCells(), pass.indicatorsReplaced(), millis, pass.steps());
	}

	/**
	 * Replaces the statistics rows of the indicator dimension when any differs from the
	 * published catalogue.
	 * @return whether they were replaced
	 */
	private boolean replaceIndicators() {
		boolean differ = jdbc.sql("""
				select exists (
				    (select s.id, s.tenant_id, cast(s.code as text), cast(s.name as text), cast(s.theme as text),
				            cast(s.unit as text), cast(s.aggregation as text), s.threshold
				     from stats.warehouse_indicator s where s.published
				     except select d.source_id, d.tenant_key, d.code, d.name, d.theme, d.unit, d.kind, d.threshold
				     from warehouse.dim_indicator d where d.source = 'stats')
				    union all
				    (select d.source_id, d.tenant_key, d.code, d.name, d.theme, d.unit, d.kind, d.threshold
				     from warehouse.dim_indicator d where d.source = 'stats'
				     except select s.id, s.tenant_id, cast(s.code as text), cast(s.name as text), cast(s.theme as text),
				            cast(s.unit as text), cast(s.aggregation as text), s.threshold
				     from stats.warehouse_indicator s where s.published))""").query(Boolean.class).single();
		if (differ) {
			jdbc.sql("delete from warehouse.dim_indicator where source = 'stats'").update();
			jdbc.sql(ObservationSlices.incremental("indicators")).update();
		}
		return differ;
	}

	/**
	 * Loads the cells disclosure control hides in the pairs, and in the numerators and
	 * denominators of the ratio pairs (a ratio given by the source is hidden with them),
	 * into {@link ObservationSlices#CELLS}.
	 */
	private int loadHiddenCells() {
		List<SuppressedCells.IndicatorPeriod> decide = jdbc.sql("""
				select indicator_id, period from pg_temp.warehouse_pair
				union
				select x.id, p.period
				from pg_temp.warehouse_pair p
				join stats.warehouse_indicator si on si.id = p.indicator_id and si.aggregation = 'ratio'
				cross join lateral (values (si.numerator_id), (si.denominator_id)) x(id)
				where x.id is not null""")
			.query((rs, n) -> new SuppressedCells.IndicatorPeriod(rs.getLong(1), rs.getString(2)))
			.list();
		List<SuppressedCells.Cell> hidden = suppressedCells.of(new ArrayList<>(decide), LOCK_TIMEOUT);
		jdbc.sql(
				"""
						create temporary table warehouse_suppressed_cell (scope_key bigint, indicator_id bigint, period varchar(7),
						    area_id bigint, breakdown text) on commit drop""")
			.update();
		if (!hidden.isEmpty()) {
			PostgresCopy.in(dataSource, ObservationSlices.CELLS, ObservationSlices.suppressedRows(hidden));
		}
		jdbc.sql("analyze " + ObservationSlices.CELLS).update();
		return hidden.size();
	}

}
