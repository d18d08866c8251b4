package be.obmi.identity;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Function;

import javax.sql.DataSource;

import be.obmi.shared.DatabaseFailure;
import be.obmi.shared.ReadRouting;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The token buckets of the rate limits (failed logins, anonymous API requests), shared by
 * every application instance: Bucket4j's PostgreSQL backend on
 * {@code identity.rate_limit_bucket}, one row per limit and client address, changed under
 * {@code select ... for update}. So a client that spreads its requests over the instances
 * behind the load balancer gets the same limit as against one instance. With
 * {@code obmi.rate-limits.store=memory}, or while the database cannot be reached, each
 * instance counts in its own memory (the limit then holds per instance).
 */
public final class SharedBuckets {

	private static final Logger log = LoggerFactory.getLogger(SharedBuckets.class);

	private final ProxyManager<String> database;

	private final JdbcClient jdbc;

	private final Cache<String, Bucket> local = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofMinutes(10))
		.maximumSize(100_000)
		.build();

	/**
	 * Buckets in this instance's memory only (tests of a single instance, or by choice).
	 */
	public static SharedBuckets inMemory() {
		return new SharedBuckets(null);
	}

	/** Buckets in PostgreSQL; {@code dataSource} is the primary's. */
	public SharedBuckets(DataSource dataSource) {
		this.jdbc = dataSource == null ? null : JdbcClient.create(dataSource);
		this.database = dataSource == null ? null
				: Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
					.primaryKeyMapper(PrimaryKeyMapper.STRING)
					.table("identity.rate_limit_bucket")
					.idColumn("id")
					.stateColumn("state")
					.expiresAtColumn("expires_at")
					.expirationAfterWrite(
							ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
					.build();
	}

	/** Takes one token from the bucket of {@code key}. */
	public ConsumptionProbe consume(String key, BucketConfiguration configuration) {
		return call(key, configuration, bucket -> bucket.tryConsumeAndReturnRemaining(1));
	}

	/** Takes one token if there is one left (a failed attempt). */
	public void spend(String key, BucketConfiguration configuration) {
		call(key, configuration, bucket -> bucket.tryConsume(1));
	}

	/** Whether a token is left, and if not how long until there is one. */
	public EstimationProbe estimate(String key, BucketConfiguration configuration) {
		return call(key, configuration, bucket -> bucket.estimateAbilityToConsume(1));
	}

	private <T> T call(String key, BucketConfiguration configuration, Function<Bucket, T> work) {
		if (database != null) {
			try {
				// also during an anonymous request whose reads may go to the replica
				return ReadRouting.onPrimary(() -> work.apply(database.getProxy(key, () -> configuration)));
			}
			catch (RuntimeException ex) {
				if (DatabaseFailure.of(ex).isEmpty() && !(ex.getCause() instanceof SQLException)) {
					throw ex;
				}
				log.warn("Rate limit counted in memory: the database could not be asked ({})", ex.getMessage());
			}
		}
		return work.apply(local.get(key, k -> {
			var builder = Bucket.builder();
			for (Bandwidth bandwidth : configuration.getBandwidths()) {
				builder.addLimit(bandwidth);
			}
			return builder.build();
		}));
	}

	/** Deletes the buckets that are full again (nothing to remember). */
	public int forgetFullBuckets() {
		if (jdbc == null) {
			return 0;
		}
		return jdbc.sql("delete from identity.rate_limit_bucket where expires_at < ?")
			.param(System.currentTimeMillis())
			.update();
	}

}
