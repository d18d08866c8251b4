package be.obmi.shared;

import java.sql.SQLException;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import java.util.HashSet;
import java.util.Set;

/**
 * Serialises the imports, undos and workflow steps of one scope (a tenant, or the
 * platform's statistics): the first thing such a transaction does is take a PostgreSQL
 * advisory lock on (kind, scope), held until it commits or rolls back. A second one waits
 * for it, at most {@code obmi.imports.lock-wait} (30 s), and then gets a
 * {@link ConcurrentChangeException} ({@code lock.refused.busy.*}, answered 409) — it
 * never runs beside the first, so no reply reports changes that another transaction
 * undid, and no state it checked (an open round, an undoable import) can change before it
 * commits. The lock is PostgreSQL's, so it holds across application instances too.
 */
@Component
public class ScopeLock {

	/** What is serialised per scope. */
	public enum Kind {

		/**
		 * statistics: imports (files, tables, catalogue, area sets), undo, publication
		 */
		STATISTICS(1101, "lock.refused.busy.statistics"),
		/**
		 * plan: plan imports and their undo, indicator and status imports, archive,
		 * restore and delete, plan versions, status-round steps
		 */
		PLAN(1102, "lock.refused.busy.plan"),
		/** finance: imports and undo */
		FINANCE(1103, "lock.refused.busy.finance"),
		/** pirk: register imports and their undo, the work queue's links */
		PIRK(1104, "lock.refused.busy.pirk"),
		/** buildings: process-record imports and their undo (register-gap indicator) */
		BUILDINGS(1110, "lock.refused.busy.buildings"),
		/**
		 * buildings: Schillenboek fiche saves, imports and workflow steps (platform-wide)
		 */
		SCHILLENBOEK(1111, "lock.refused.busy.schillenboek"),
		/** rights: the non-take-up batch of a tenant */
		RIGHTS(1112, "lock.refused.busy.rights"),
		/** rights: a city's LPDC imports into its catalogue of rights */
		RIGHTS_CATALOGUE(1120, "lock.refused.busy.rightsCatalogue"),
		/** population: register-extract imports and derivations of statistics */
		POPULATION(1130, "lock.refused.busy.population");

		private final int key;

		/** The message code of the refusal when the lock stays taken. */
		private final String busy;

		Kind(int key, String busy) {
			this.key = key;
			this.busy = busy;
		}

	}

	/** The transaction-bound set of locks this transaction holds already. */
	private static final Object HELD = new Object();

	private final JdbcClient jdbc;

	private final Duration wait;

	ScopeLock(JdbcClient jdbc, @Value("${obmi.imports.lock-wait:30s}") Duration wait) {
		this.jdbc = jdbc;
		this.wait = wait;
	}

	/**
	 * Takes the lock of {@code kind} for the scope in the current transaction (must be
	 * called inside one); waits for another holder at most the configured time.
	 * @param scopeKey the tenant id, 0 for the platform
	 * @throws ConcurrentChangeException when another transaction kept the lock longer
	 * than the wait
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void acquire(Kind kind, long scopeKey) {
		// held until the transaction ends: a second call in the same transaction (an
		// import calling a step per row)
		// costs nothing
		@SuppressWarnings("unchecked")
		Set<String> held = (Set<String>) TransactionSynchronizationManager.getResource(HELD);
		if (held == null) {
			Set<String> fresh = new HashSet<>();
			TransactionSynchronizationManager.bindResource(HELD, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(HELD);
				}
			});
			held = fresh;
		}
		if (!held.add(kind.name() + "|" + scopeKey)) {
			return;
		}
		jdbc.sql("select set_config('lock_timeout', ?, true)")
			.param(wait.toMillis() + "ms")
			.query(String.class)
			.single();
		try {
			jdbc.sql("select pg_advisory_xact_lock(?, ?)")
				.params(kind.key, Math.toIntExact(scopeKey))
				.query((rs, n) -> 1)
				.list();
		}
		catch (DataAccessException ex) {
			if (ex.getMostSpecificCause() instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
				throw new ConcurrentChangeException(Reason.of(kind.busy));
			}
			throw ex;
		}
		jdbc.sql("select set_config('lock_timeout', '0', true)").query(String.class).single();
	}

}
