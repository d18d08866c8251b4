package be.obmi.stats;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import be.obmi.audit.DataChanged;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The stored values of an indicator (per period, or all periods) as read from
 * {@code stats.observation}, kept in memory so that dashboards, maps and area profiles do
 * not read the same tens of thousands of rows for every request (Flanders' total is
 * aggregated from every sector). Platform values and a tenant's own values are kept
 * apart, so every tenant shares the platform's rows. A change ({@link DataChanged}) of
 * the platform's or a tenant's data moves that scope's generation on right after it
 * commits, before the public response cache moves on (see {@link #getOrder}); an entry of
 * an older generation is never used.
 */
@Component
class ObservationCache {

	/** Rows by period, then by area id. */
	record Rows(Map<String, Map<Long, StatsQueries.Obs>> byPeriod, long count) {
	}

	private record Entry(long generation, Rows rows) {
	}

	private final Cache<String, Entry> entries;

	private final Map<Long, AtomicLong> generations = new ConcurrentHashMap<>();

	ObservationCache(@Value("${obmi.cache.stats-observations.max-rows:1000000}") long maxRows) {
		this.entries = Caffeine.newBuilder()
			.maximumWeight(maxRows)
			.weigher((String key, Entry e) -> (int) Math.min(Integer.MAX_VALUE, e.rows().count() + 1))
			.build();
	}

	/**
	 * The rows of one scope ({@code 0} for the platform) from the cache, or from
	 * {@code load} (then kept).
	 * @param period null for all periods
	 */
	Rows get(long scopeKey, long indicatorId, String period, String breakdown, Supplier<Rows> load) {
		String key = scopeKey + "|" + indicatorId + "|" + (period == null ? "" : period) + "|" + breakdown;
		AtomicLong generation = generation(scopeKey);
		Entry entry = entries.getIfPresent(key);
		long current = generation.get();
		if (entry != null && entry.generation() == current) {
			return entry.rows();
		}
		// the generation is read before the rows: rows read while a change commits are
		// stored as already old
		Rows rows = load.get();
		entries.put(key, new Entry(current, rows));
		return rows;
	}

	/**
	 * Merges a tenant's own rows over the platform's (tenant values override platform
	 * values).
	 */
	static Rows overlay(Rows platform, Rows tenant) {
		if (tenant.count() == 0) {
			return platform;
		}
		Map<String, Map<Long, StatsQueries.Obs>> merged = new HashMap<>();
		platform.byPeriod().forEach((period, values) -> merged.put(period, new HashMap<>(values)));
		tenant.byPeriod()
			.forEach((period, values) -> merged.computeIfAbsent(period, p -> new HashMap<>()).putAll(values));
		return new Rows(merged, platform.count() + tenant.count());
	}

	/**
	 * The data generation of a scope ({@code 0} for the platform): moved on right after
	 * every change of its data commits. Whatever is derived from a scope's values
	 * ({@link DisclosureControl}) is keyed by it too.
	 */
	long generationOf(long scopeKey) {
		return generation(scopeKey).get();
	}

	private AtomicLong generation(long scopeKey) {
		return generations.computeIfAbsent(scopeKey, k -> new AtomicLong());
	}

	/**
	 * Start-up writers (demo and reference data) write without history: start with an
	 * empty cache.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void clear() {
		entries.invalidateAll();
		generations.values().forEach(AtomicLong::incrementAndGet);
	}

	@EventListener
	void on(DataChanged event) {
		long scopeKey = event.tenantId() == null ? 0 : event.tenantId();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					generation(scopeKey).incrementAndGet();
				}

				/**
				 * Before the public response cache moves on, so no page is rendered from
				 * old rows under the new generation.
				 */
				@Override
				public int getOrder() {
					return Ordered.HIGHEST_PRECEDENCE;
				}
			});
		}
		else {
			generation(scopeKey).incrementAndGet();
		}
	}

}
