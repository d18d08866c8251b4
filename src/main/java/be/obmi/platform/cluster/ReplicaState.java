package be.obmi.platform.cluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Whether public reads may go to the read replica now, as this instance sees it. The
 * replica is used only while all of these hold:
 * <ul>
 * <li>it answered the last check (every {@code obmi.datasource.replica.check-interval}, 1
 * s) and no connection to it failed since;</li>
 * <li>its lag is at most {@code obmi.datasource.replica.max-lag}: the time since the
 * primary was at the WAL position the replica has replayed (measured from the primary's
 * positions at the earlier checks, so an idle primary does not look like a lagging
 * replica);</li>
 * <li>it has replayed every change this instance knows of: a change committed here or
 * told by another instance ({@link ClusterCacheInvalidation}) carries the primary's WAL
 * position after its commit, and until the replica has replayed that far the reads stay
 * on the primary. So a cache never keeps a page read from the replica before the change
 * that moved its generation on.</li>
 * </ul>
 */
public class ReplicaState implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ReplicaState.class);

	private final HikariDataSource replica;

	private final Duration maxLag;

	private final Duration checkInterval;

	private DataSource primary;

	private volatile long lagMillis = Long.MAX_VALUE;

	private final AtomicInteger pending = new AtomicInteger();

	private final AtomicLong required = new AtomicLong();

	/**
	 * The WAL position the replica had replayed at the last good check; -1 while it is
	 * down (or no standby): every required position is at least 0.
	 */
	private volatile long replayed = -1;

	/** The primary's WAL positions at the last checks: (time, position). */
	private final Deque<long[]> positions = new ArrayDeque<>();

	private volatile boolean running;

	private Thread checker;

	/** No replica: every read goes to the primary. */
	public static ReplicaState none() {
		return new ReplicaState(null, Duration.ZERO, Duration.ofSeconds(1));
	}

	public ReplicaState(HikariDataSource replica, Duration maxLag, Duration checkInterval) {
		this.replica = replica;
		this.maxLag = maxLag;
		this.checkInterval = checkInterval;
	}

	/** Whether a replica is configured at all. */
	public boolean configured() {
		return replica != null;
	}

	DataSource replica() {
		return replica;
	}

	void primary(DataSource primary) {
		this.primary = primary;
	}

	/** Whether a public read may go to the replica now. */
	public boolean usable() {
		return replica != null && lagMillis <= maxLag.toMillis() && pending.get() == 0 && replayed >= required.get();
	}

	/** A connection to the replica failed: the primary until the next good check. */
	void failed(Exception ex) {
		if (replayed >= 0) {
			log.warn("The read replica failed ({}); public reads go to the primary", ex.getMessage());
		}
		replayed = -1;
	}

	/** A change is being committed here: the primary until its position is known. */
	void changePending() {
		pending.incrementAndGet();
	}

	/**
	 * The change committed (or was rolled back: position 0) and the primary was at
	 * {@code lsn} after it.
	 */
	void changeSettled(long lsn) {
		requireLsn(lsn);
		pending.decrementAndGet();
	}

	/** The replica must have replayed up to this WAL position before it is read. */
	void requireLsn(long lsn) {
		required.accumulateAndGet(lsn, Math::max);
	}

	/** Checks the replica now (the checker thread, and tests). */
	void check() {
		if (replica == null || primary == null) {
			return;
		}
		try {
			long primaryAt = position(primary, "select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint");
			long now = System.currentTimeMillis();
			long replayedTo = position(replica, "select case when pg_is_in_recovery() "
					+ "then pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::bigint else -1 end");
			synchronized (positions) {
				positions.addLast(new long[] { now, primaryAt });
				while (positions.size() > 2
						&& positions.peekFirst()[0] < now - Math.max(60_000, maxLag.toMillis() * 4)) {
					positions.removeFirst();
				}
				lagMillis = lag(replayedTo, now);
			}
			if (replayed < 0 && replayedTo >= 0) {
				log.info("The read replica answers; lag {} ms", lagMillis);
			}
			replayed = replayedTo;
		}
		catch (SQLException | RuntimeException ex) {
			failed(ex);
		}
	}

	/** The time since the primary was where the replica is now. */
	private long lag(long replayedTo, long now) {
		if (replayedTo < 0) {
			return Long.MAX_VALUE;
		}
		// the positions are in the order of time: the last one the replica has reached
		long caughtUpAt = -1;
		for (long[] position : positions) {
			if (position[1] <= replayedTo) {
				caughtUpAt = position[0];
			}
		}
		if (caughtUpAt == positions.peekLast()[0]) {
			return 0;
		}
		return now - (caughtUpAt < 0 ? positions.peekFirst()[0] : caughtUpAt);
	}

	private static long position(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** The replica's lag at the last check, in milliseconds (for metrics and tests). */
	public long lagMillis() {
		return lagMillis;
	}

	@Override
	public void start() {
		running = true;
		if (replica == null) {
			return;
		}
		checker = Thread.ofPlatform().daemon().name("obmi-replica-check").start(() -> {
			while (running) {
				check();
				try {
					TimeUnit.MILLISECONDS.sleep(checkInterval.toMillis());
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
	}

	@Override
	public void stop() {
		running = false;
		if (checker != null) {
			checker.interrupt();
		}
		if (replica != null) {
			replica.close();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
