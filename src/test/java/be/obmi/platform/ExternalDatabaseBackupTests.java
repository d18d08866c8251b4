package be.obmi.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import be.obmi.Application;
import be.obmi.support.DatabaseFingerprint;
import be.obmi.tenancy.Tenants;
import be.obmi.warehouse.WarehouseRebuild;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backup procedure of {@code docs/operations.md} for an external PostgreSQL, for
 * real: OBMi runs against its own PostgreSQL cluster from the operating system's packages
 * (Debian's {@code postgresql-15}: the oldest version OBMi supports, so the migrations
 * and the warehouse build are proven on it too), loads the demo data of every tenant and
 * builds the warehouse; then {@code pg_dumpall --roles-only} and
 * {@code pg_dump --format=custom}; the whole cluster is deleted and a new, empty one
 * created; the roles and the dump ({@code pg_restore}) are put back, and every table
 * (plan, statistics, finance, audit history, accounts, tenants, warehouse, Flyway's
 * history) and every sequence is compared with what was there before. Finally OBMi starts
 * on the restored database.
 * <p>
 * Skipped only when no PostgreSQL server binaries are installed under
 * {@code /usr/lib/postgresql/<version>/bin} (or {@code OBMI_TEST_POSTGRES_BIN});
 * {@code .ci/run} installs {@code postgresql-15}, so in CI it always runs.
 */
class ExternalDatabaseBackupTests {

	private static final Logger log = LoggerFactory.getLogger(ExternalDatabaseBackupTests.class);

	private static Path bin;

	private static Path work;

	private static Path cluster;

	private static int port;

	@BeforeAll
	static void startCluster() throws Exception {
		Optional<Path> found = serverBinaries();
		Assumptions.assumeTrue(found.isPresent(),
				"no PostgreSQL server binaries (initdb, pg_ctl, pg_dump, pg_restore) under /usr/lib/postgresql/*/bin");
		bin = found.get();
		work = Path.of("target", "backup-external-" + UUID.randomUUID()).toAbsolutePath();
		cluster = work.resolve("cluster");
		Files.createDirectories(work);
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		newCluster();
		sql("postgres", "create database obmi");
	}

