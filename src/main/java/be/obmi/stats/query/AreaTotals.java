package be.obmi.stats.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import be.obmi.audit.DataChanged;
import be.obmi.shared.PostgresCopy;
import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Areas;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.Scope;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored aggregates of the read model ({@code stats.area_total}): for every scope and
 * indicator with values, the value of every area above the statistical sector as
 * {@link StatsQueries} aggregates it, and the number of stored values inside it, so that
 * an area report reads the city's, Flanders' and the centrumsteden's figures instead of
 * summing every sector of Flanders per request.
 * <p>
 * Kept current after every commit that changes data ({@link DataChanged}): one pass
 * fingerprints the total rows of every (scope, indicator) in one scan (count, sum of
 * import ids, sum of the values' hashes, the aggregation rule) and computes again, with
 * the read model's own aggregation, only the pairs that changed (for a platform change
 * also the tenants that overlay values of their own). Only a statistics import or its
 * undo ({@code cijferimport}) and a change of a city's area layout
 * ({@code gebiedsindeling}) can change them; after any other change (an indicator's
 * publication or description, and every other module's data) the pass needs no scan and
 * runs in the changing thread right after the change completes, so a report right after a
 * publication reads the aggregates. Readers use the aggregates only while the data
 * generations they were checked at are still current ({@link #usable}); otherwise they
 * take the full read model and ask for a pass, so a change committed by another instance
 * or before a restart is never read from old aggregates.
 */
@Component
public class AreaTotals {

	private static final Logger log = LoggerFactory.getLogger(AreaTotals.class);

	/**
	 * The audit entity types of the changes that can change the aggregates: every write
	 * of observations (import and undo, also through {@code TenantFigures}) is recorded
	 * as a {@code cijferimport}.
	 */
	private static final Set<String> VALUE_CHANGES = Set.of("cijferimport", "gebiedsindeling");

	/** The generations (platform, and per tenant) the aggregates were last checked at. */
	private record Checked(long platform, Map<Long, Long> tenants) {
	}

	private record Fingerprint(long rows, BigDecimal imports, long values, String rule) {
	}

	/** What a reader needs of one (scope, indicator) pair: its periods. */
	private record Source(List<String> periods) {
	}

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final Areas areas;

	private final Indicators indicators;

	private final Tenants tenants;

	private final ObservationCache observations;

	private final StatsQueries queries;

	private final TransactionTemplate transaction;

	private final ExecutorService worker = Executors
		.newSingleThreadExecutor(Thread.ofVirtual().name("stats-area-totals").factory());

	private final AtomicBoolean requested = new AtomicBoolean();

	/** One pass at a time. */
	private final ReentrantLock passes = new ReentrantLock();

	/** Changes that may write observations and have not completed yet. */
	private final AtomicInteger inFlight = new AtomicInteger();

	/**
	 * Whether a change that may have written observations completed since the last scan.
	 */
	private volatile boolean scanDue = true;

	/** The indicators' aggregation rules at the last scan (part of what was computed). */
	private volatile Map<Long, String> rules = Map.of();

	private volatile Checked checked;

	/** Off only for a benchmark's baseline (the full read model). */
	private volatile boolean enabled = true;

	private volatile Map<String, Source> sources = Map.of();

	AreaTotals(JdbcClient jdbc, DataSource dataSource, Areas areas, Indicators indicators, Tenants tenants,
			ObservationCache observations, StatsQueries queries, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.areas = areas;
		this.indicators = indicators;
		this.tenants = tenants;
		this.observations = observations;
		this.queries = queries;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Whether readers use the stored aggregates at all (for a benchmark's baseline). */
	void enabled(boolean use) {
		this.enabled = use;
	}

	private static String key(long scopeKey, long indicatorId) {
		return scopeKey + "|" + indicatorId;
	}

	/**
	 * Whether the stored aggregates are current for the scope: checked at the data
	 * generations that are current now. When not, a pass is asked for.
	 */
	boolean usable(Scope scope) {
		if (!enabled) {
			return false;
		}
		Checked at = checked;
		boolean current = at != null && at.platform() == observations.generationOf(0) && (scope.isPlatform()
				|| at.tenants().getOrDefault(scope.key(), -1L) == observations.generationOf(scope.key()));
		if (!current) {
			request();
		}
		return current;
	}

	/**
	 * The periods with stored values (the total) of an indicator in a scope: the
	 * platform's and the tenant's own, oldest first.
	 */
	List<String> periods(Scope scope, long indicatorId) {
		Set<String> periods = new TreeSet<>();
		Source platform = sources.get(key(0, indicatorId));
		if (platform != null) {
			periods.addAll(platform.periods());
		}
		Source tenant = scope.isPlatform() ? null : sources.get(key(scope.key(), indicatorId));
		if (tenant != null) {
			periods.addAll(tenant.periods());
		}
		return List.copyOf(periods);
	}

	/** The scope key whose aggregates a scope reads for an indicator. */
	long aggregateScope(Scope scope, long indicatorId) {
		return !scope.isPlatform() && sources.containsKey(key(scope.key(), indicatorId)) ? scope.key() : 0;
	}

	/**
	 * Every change asks for a pass after it completes. A change that may write
	 * observations ({@link #VALUE_CHANGES}) counts as in flight from now, before its
	 * commit moves the generations on, and leaves a scan to do when it completes: until
	 * then no pass may take the generations as checked without a scan.
	 */
	@EventListener
	void on(DataChanged event) {
		boolean values = VALUE_CHANGES.contains(event.entityType());
		if (values) {
			inFlight.incrementAndGet();
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					completed(values);
				}
			});
		}
		else {
			completed(values);
		}
	}

	private void completed(boolean values) {
		if (values) {
			scanDue = true;
			inFlight.decrementAndGet();
			request();
		}
		else if (!quickPass()) {
			request();
		}
	}

	/**
	 * After a change that cannot write observations (a publication, a description,
	 * another module's data), in the changing thread once the change completed: the pass
	 * without a scan, so that the next report finds the aggregates current instead of
	 * taking the full read model until the background pass has run. False when it cannot
	 * be taken here (a scan is due or running, a value change is in flight, an
	 * aggregation rule changed): then the background pass does the work.
	 */
	private boolean quickPass() {
		try {
			// a background pass without a scan holds the lock for milliseconds
			if (!passes.tryLock(250, TimeUnit.MILLISECONDS)) {
				return false;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		try {
			// a transaction of its own: the changing transaction has completed
			return Boolean.TRUE.equals(transaction.execute(status -> {
				Checked at = generations();
				if (inFlight.get() == 0 && !scanDue && rules().equals(rules)) {
					checked = at;
					return true;
				}
				return false;
			}));
		}
		catch (RuntimeException ex) {
			log.warn("stored area totals not checked after a change: {}", ex.toString());
			return false;
		}
		finally {
			passes.unlock();
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		request();
	}

	/** Asks for a pass; passes asked for while one waits are one. */
	void request() {
		if (requested.compareAndSet(false, true)) {
			worker.execute(() -> {
				requested.set(false);
				try {
					refresh();
				}
				catch (RuntimeException ex) {
					log.warn("stored area totals not refreshed: {}", ex.toString());
				}
			});
		}
	}

	/**
	 * One pass: without a scan when no change since the last one can have written
	 * observations, else with one ({@link #scan}).
	 */
	void refresh() {
		passes.lock();
		try {
			Checked at = generations();
			// only changes that cannot write observations since the last scan, none in
			// flight (read after the generations: a change they include has counted
			// itself in) and the same aggregation rules: the aggregates stay as they are
			if (inFlight.get() == 0 && !scanDue && rules().equals(rules)) {
				checked = at;
				return;
			}
			scan();
		}
		finally {
			passes.unlock();
		}
	}

	private Checked generations() {
		Map<Long, Long> tenantGenerations = new HashMap<>();
		for (Tenant tenant : tenants.all()) {
			tenantGenerations.put(tenant.id(), observations.generationOf(tenant.id()));
		}
		return new Checked(observations.generationOf(0), Map.copyOf(tenantGenerations));
	}

	private Map<Long, String> rules() {
		Map<Long, String> read = new HashMap<>();
		jdbc.sql("select id, aggregation from stats.indicator").query(rs -> {
			read.put(rs.getLong("id"), rs.getString("aggregation"));
		});
		return read;
	}

	/**
	 * A pass with a scan: the generations first (what they cover is committed), then the
	 * fingerprints, then every changed pair computed again.
	 */
	private void scan() {
		scanDue = false;
		Checked at = generations();
		Map<Long, String> rulesNow = rules();
		long started = System.nanoTime();
		Map<String, Fingerprint> now = new HashMap<>();
		jdbc.sql("""
				select coalesce(o.tenant_id, 0) as scope_key, o.indicator_id, count(*) as row_count,
				  sum(coalesce(o.import_id, 0)) as import_sum, coalesce(sum(hashfloat8(o.value)), 0) as value_hash,
				  min(i.aggregation) as aggregation
				from stats.observation o join stats.indicator i on i.id = o.indicator_id
				where o.breakdown = '' group by 1, 2""").query(rs -> {
			now.put(key(rs.getLong("scope_key"), rs.getLong("indicator_id")), new Fingerprint(rs.getLong("row_count"),
					rs.getBigDecimal("import_sum"), rs.getLong("value_hash"), rs.getString("aggregation")));
		});
		Map<String, Fingerprint> stored = new HashMap<>();
		jdbc.sql("""
				select scope_key, indicator_id, row_count, import_sum, value_hash, aggregation
				from stats.area_total_source""").query(rs -> {
			stored.put(key(rs.getLong("scope_key"), rs.getLong("indicator_id")),
					new Fingerprint(rs.getLong("row_count"), rs.getBigDecimal("import_sum"), rs.getLong("value_hash"),
							rs.getString("aggregation")));
		});
		Set<String> changed = new HashSet<>();
		Set<Long> platformChanged = new HashSet<>();
		now.forEach((key, fingerprint) -> {
			Fingerprint before = stored.get(key);
			if (before == null || !Objects.equals(before.rule(), fingerprint.rule())
					|| before.rows() != fingerprint.rows() || before.imports().compareTo(fingerprint.imports()) != 0
					|| before.values() != fingerprint.values()) {
				changed.add(key);
				if (key.startsWith("0|")) {
					platformChanged.add(Long.parseLong(key.substring(2)));
				}
			}
		});
		for (String key : stored.keySet()) {
			if (!now.containsKey(key)) {
				forget(key);
				if (key.startsWith("0|")) {
					platformChanged.add(Long.parseLong(key.substring(2)));
				}
			}
		}
		// a tenant that overlays a platform indicator aggregates the platform's rows too
		now.keySet()
			.stream()
			.filter(key -> !key.startsWith("0|"))
			.filter(key -> platformChanged.contains(Long.parseLong(key.substring(key.indexOf('|') + 1))))
			.forEach(changed::add);
		for (String key : changed) {
			compute(key, now.get(key));
		}
		Map<String, Source> read = new HashMap<>();
		jdbc.sql("select scope_key, indicator_id, periods from stats.area_total_source").query(rs -> {
			read.put(key(rs.getLong("scope_key"), rs.getLong("indicator_id")),
					new Source(List.of((String[]) rs.getArray("periods").getArray())));
		});
		sources = Map.copyOf(read);
		rules = Map.copyOf(rulesNow);
		checked = at;
		if (!changed.isEmpty()) {
			log.info("Stored area totals: {} of {} (scope, indicator) pairs computed again in {} ms", changed.size(),
					now.size(), (System.nanoTime() - started) / 1_000_000);
		}
	}

	private void forget(String key) {
		long scopeKey = Long.parseLong(key.substring(0, key.indexOf('|')));
		long indicatorId = Long.parseLong(key.substring(key.indexOf('|') + 1));
		transaction.executeWithoutResult(status -> {
			jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(2035, (int) indicatorId).query().listOfRows();
			jdbc.sql("delete from stats.area_total where scope_key = ? and indicator_id = ?")
				.params(scopeKey, indicatorId)
				.update();
			jdbc.sql("delete from stats.area_total_source where scope_key = ? and indicator_id = ?")
				.params(scopeKey, indicatorId)
				.update();
		});
	}

	/**
	 * Computes the aggregates of one (scope, indicator) pair with the read model's own
	 * aggregation and replaces the stored ones in one transaction.
	 */
	private void compute(String key, Fingerprint fingerprint) {
		long scopeKey = Long.parseLong(key.substring(0, key.indexOf('|')));
		long indicatorId = Long.parseLong(key.substring(key.indexOf('|') + 1));
		Indicator indicator = indicators.byId(indicatorId).orElse(null);
		if (indicator == null) {
			return;
		}
		Scope scope = scopeKey == 0 ? Scope.platform() : new Scope(scopeKey, "tenant-" + scopeKey, null);
		StatsQueries.Series series = queries.series(scope, indicator, null);
		List<String> periods = StatsQueries.storedPeriods(series);
		List<Area> upper = new ArrayList<>();
		for (Area area : areas.all()) {
			if (!"statsec".equals(area.level())) {
				upper.add(area);
			}
		}
		transaction.executeWithoutResult(status -> {
			jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(2035, (int) indicatorId).query().listOfRows();
			jdbc.sql("delete from stats.area_total where scope_key = ? and indicator_id = ?")
				.params(scopeKey, indicatorId)
				.update();
			if (indicator.isSum()) {
				PostgresCopy.Stream copy = new PostgresCopy.Stream(dataSource,
						"stats.area_total (scope_key, indicator_id, period, area_id, value, direct, stored_within)");
				try {
					for (String period : periods) {
						Set<Long> direct = series.storedAreas(period);
						Map<Long, Integer> within = within(direct);
						for (Area area : upper) {
							Double value = series.number(area, period);
							int inside = within.getOrDefault(area.id(), 0);
							if (value != null || inside > 0) {
								copy.rows()
									.add(scopeKey)
									.add(indicatorId)
									.add(period)
									.add(area.id())
									.add(value)
									.add(direct.contains(area.id()))
									.add(inside)
									.end();
								copy.flushIfFull();
							}
						}
					}
					copy.end();
				}
				catch (RuntimeException ex) {
					copy.cancel();
					throw ex;
				}
			}
			jdbc.sql(
					"""
							insert into stats.area_total_source (scope_key, indicator_id, row_count, import_sum, value_hash,
							  aggregation, periods)
							values (?, ?, ?, ?, ?, ?, ?)
							on conflict (scope_key, indicator_id) do update set row_count = excluded.row_count,
							  import_sum = excluded.import_sum, value_hash = excluded.value_hash, aggregation = excluded.aggregation, periods = excluded.periods,
							  computed_at = now()""")
				.params(scopeKey, indicatorId, fingerprint.rows(), fingerprint.imports(), fingerprint.values(),
						fingerprint.rule(), periods.toArray(String[]::new))
				.update();
		});
	}

	/** Per area, the number of stored values inside it (itself included). */
	private Map<Long, Integer> within(Set<Long> stored) {
		Map<Long, Integer> counts = new HashMap<>();
		for (long id : stored) {
			for (Area a = areas.byId(id); a != null; a = a.parentId() == null ? null : areas.byId(a.parentId())) {
				counts.merge(a.id(), 1, Integer::sum);
			}
		}
		return counts;
	}

}
