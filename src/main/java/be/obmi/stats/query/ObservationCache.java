package be.obmi.stats.query;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import be.obmi.audit.DataGenerations;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The stored values of an indicator (per period, or all periods) as read from
 * {@code stats.observation}, kept in memory so that dashboards, maps and area profiles do
 * not read the same tens of thousands of rows for every request (Flanders' total is
 * aggregated from every sector). Platform values and a tenant's own values are kept
 * apart, so every tenant shares the platform's rows. Every entry carries the scope's
 * {@link DataGenerations data generation} read before its rows; an entry of an older
 * generation is never used.
 */
@Component
public class ObservationCache {

	/** Rows by period, then by area id. */
	record Rows(Map<String, Map<Long, StatsQueries.Obs>> byPeriod, long count) {
	}

	private record Entry(long generation, Rows rows) {
	}

	private final Cache<String, Entry> entries;

	private final DataGenerations generations;

	ObservationCache(DataGenerations generations,
			@Value("${obmi.cache.stats-observations.max-rows:1000000}") long maxRows) {
		this.generations = generations;
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
		// the generation is read before the rows: rows read while a change commits are
		// stored as already old
		long current = generationOf(scopeKey);
		Entry entry = entries.getIfPresent(key);
		if (entry != null && entry.generation() == current) {
			return entry.rows();
		}
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
	 * The data generation of a scope ({@code 0} for the platform). Whatever is derived
	 * from a scope's values ({@link DisclosureControl}) is keyed by it too.
	 */
	public long generationOf(long scopeKey) {
		return scopeKey == 0 ? generations.platform() : generations.tenant(scopeKey);
	}

}
