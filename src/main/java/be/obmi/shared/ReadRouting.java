package be.obmi.shared;

import java.util.function.Supplier;

/**
 * Where the current thread's database reads may go: the primary (the default, for every
 * write, every logged-in user, every background job) or, during an anonymous request of a
 * public route, the read replica ({@code obmi.datasource.replica.*}, see
 * {@code docs/adr/0016-read-replica-routing.md}). The routing data source asks this when
 * a connection is actually taken; a transaction that is not read-only always gets the
 * primary. Code that writes outside a transaction during such a request (a rate-limit
 * bucket) wraps that work in {@link #onPrimary}.
 */
public final class ReadRouting {

	private static final ThreadLocal<Boolean> REPLICA_ALLOWED = new ThreadLocal<>();

	private ReadRouting() {
	}

	/** Whether the current thread may read from the replica. */
	public static boolean replicaAllowed() {
		return Boolean.TRUE.equals(REPLICA_ALLOWED.get());
	}

	/** Runs the work with reads allowed on the replica (an anonymous public request). */
	public static void publicRead(ThrowingRunnable work) throws Exception {
		Boolean before = REPLICA_ALLOWED.get();
		REPLICA_ALLOWED.set(Boolean.TRUE);
		try {
			work.run();
		}
		finally {
			restore(before);
		}
	}

	/** Runs the work on the primary, also inside an anonymous public request. */
	public static <T> T onPrimary(Supplier<T> work) {
		Boolean before = REPLICA_ALLOWED.get();
		REPLICA_ALLOWED.set(Boolean.FALSE);
		try {
			return work.get();
		}
		finally {
			restore(before);
		}
	}

	private static void restore(Boolean before) {
		if (before == null) {
			REPLICA_ALLOWED.remove();
		}
		else {
			REPLICA_ALLOWED.set(before);
		}
	}

	/** Work that may throw what a servlet filter throws. */
	@FunctionalInterface
	public interface ThrowingRunnable {

		void run() throws Exception;

	}

}
