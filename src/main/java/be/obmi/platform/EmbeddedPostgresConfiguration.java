package be.obmi.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * Starts an embedded PostgreSQL 18 when no {@code spring.datasource.url} is configured,
 * so that a newcomer needs nothing but a JDK. The data folder
 * ({@code obmi.embedded-database.data-dir}, default {@code ./data/postgres}) is kept
 * between runs. With a datasource URL the application uses that server and this
 * configuration stays out of the way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	/** The running embedded server and the password of its user {@code postgres}. */
	record EmbeddedDatabase(EmbeddedPostgres postgres, String password) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			postgres.close();
		}

	}

	/**
	 * The server itself, for those who need its port; closed through
	 * {@link EmbeddedDatabase}.
	 */
	@Bean(destroyMethod = "")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabase database) {
		return database.postgres();
	}

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(Environment environment) throws IOException {
		Path dataDir = Path.of(environment.getProperty("obmi.embedded-database.data-dir", "data/postgres"))
			.toAbsolutePath();
		Files.createDirectories(dataDir);
		int port = environment.getProperty("obmi.embedded-database.port", Integer.class, 0);
		log.info("Embedded PostgreSQL starts with data folder {}", dataDir);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("max_connections", "100")
			// sized for the bulk work of the statistics imports and the warehouse (issue
			// 20):
			// index pages of stats.observation stay in memory during a load of millions
			// of
			// rows, and a load does not force a checkpoint (and full-page images) every 1
			// GB
			// of WAL
			.setServerConfig("shared_buffers", "512MB")
			.setServerConfig("max_wal_size", "4GB")
			.setServerConfig("checkpoint_timeout", "15min")
			.setServerConfig("maintenance_work_mem", "256MB")
			.setLocaleConfig("locale", "C.UTF-8")
			.setLocaleConfig("encoding", "UTF8");
		if (port > 0) {
			builder.setPort(port);
		}
		// stopped by the application context after everything that uses it (the event
		// publication registry
		// included), not by a JVM hook of its own that raced the context's shutdown
		builder.setRegisterShutdownHook(false);
		Path secretFile = dataDir.resolve(SECRET_FILE);
		String secret = Files.exists(secretFile) ? Files.readString(secretFile).strip() : null;
		if (secret != null) {
			builder.setConnectConfig("password", secret);
		}
		EmbeddedPostgres postgres = builder.start();
		if (secret == null) {
			secret = requirePassword(postgres, secretFile);
		}
		return new EmbeddedDatabase(postgres, secret);
	}

	/**
	 * The file in the data folder with the generated password of the database user
	 * {@code postgres}.
	 */
	static final String SECRET_FILE = "obmi-database.secret";

	/**
	 * A data folder made by initdb trusts every local connection. The first start (or the
	 * first start of an older data folder) gives the user {@code postgres} a generated
	 * password (SCRAM-SHA-256), keeps it in {@value #SECRET_FILE} readable by the owner
	 * only, and makes every connection authenticate with it.
	 * @return the password
	 */
	private static String requirePassword(EmbeddedPostgres postgres, Path secretFile) throws IOException {
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		String secret = HexFormat.of().formatHex(random);
		Path pending = secretFile.resolveSibling(SECRET_FILE + ".new");
		Files.writeString(pending, secret);
		restrict(pending);
		try (var connection = postgres.getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("set password_encryption = 'scram-sha-256'");
			statement.execute("alter user postgres password '" + secret + "'");
			Path hba = Path.of(hbaFile(statement));
			Files.writeString(hba, """
					# written by OBMi: every connection authenticates with the password in %s
					local all all scram-sha-256
					host  all all 127.0.0.1/32 scram-sha-256
					host  all all ::1/128 scram-sha-256
					""".formatted(SECRET_FILE));
			statement.execute("select pg_reload_conf()");
		}
		catch (SQLException ex) {
			throw new IOException("Could not set the embedded database's password", ex);
		}
		Files.move(pending, secretFile, StandardCopyOption.ATOMIC_MOVE);
		log.info("Embedded PostgreSQL now requires a password (kept in {})", secretFile);
		return secret;
	}

	private static String hbaFile(Statement statement) throws SQLException {
		try (var rs = statement.executeQuery("show hba_file")) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static void restrict(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException notPosix) {
			// Windows: the data folder's own permissions apply
		}
	}

	@Bean
	DataSource dataSource(EmbeddedDatabase database, Environment environment) {
		EmbeddedPostgres postgres = database.postgres();
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPassword(database.password());
		dataSource.setPoolName("obmi-embedded");
		dataSource.setMaximumPoolSize(environment.getProperty("obmi.embedded-database.pool-size", Integer.class, 10));
		// how long a caller waits for a connection; tests shorten it because at JVM exit
		// the embedded server's own
		// shutdown hook may stop PostgreSQL before the pool closes, and late callers
		// would wait this long
		dataSource.setConnectionTimeout(environment
			.getProperty("obmi.embedded-database.connection-timeout", Duration.class, Duration.ofSeconds(30))
			.toMillis());
		return dataSource;
	}

}
