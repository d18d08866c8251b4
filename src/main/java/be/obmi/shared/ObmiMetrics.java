package be.obmi.shared;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import java.util.Locale;

/**
 * OBMi's own Micrometer meters, named in one place ({@code docs/operations.md} lists them
 * with their tags; Prometheus shows the dots as underscores, timers with
 * {@code _seconds}, counters with {@code _total}). What succeeds is counted only once its
 * transaction has committed, so a rolled-back import or transition is never counted as
 * done.
 */
@Component
public class ObmiMetrics {

	/**
	 * Timer of file imports. Tags: {@code module} (plan, stats, finance), {@code tenant},
	 * {@code outcome}.
	 */
	public static final String IMPORTS = "obmi.imports";

	/**
	 * Counter of the rows of accepted import files. Tags: {@code module}, {@code tenant}.
	 */
	public static final String IMPORT_ROWS = "obmi.import.rows";

	/**
	 * Counter of status-update transitions in status rounds. Tags: {@code tenant},
	 * {@code transition}.
	 */
	public static final String ROUND_TRANSITIONS = "obmi.plan.round.transitions";

	/**
	 * Timer of full warehouse rebuilds. Tags: {@code trigger}, {@code outcome} (ok,
	 * failed).
	 */
	public static final String WAREHOUSE_REBUILDS = "obmi.warehouse.rebuilds";

	/**
	 * Gauge: when the last full warehouse rebuild succeeded, in seconds since 1970
	 * (absent: never).
	 */
	public static final String WAREHOUSE_LAST_SUCCESS = "obmi.warehouse.rebuild.last.success";

	/** Timer of the warehouse's catch-up with one tenant's changes between rebuilds. */
	public static final String WAREHOUSE_REFRESHES = "obmi.warehouse.refreshes";

	/**
	 * Counter of notification e-mails handed to the mail server. Tags: {@code kind}
	 * (round-opened, reminder, returned, approved, digest), {@code outcome} (sent,
	 * failed).
	 */
	public static final String MAILS = "obmi.notification.mails";

	/**
	 * How an import ended: accepted, refused with errors (nothing changed), failed
	 * otherwise, or undone later.
	 */
	public enum ImportOutcome {

		OK, REJECTED, FAILED, UNDONE;

		String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * A status update's step in its round: submitted, approved, sent back or published.
	 */
	public enum RoundTransition {

		INGEDIEND, GOEDGEKEURD, TERUGGESTUURD, GEPUBLICEERD;

		String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final MeterRegistry registry;

	public ObmiMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	public MeterRegistry registry() {
		return registry;
	}

	/**
	 * Runs an import and records its duration and outcome: {@code ok} with its row count
	 * when it returns (after the commit), {@code rejected} when it throws
	 * {@code rejection}, {@code failed} for any other exception.
	 */
	public <T> T timeImport(String module, String tenant, Class<? extends RuntimeException> rejection, Supplier<T> work,
			ToLongFunction<T> rows) {
		long started = System.nanoTime();
		try {
			T result = work.get();
			long count = rows.applyAsLong(result);
			afterCommit(() -> {
				importTimer(module, tenant, ImportOutcome.OK).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
				registry.counter(IMPORT_ROWS, "module", module, "tenant", tenant).increment(count);
			});
			return result;
		}
		catch (RuntimeException ex) {
			ImportOutcome outcome = rejection.isInstance(ex) ? ImportOutcome.REJECTED : ImportOutcome.FAILED;
			importTimer(module, tenant, outcome).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			throw ex;
		}
	}

	/**
	 * Runs the undo of a whole import and records it (after the commit) as outcome
	 * {@code undone}.
	 */
	public <T> T timeUndo(String module, String tenant, Supplier<T> work) {
		long started = System.nanoTime();
		T result = work.get();
		afterCommit(() -> importTimer(module, tenant, ImportOutcome.UNDONE).record(System.nanoTime() - started,
				TimeUnit.NANOSECONDS));
		return result;
	}

	/** Counts a status update's transition once its transaction has committed. */
	public void roundTransition(String tenant, RoundTransition transition) {
		afterCommit(() -> registry.counter(ROUND_TRANSITIONS, "tenant", tenant, "transition", transition.tag())
			.increment());
	}

	/** Records a full warehouse rebuild. */
	public void warehouseRebuilt(String trigger, boolean succeeded, long millis) {
		Timer.builder(WAREHOUSE_REBUILDS)
			.tag("trigger", trigger)
			.tag("outcome", succeeded ? "ok" : "failed")
			.register(registry)
			.record(millis, TimeUnit.MILLISECONDS);
	}

	/** Records the warehouse's catch-up with one tenant. */
	public void warehouseRefreshed(long nanos) {
		registry.timer(WAREHOUSE_REFRESHES).record(nanos, TimeUnit.NANOSECONDS);
	}

	/** Counts a notification e-mail, sent or failed. */
	public void mail(String kind, boolean sent) {
		registry.counter(MAILS, "kind", kind, "outcome", sent ? "sent" : "failed").increment();
	}

	private Timer importTimer(String module, String tenant, ImportOutcome outcome) {
		return registry.timer(IMPORTS, "module", module, "tenant", tenant, "outcome", outcome.tag());
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

	// pirk (P3): reads of owner data

	/**
	 * Counter of reads of PIRK's owner data (one per case shown, as logged in
	 * {@code pirk.owner_access}). Tags: {@code tenant}, {@code purpose}.
	 */
	public static final String PIRK_OWNER_READS = "obmi.pirk.owner.reads";

	/** Counts reads of owner data (each case shown once). */
	public void ownerDataRead(String tenant, String purpose, int cases) {
		registry.counter(PIRK_OWNER_READS, "tenant", tenant, "purpose", purpose).increment(cases);
	}

}
