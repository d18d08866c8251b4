package be.obmi.shared;

import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Counts per day and key kept in memory until they are written (the knowledge portal's
 * page views, the use of the rights questionnaire): counting costs no database write.
 * {@link #drain} hands each key's count since the last drain to the writer, and forgets
 * the keys of past days that counted nothing since (no count of that day comes any more).
 *
 * @param <K> what is counted within a day
 */
public final class DailyCounts<K> {

	/** A key on a day. */
	public record Entry<K>(LocalDate day, K key) {
	}

	private final ConcurrentHashMap<Entry<K>, AtomicLong> pending = new ConcurrentHashMap<>();

	/** Counts one of {@code key} on {@code day}. */
	public void add(LocalDate day, K key) {
		pending.computeIfAbsent(new Entry<>(day, key), entry -> new AtomicLong()).incrementAndGet();
	}

	/** Hands every count since the last drain to {@code write}. */
	public void drain(LocalDate today, BiConsumer<Entry<K>, Long> write) {
		pending.forEach((entry, count) -> {
			long added = count.getAndSet(0);
			if (added > 0) {
				write.accept(entry, added);
			}
			else if (entry.day().isBefore(today)) {
				pending.remove(entry, count);
			}
		});
	}

}
