package be.obmi.audit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one data generation every cache of derived data reads (the public response cache,
 * the statistics' observation cache and stored disclosure decisions): a number per
 * tenant, one for the platform's data and one for any data, each moved on right after a
 * change ({@link DataChanged}) commits, in the committing thread, so the request that
 * changed something sees it on its next page. A cache keeps the generation it read before
 * it read its data and never uses an entry of an older generation; because every cache
 * reads the same numbers, moved once, no cache has to move on before another.
 * <p>
 * Start-up writers (demo and reference data) write without history: when the start is
 * done every generation moves on once.
 * <p>
 * Publications ({@link DataChanged#addsOnly()}) only add to what the public side shows:
 * for them each scope also remembers when it left each of its last generations and from
 * which generation on no other kind of change happened, so the public response cache can
 * show an answer of an earlier generation for a few seconds while it renders the new one
 * ({@link #onlyAddedSince}, ADR 0018). After {@link GenerationsMoved} is announced.
 */
@Component
public class DataGenerations {

	/** How many of a scope's last moves are remembered (for {@link #onlyAddedSince}). */
	private static final int REMEMBERED = 64;

	private final AtomicLong any = new AtomicLong();

	private final Scope platform = new Scope();

	private final Map<Long, Scope> tenants = new ConcurrentHashMap<>();

	private final ApplicationEventPublisher events;

	DataGenerations(ApplicationEventPublisher events) {
		this.events = events;
	}

	/** Moves on with every change of any data: for what is not one tenant's. */
	public long any() {
		return any.get();
	}

	/**
	 * Moves on with every change of platform data (tenant id null) and of a tenant's
	 * settings ({@code bestuur}): what every tenant shows.
	 */
	public long platform() {
		return platform.generation.get();
	}

	/** Moves on with every change of the tenant's own data (reading creates nothing). */
	public long tenant(long tenantId) {
		Scope scope = tenants.get(tenantId);
		return scope == null ? 0 : scope.generation.get();
	}

	/**
	 * When what was read at these generations stopped being current, if everything that
	 * changed since only added to the public side (publications): the
	 * {@link System#nanoTime()} of the first move after them; {@code Long.MAX_VALUE} when
	 * they are still current; -1 when any other change happened since, or when too many
	 * changes happened since to tell.
	 * @param tenantId the tenant, or null for what only depends on platform data
	 */
	public long onlyAddedSince(Long tenantId, long platformGeneration, long tenantGeneration) {
		long left = platform.onlyAddedSince(platformGeneration);
		if (tenantId == null || left < 0) {
			return left;
		}
		Scope scope = tenants.get(tenantId);
		long tenantLeft = scope == null ? (tenantGeneration == 0 ? Long.MAX_VALUE : -1)
				: scope.onlyAddedSince(tenantGeneration);
		return tenantLeft < 0 ? -1 : Math.min(left, tenantLeft);
	}

	@EventListener
	void on(DataChanged event) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					moveOn(event);
				}
			});
		}
		else {
			moveOn(event);
		}
	}

	void moveOn(DataChanged event) {
		// a tenant's settings change what every tenant shows: never a mere addition
		move(event.tenantId(), platformWide(event), event.addsOnly() && !"bestuur".equals(event.entityType()));
	}

	/**
	 * A change committed by another application instance (told through PostgreSQL, see
	 * {@code platform.cluster.ClusterCacheInvalidation}): moves the same generations on
	 * as that change moved on there (never as a publication: its kind is not told).
	 * @param tenantId the tenant whose data changed, or null for platform data
	 * @param platformWide whether what every tenant shows changed (platform data or a
	 * tenant's settings)
	 */
	public void changedElsewhere(Long tenantId, boolean platformWide) {
		move(tenantId, platformWide, false);
	}

	private void move(Long tenantId, boolean platformWide, boolean addsOnly) {
		if (tenantId != null) {
			tenants.computeIfAbsent(tenantId, id -> new Scope()).move(addsOnly);
		}
		if (tenantId == null || platformWide) {
			platform.move(addsOnly);
		}
		any.incrementAndGet();
		events.publishEvent(new GenerationsMoved(tenantId, tenantId == null || platformWide, addsOnly));
	}

	/**
	 * Whether a change moves the generation of the platform's data on (platform data, or
	 * a tenant's settings).
	 */
	public static boolean platformWide(DataChanged event) {
		return event.tenantId() == null || "bestuur".equals(event.entityType());
	}

	/** Before every other listener of the start: the caches open on these numbers. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void started() {
		tenants.values().forEach(scope -> scope.move(false));
		platform.move(false);
		any.incrementAndGet();
	}

	/** One scope's generation and its last moves. */
	private static final class Scope {

		final AtomicLong generation = new AtomicLong();

		/**
		 * The first generation after the last change that was not a publication: what was
		 * read before it may never be shown again.
		 */
		volatile long retractedBefore;

		/**
		 * When the scope left generation g: {@code left[g % REMEMBERED] = {g, nanos}}.
		 */
		final AtomicReferenceArray<long[]> left = new AtomicReferenceArray<>(REMEMBERED);

		synchronized void move(boolean addsOnly) {
			long current = generation.get();
			if (!addsOnly) {
				// before the generation moves on: a reader that sees the new generation
				// also sees this
				retractedBefore = current + 1;
			}
			left.set((int) (current % REMEMBERED), new long[] { current, System.nanoTime() });
			generation.incrementAndGet();
		}

		long onlyAddedSince(long read) {
			long current = generation.get();
			if (read == current) {
				return Long.MAX_VALUE;
			}
			if (read < retractedBefore || read > current || current - read >= REMEMBERED) {
				return -1;
			}
			long[] move = left.get((int) (read % REMEMBERED));
			return move != null && move[0] == read ? move[1] : -1;
		}

	}

}