	/** An empty PostgreSQL cluster in {@code cluster}, started. */
	private static void newCluster() throws Exception {
		server("initdb", "-D", cluster.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8");
		server("pg_ctl", "-D", cluster.toString(), "-w", "-t", "60", "-l", work.resolve("server.log").toString(), "-o",
				"-p " + port + " -c listen_addresses=localhost -k " + work, "start");
	}

	@AfterAll
	static void stopCluster() throws Exception {
		if (cluster != null && Files.exists(cluster.resolve("postmaster.pid"))) {
			server("pg_ctl", "-D", cluster.toString(), "-m", "fast", "-w", "stop");
		}
		if (work != null) {
			delete(work);
		}
	}

	private static void delete(Path folder) throws IOException {
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	@Test
	void dumpWipeRestoreIntoANewServerGivesBackEveryRowOfEveryTenant() throws Exception {
		try (ConfigurableApplicationContext app = start()) {
			assertThat(app.getBean(Tenants.class).all()).hasSize(14);
			assertThat(app.getBean(WarehouseRebuild.class).rebuild("test").succeeded()).as("warehouse built").isTrue();
		}
		DatabaseFingerprint before = fingerprint();
		assertThat(before.tables()).containsKeys("plan.plan_item", "stats.observation", "finance.finance_line",
				"audit.audit_event", "identity.user_account", "tenancy.tenant");
		assertThat(before.tables().get("plan.plan_item")).doesNotStartWith("rows=0,");
		assertThat(before.tables().get("audit.audit_event")).doesNotStartWith("rows=0,");

		assertThat(before.tables().get("warehouse.fact_observation")).doesNotStartWith("rows=0,");

		// the backup: the roles (the warehouse's BI roles are granted rights) and the
		// database
		Path roles = work.resolve("roles.sql");
		Path dump = work.resolve("obmi.dump");
		long started = System.nanoTime();
		client("pg_dumpall", "--roles-only", "--file=" + roles, "--host=localhost", "--port=" + port,
				"--username=postgres");
		client("pg_dump", "--format=custom", "--file=" + dump, "--host=localhost", "--port=" + port,
				"--username=postgres", "obmi");
		long dumped = System.nanoTime();

		// the server is lost: a new, empty one
		server("pg_ctl", "-D", cluster.toString(), "-m", "fast", "-w", "stop");
		delete(cluster);
		newCluster();
		long restoreStarted = System.nanoTime();
		client("psql", "--quiet", "--host=localhost", "--port=" + port, "--username=postgres", "--dbname=postgres",
				"--file=" + roles);
		sql("postgres", "create database obmi");
		assertThat(fingerprint().tables()).as("the new database is empty").isEmpty();
		client("pg_restore", "--exit-on-error", "--single-transaction", "--dbname=obmi", "--host=localhost",
				"--port=" + port, "--username=postgres", dump.toString());
		long restored = System.nanoTime();
		log.info("pg_dump of {} rows in {} tables: {} bytes in {} ms; restore into a new cluster in {} ms",
				before.rows(), before.rowsOnly().size(), Files.size(dump), (dumped - started) / 1_000_000,
				(restored - restoreStarted) / 1_000_000);

		DatabaseFingerprint after = fingerprint();
		assertThat(after.tables()).containsExactlyEntriesOf(before.tables());

		try (ConfigurableApplicationContext app = start()) {
			assertThat(app.getBean(Tenants.class).all()).as("OBMi starts on the restored database").hasSize(14);
		}
		// (a start moves the account sequence on: the demo accounts are upserted; the
		// rows stay the same; the scheduled jobs' locks in schema platform move with
		// every run of a job; the area report's aggregates are computed again after a
		// start, and the start marks the warehouse for a statistics pass:
		// DatabaseFingerprint.BACKGROUND_STATE)
		assertThat(fingerprint().withoutBackgroundState().rowsOnly())
			.as("a start on the restored data loads no demo data twice")
			.containsExactlyEntriesOf(before.withoutBackgroundState().rowsOnly());

		// the comparison sees a single changed character in a single row
		sql("obmi",
				"update audit.audit_event set actor = actor || 'x' where id = (select max(id) from audit.audit_event)");
		Map<String, String> tampered = fingerprint().withoutBackgroundState().rowsOnly();
		Map<String, String> untouched = before.withoutBackgroundState().rowsOnly();
		assertThat(tampered.keySet().stream().filter(t -> !tampered.get(t).equals(untouched.get(t))))
			.containsExactly("audit.audit_event");
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(Application.class).profiles("test")
			.run("--spring.datasource.url=" + url("obmi"), "--spring.datasource.username=postgres", "--server.port=0",
					"--obmi.log-dir=target/test-logs");
	}

	private static DatabaseFingerprint fingerprint() throws SQLException {
		try (Connection connection = DriverManager.getConnection(url("obmi"), "postgres", "")) {
			return DatabaseFingerprint.of(connection, DatabaseFingerprint.ALL_SCHEMAS);
		}
	}

	private static String url(String database) {
		return "jdbc:postgresql://localhost:" + port + "/" + database;
	}

	private static void sql(String database, String statement) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url(database), "postgres", "")) {
			connection.createStatement().execute(statement);
		}
	}

	/** The newest installed PostgreSQL (15 or later) with server and client programs. */
	static Optional<Path> serverBinaries() throws IOException {
		String configured = System.getenv("OBMI_TEST_POSTGRES_BIN");
		if (configured != null && !configured.isBlank()) {
			return Optional.of(Path.of(configured)).filter(ExternalDatabaseBackupTests::complete);
		}
		Path root = Path.of("/usr/lib/postgresql");
		if (!Files.isDirectory(root)) {
			return Optional.empty();
		}
		try (Stream<Path> versions = Files.list(root)) {
			return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
				.filter(v -> Integer.parseInt(v.getFileName().toString()) >= 15)
				.sorted(Comparator.comparing((Path v) -> Integer.parseInt(v.getFileName().toString())).reversed())
				.map(v -> v.resolve("bin"))
				.filter(ExternalDatabaseBackupTests::complete)
				.findFirst();
		}
	}

	private static boolean complete(Path bin) {
		return Stream.of("initdb", "pg_ctl", "postgres", "psql", "pg_dump", "pg_dumpall", "pg_restore")
			.allMatch(p -> Files.isExecutable(bin.resolve(p)));
	}

	/**
	 * A server program: PostgreSQL refuses to run as root, so as root it runs in a new
	 * user namespace ({@code unshare --user}, as the embedded PostgreSQL does), where it
	 * is not root.
	 */
	private static void server(String program, String... arguments) throws Exception {
		List<String> command = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			command.addAll(List.of("unshare", "--user"));
		}
		command.add(bin.resolve(program).toString());
		command.addAll(List.of(arguments));
		run(command);
	}

	private static void client(String program, String... arguments) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(bin.resolve(program).toString());
		command.addAll(List.of(arguments));
		run(command);
	}

	private static void run(List<String> command) throws Exception {
		Path output = work.resolve(Path.of(command.getLast()).getFileName() + "-" + UUID.randomUUID() + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finishes", command).isTrue();
		assertThat(process.exitValue()).as("%s exits with 0; output: %s", command, Files.readString(output)).isZero();
	}

}
