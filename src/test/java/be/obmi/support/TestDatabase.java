package be.obmi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import java.util.Comparator;

/**
 * A PostgreSQL 18 owned by a fault test: its own data folder under {@code target/} and a
 * fixed port, so that it can be stopped ({@code pg_ctl stop -m fast}) and started again
 * on the same port and data, as a restarted server would be. The application under test
 * reaches it through {@link #jdbcUrl()}. Closing it deletes the folder.
 */
public final class TestDatabase implements AutoCloseable {

	private final Path dataDir;

	private final int port;

	private EmbeddedPostgres postgres;

	private TestDatabase(Path dataDir, int port) {
		this.dataDir = dataDir;
		this.port = port;
	}

	/** Starts a fresh server in a new folder under {@code target/fault-postgres/}. */
	public static TestDatabase start() {
		Path dir = Path.of("target", "fault-postgres", UUID.randomUUID().toString()).toAbsolutePath();
		TestDatabase database = new TestDatabase(dir, AppProcess.freePort());
		database.startServer();
		return database;
	}

	/** Starts the server (again) on the same port and data folder. */
	public void startServer() {
		try {
			Files.createDirectories(dataDir);
			postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.setPort(port)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("max_connections", "60")
				.setLocaleConfig("locale", "C.UTF-8")
				.setLocaleConfig("encoding", "UTF8")
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stops the server the way an operator or a crash-restart would: fast shutdown, open
	 * connections are cut.
	 */
	public void stopServer() {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		postgres = null;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port + "/postgres";
	}

	/** A client of the test's own, on one connection; close it when done. */
	public Client client() {
		try {
			Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", "");
			return new Client(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One connection of the test with a {@link JdbcClient} on it. */
	public static final class Client implements AutoCloseable {

		private final SingleConnectionDataSource dataSource;

		private final JdbcClient jdbc;

		Client(Connection connection) {
			this.dataSource = new SingleConnectionDataSource(connection, true);
			this.jdbc = JdbcClient.create(dataSource);
		}

		public JdbcClient jdbc() {
			return jdbc;
		}

		public long count(String sql, Object... params) {
			return jdbc.sql(sql).params(params).query(Long.class).single();
		}

		@Override
		public void close() {
			dataSource.destroy();
		}

	}

	/** Stops the server and deletes its data folder. */
	@Override
	public void close() {
		if (postgres != null) {
			stopServer();
		}
		try (var files = Files.walk(dataDir)) {
			files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// leaving the folder under target/ is harmless
		}
	}

}
