package be.obmi.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import be.obmi.Application;
import be.obmi.support.DatabaseFingerprint;
import be.obmi.tenancy.Tenants;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;

/**
 * The two backup procedures of {@code docs/operations.md} for the embedded PostgreSQL,
 * which need no programs beyond the ones OBMi brings: an online copy of the data folder
 * between {@code pg_backup_start} and {@code pg_backup_stop} while OBMi runs, and a copy
 * of the data folder while OBMi is stopped. Each copy is restored into an emptied folder
 * and started, and every table and sequence is compared with the original.
 */
class EmbeddedDatabaseBackupTests {

	/**
	 * What {@code pg_basebackup} leaves out too: run-time state that a starting server
	 * recreates.
	 */
	private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "pg_wal",
			"pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseBackupTests.class);

	private final Path work = Path.of("target", "backup-embedded-" + UUID.randomUUID()).toAbsolutePath();

	@AfterEach
	void removeFolders() throws IOException {
		delete(work);
	}

	@Test
	void onlineAndStoppedCopiesOfTheDataFolderGiveBackEveryRow() throws Exception {
		Path data = work.resolve("postgres");
		Path online = work.resolve("backup-online");
		Path offline = work.resolve("backup-offline");
		Path scripted = work.resolve("backup-script");
		Optional<Path> psql = psql();
		DatabaseFingerprint live;

		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).profiles("test")
			.run("--obmi.embedded-database.data-dir=" + data, "--server.port=0", "--obmi.log-dir=target/test-logs")) {
			assertThat(app.getBean(Tenants.class).all()).hasSize(14);
			DataSource dataSource = app.getBean(DataSource.class);
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				long started = System.nanoTime();
				statement.execute("select pg_backup_start('obmi', true)");
				copy(data, online, LEFT_OUT);
				try (ResultSet stop = statement
					.executeQuery("select labelfile, spcmapfile from pg_backup_stop(false)")) {
					stop.next();
					Files.writeString(online.resolve("backup_label"), stop.getString("labelfile"));
					assertThat(stop.getString("spcmapfile")).as("no tablespaces").isEmpty();
				}
				copy(data.resolve("pg_wal"), online.resolve("pg_wal"), Set.of());
				log.info("Online copy of the embedded data folder: {} bytes in {} ms", size(online),
						(System.nanoTime() - started) / 1_000_000);
				live = DatabaseFingerprint.of(connection, DatabaseFingerprint.SOURCE_DATA);
			}
			if (psql.isPresent()) {
				runOnlineBackupScript(psql.get(), app.getBean(EmbeddedPostgres.class).getPort(), data, scripted);
			}
		}
		assertThat(live.rows()).as("the demo data of 14 tenants").isGreaterThan(100_000);

		DatabaseFingerprint stopped;
		try (EmbeddedPostgres postgres = start(data)) {
			stopped = DatabaseFingerprint.of(postgres.getPostgresDatabase(), DatabaseFingerprint.ALL_SCHEMAS);
		}
		long started = System.nanoTime();
		copy(data, offline, Set.of("postmaster.pid", "epg-lock"));
		log.info("Copy of the stopped embedded data folder: {} bytes in {} ms; {} rows in {} tables compared",
				size(offline), (System.nanoTime() - started) / 1_000_000, stopped.rows(), stopped.rowsOnly().size());
		delete(data);
		copy(offline, data, Set.of());
		try (EmbeddedPostgres postgres = start(data)) {
			assertThat(DatabaseFingerprint.of(postgres.getPostgresDatabase(), DatabaseFingerprint.ALL_SCHEMAS).tables())
				.as("restored from the copy taken while OBMi was stopped")
				.containsExactlyEntriesOf(stopped.tables());
		}

		delete(data);
		copy(online, data, Set.of());
		try (EmbeddedPostgres postgres = start(data)) {
			assertThat(
					DatabaseFingerprint.of(postgres.getPostgresDatabase(), DatabaseFingerprint.SOURCE_DATA).rowsOnly())
				.as("restored from the copy taken while OBMi ran")
				.containsExactlyEntriesOf(live.rowsOnly());
		}

		if (psql.isPresent()) {
			delete(data);
			copy(scripted, data, Set.of());
			try (EmbeddedPostgres postgres = start(data)) {
				assertThat(DatabaseFingerprint.of(postgres.getPostgresDatabase(), DatabaseFingerprint.SOURCE_DATA)
					.rowsOnly()).as("restored from the copy of scripts/backup-embedded-online.sql")
					.containsExactlyEntriesOf(live.rowsOnly());
			}
		}
		else {
			log.warn("No psql found: scripts/backup-embedded-online.sql was not tried (install postgresql-client-15)");
		}
	}

	/**
	 * Runs the documented script with psql, as an operator would, against the running
	 * embedded database.
	 */
	private static void runOnlineBackupScript(Path psql, int port, Path data, Path backup) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(psql.toString(), "--host=localhost", "--port=" + port,
				"--username=postgres", "--dbname=postgres", "--file=scripts/backup-embedded-online.sql")
			.redirectErrorStream(true);
		builder.environment().put("BACKUP", backup.toString());
		builder.environment().put("PGPASSWORD", Files.readString(data.resolve("obmi-database.secret")).strip());
		builder.environment().put("OBMI_DATA", data.toString());
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("Online backup written to " + backup);
		assertThat(Files.readString(backup.resolve("backup_label"))).contains("LABEL: obmi");
	}

	/**
	 * Debian's psql (package postgresql-client-15, which postgresql-15 brings), when
	 * installed.
	 */
	private static Optional<Path> psql() throws IOException {
		Path root = Path.of("/usr/lib/postgresql");
		if (!Files.isDirectory(root)) {
			return Optional.empty();
		}
		try (Stream<Path> versions = Files.list(root)) {
			return versions.map(v -> v.resolve("bin/psql")).filter(Files::isExecutable).max(Comparator.naturalOrder());
		}
	}

	private static long size(Path folder) throws IOException {
		try (Stream<Path> paths = Files.walk(folder)) {
			return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
		}
	}

	private static EmbeddedPostgres start(Path data) throws IOException {
		// a copied data folder carries the generated password of the database user
		// (SCRAM, issue 11)
		return EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setConnectConfig("password", Files.readString(data.resolve("obmi-database.secret")).strip())
			.start();
	}

	/**
	 * Copies a data folder as {@code cp -a} would; PostgreSQL starts only on a folder
	 * that only its owner may read.
	 */
	private static void copy(Path from, Path to, Set<String> leftOut) throws IOException {
		Files.createDirectories(to);
		Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
		try (Stream<Path> paths = Files.walk(from)) {
			paths.forEach(source -> {
				Path relative = from.relativize(source);
				if (relative.getNameCount() > 0 && leftOut.contains(relative.getName(0).toString())) {
					// left-out folders are created empty: the server needs them
					if (relative.getNameCount() == 1 && Files.isDirectory(source)) {
						mkdirs(to.resolve(relative));
					}
					return;
				}
				try {
					if (Files.isDirectory(source)) {
						Files.createDirectories(to.resolve(relative));
					}
					else if (Files.exists(source)) {
						Files.copy(source, to.resolve(relative), StandardCopyOption.COPY_ATTRIBUTES);
					}
				}
				catch (NoSuchFileException ex) {
					// a file the running server removed while we copied (a temporary
					// file); the WAL replays it
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	private static void mkdirs(Path folder) {
		try {
			Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path folder) throws IOException {
		if (Files.exists(folder)) {
			try (Stream<Path> paths = Files.walk(folder)) {
				paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

}
