package be.obmi.audit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
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
 */
@Component
public class DataGenerations {

	private final AtomicLong any = new AtomicLong();

	private final AtomicLong platform = new AtomicLong();

	private final Map<Long, AtomicLong> tenants = new ConcurrentHashMap<>();

	/** Moves on with every change of any data: for what is not one tenant's. */
	public long any() {
		return any.get();
	}

	/**
	 * Moves on with every change of platform data (tenant id null) and of a tenant's
	 * settings ({@code bestuur}): what every tenant shows.
	 */
	public long platform() {
		return platform.get();
	}

	/** Moves on with every change of the tenant's own data (reading creates nothing). */
	public long tenant(long tenantId) {
		AtomicLong generation = tenants.get(tenantId);
		return generation == null ? 0 : generation.get();
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
		changedElsewhere(event.tenantId(), platformWide(event));
	}

	/**
	 * A change committed by another application instance (told through PostgreSQL, see
	 * {@code platform.cluster.ClusterCacheInvalidation}): moves the same generations on
	 * as that change moved on there.
	 * @param tenantId the tenant whose data changed, or null for platform data
	 * @param platformWide whether what every tenant shows changed (platform data or a
	 * tenant's settings)
	 */
	public void changedElsewhere(Long tenantId, boolean platformWide) {
		if (tenantId != null) {
			tenants.computeIfAbsent(tenantId, id -> new AtomicLong()).incrementAndGet();
		}
		if (tenantId == null || platformWide) {
			platform.incrementAndGet();
		}
		any.incrementAndGet();
	}

	/**
	 * Whether a change moves the generation of the platform's data on (platform data, or
	 * a tenant's settings).
	 */
	public static boolean platformWide(DataChanged event) {
		return event.tenantId() == null || "bestuur".equals(event.entityType());
	}

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		tenants.values().forEach(AtomicLong::incrementAndGet);
		platform.incrementAndGet();
		any.incrementAndGet();
	}

}
