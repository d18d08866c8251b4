package be.obmi.platform.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import be.obmi.audit.DataChanged;
import be.obmi.audit.DataGenerations;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the other application instances about every committed data change, so their
 * caches (everything that reads {@link DataGenerations}: the public response cache, the
 * statistics' observation cache, disclosure decisions) drop what they kept of it within a
 * second. Through PostgreSQL itself, no other service:
 * <ul>
 * <li>after a change commits, a background thread moves the change's scope on in
 * {@code platform.cache_generation} and, in the same statement, sends
 * {@code NOTIFY obmi_data_changed} with this instance's id, the tenant, whether it is
 * platform-wide, the new generation and the primary's WAL position;</li>
 * <li>one connection per instance {@code LISTEN}s and moves the local generations on for
 * every other instance's change;</li>
 * <li>the fallback: every {@code obmi.cluster.generation-check-interval} (1 s) and after
 * a reconnect the listener compares {@code platform.cache_generation} with the
 * generations it saw; a scope that moved on without a notification (the listening
 * connection was down) is moved on here too.</li>
 * </ul>
 * The primary's WAL position lets {@link ReplicaState} keep public reads on the primary
 * until the replica has replayed the change. See
 * {@code docs/adr/0015-cache-invalidation-through-postgresql.md}.
 */
public class ClusterCacheInvalidation implements SmartLifecycle {

	static final String CHANNEL = "obmi_data_changed";

	private static final Logger log = LoggerFactory.getLogger(ClusterCacheInvalidation.class);

	private static final String BUMP = """
			with bumped as (
			  insert into platform.cache_generation (scope, generation) values (?, 1)
			  on conflict (scope) do update set generation = platform.cache_generation.generation + 1, changed_at = now()
			  returning generation)
			select generation, pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint as lsn,
			  pg_notify('obmi_data_changed', ? || '|' || generation || '|' || pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint)
			from bumped""";

	private final String instance = UUID.randomUUID().toString().substring(0, 8);

	private final DataSource dataSource;

	private final DataGenerations generations;

	private final ReplicaState replica;

	private final long checkMillis;

	private final BlockingQueue<DataChanged> outgoing = new LinkedBlockingQueue<>();

	/** The generation of each scope as this instance last saw it in the database. */
	private final Map<String, Long> seen = new HashMap<>();

	private volatile boolean running;

	/** Whether the generation table was read once (the first read only learns). */
	private boolean checked;

	private Thread sender;

	private Thread listener;

	public ClusterCacheInvalidation(DataSource dataSource, DataGenerations generations, ReplicaState replica,
			Duration checkInterval) {
		this.dataSource = dataSource;
		this.generations = generations;
		this.replica = replica;
		this.checkMillis = Math.max(50, checkInterval.toMillis());
	}

	/** The scope of a change in {@code platform.cache_generation}. */
	static String scope(Long tenantId) {
		return tenantId == null ? "platform" : "t" + tenantId;
	}

	@EventListener
	void on(DataChanged event) {
		if (!running) {
			return;
		}
		replica.changePending();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status == STATUS_COMMITTED) {
						outgoing.add(event);
					}
					else {
						replica.changeSettled(0);
					}
				}
			});
		}
		else {
			outgoing.add(event);
		}
	}

	@Override
	public void start() {
		running = true;
		sender = Thread.ofPlatform().daemon().name("obmi-cache-notify").start(this::send);
		listener = Thread.ofPlatform().daemon().name("obmi-cache-listen").start(this::listen);
	}

	@Override
	public void stop() {
		running = false;
		sender.interrupt();
		listener.interrupt();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Sends the committed changes, one statement per change, in order. */
	private void send() {
		while (running) {
			DataChanged event;
			try {
				event = outgoing.take();
			}
			catch (InterruptedException ex) {
				return;
			}
			long lsn = 0;
			try (Connection connection = dataSource.getConnection();
					PreparedStatement bump = connection.prepareStatement(BUMP)) {
				connection.setAutoCommit(true);
				bump.setString(1, scope(event.tenantId()));
				bump.setString(2, instance + "|" + (event.tenantId() == null ? "" : event.tenantId()) + "|"
						+ (DataGenerations.platformWide(event) ? "p" : ""));
				try (ResultSet rs = bump.executeQuery()) {
					if (rs.next()) {
						lsn = rs.getLong("lsn");
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				// the other instances catch up through the generation check once the
				// database is back
				log.warn("Could not tell the other instances about a change: {}", ex.getMessage());
			}
			finally {
				replica.changeSettled(lsn);
			}
		}
	}

	/** Listens for the other instances' changes and checks the generation table. */
	private void listen() {
		while (running) {
			try (Connection connection = dataSource.getConnection()) {
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("listen " + CHANNEL);
				}
				PGConnection pg = connection.unwrap(PGConnection.class);
				check(connection);
				long nextCheck = System.currentTimeMillis() + checkMillis;
				while (running) {
					PGNotification[] notifications = pg.getNotifications((int) checkMillis);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							received(notification.getParameter());
						}
					}
					if (System.currentTimeMillis() >= nextCheck) {
						check(connection);
						nextCheck = System.currentTimeMillis() + checkMillis;
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!running) {
					return;
				}
				log.warn("Listening for other instances' changes failed ({}); trying again", ex.getMessage());
				try {
					TimeUnit.MILLISECONDS.sleep(checkMillis);
				}
				catch (InterruptedException interrupted) {
					return;
				}
			}
		}
	}

	/** {@code instance|tenant|p|generation|lsn}. */
	void received(String payload) {
		String[] parts = payload.split("\\|", -1);
		if (parts.length < 5) {
			return;
		}
		Long tenantId = parts[1].isEmpty() ? null : Long.valueOf(parts[1]);
		long generation = Long.parseLong(parts[3]);
		replica.requireLsn(Long.parseLong(parts[4]));
		synchronized (seen) {
			seen.merge(scope(tenantId), generation, Math::max);
		}
		if (!parts[0].equals(instance)) {
			generations.changedElsewhere(tenantId, "p".equals(parts[2]));
		}
	}

	/**
	 * The fallback: a scope whose generation in the database is ahead of what this
	 * instance saw moved on without a notification reaching this instance.
	 */
	private void check(Connection connection) throws SQLException {
		Map<String, Long> current = new HashMap<>();
		long lsn;
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select scope, generation, "
						+ "pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint as lsn from platform.cache_generation")) {
			lsn = 0;
			while (rs.next()) {
				current.put(rs.getString("scope"), rs.getLong("generation"));
				lsn = rs.getLong("lsn");
			}
		}
		synchronized (seen) {
			boolean first = !checked;
			checked = true;
			for (Map.Entry<String, Long> scope : current.entrySet()) {
				Long before = seen.put(scope.getKey(), scope.getValue());
				if (!first && (before == null || before < scope.getValue())) {
					missed(scope.getKey(), lsn);
				}
			}
		}
	}

	private void missed(String scope, long lsn) {
		replica.requireLsn(lsn);
		// whether it was a tenant's settings is not known here: every tenant's pages are
		// dropped too
		generations.changedElsewhere("platform".equals(scope) ? null : Long.valueOf(scope.substring(1)), true);
	}

}
