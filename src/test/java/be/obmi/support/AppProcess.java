package be.obmi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application as a separate JVM ({@code be.obmi.Application} on the test's own
 * classpath) against a database the test owns, so that a test can kill it with SIGKILL
 * ({@link #kill()}) and start it again. No demo data is loaded (start-up stays short);
 * the demo accounts are created. Its console output goes to
 * {@code target/fault-logs/<name>.log}.
 */
public final class AppProcess implements AutoCloseable {

	private static final Path LOGS = Path.of("target", "fault-logs");

	private final Process process;

	private final int port;

	private final Path log;

	private AppProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the application and waits until it is ready (its readiness probe answers),
	 * at most two minutes.
	 * @param name names the log file
	 * @param extraArguments more {@code --property=value} arguments
	 */
	public static AppProcess start(String name, TestDatabase database, String... extraArguments) {
		List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + database.jdbcUrl(),
				"--spring.datasource.username=postgres", "--spring.datasource.password="));
		arguments.addAll(List.of(extraArguments));
		return launch(name, arguments);
	}

	/**
	 * Starts the application with its own embedded PostgreSQL in {@code dataDir} (as
	 * {@code spring-boot:run} does).
	 */
	public static AppProcess startEmbedded(String name, Path dataDir, String... extraArguments) {
		List<String> arguments = new ArrayList<>(
				List.of("--obmi.embedded-database.data-dir=" + dataDir.toAbsolutePath()));
		arguments.addAll(List.of(extraArguments));
		return launch(name, arguments);
	}

	private static AppProcess launch(String name, List<String> extraArguments) {
		int port = freePort();
		String java = ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// surefire starts the tests with a manifest-only jar; the real classpath is in
		// this property
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + LOGS.resolve("app.jsa").toAbsolutePath(),
				"-cp", classpath, "be.obmi.Application", "--server.port=" + port, "--obmi.demo.enabled=false",
				"--obmi.demo.accounts-enabled=true", "--obmi.demo.password=demo",
				"--obmi.warehouse.build-at-startup=false", "--obmi.log-dir=" + LOGS.resolve(name).toAbsolutePath(),
				"--spring.main.banner-mode=off", "--obmi.api.anonymous-requests-per-minute=100000"));
		command.addAll(extraArguments);
		try {
			Files.createDirectories(LOGS);
			Path log = LOGS.resolve(name + ".log").toAbsolutePath();
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			AppProcess app = new AppProcess(process, port, log);
			app.awaitReady(Duration.ofMinutes(2));
			return app;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return port;
	}

	public ApiClient as(String username) {
		return ApiClient.as(port, username);
	}

	/**
	 * Kills the process with SIGKILL (no shutdown hooks, no graceful shutdown) and waits
	 * until it is gone.
	 */
	/**
	 * Asks the application to stop (SIGTERM, as a service manager does) and waits at most
	 * {@code limit}.
	 * @return how long it took, or null when it had not stopped within the limit (it is
	 * then killed)
	 */
	public Duration terminate(Duration limit) throws InterruptedException {
		long started = System.nanoTime();
		process.destroy();
		if (process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
			return Duration.ofNanos(System.nanoTime() - started);
		}
		process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		return null;
	}

	public void kill() {
		process.destroyForcibly();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The application did not die");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	/** The last part of the console output, for failure messages. */
	public String logTail() {
		try {
			String text = Files.readString(log);
			return text.substring(Math.max(0, text.length() - 6000));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private void awaitReady(Duration timeout) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The application stopped during start-up:\n" + logTail());
			}
			try {
				if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(250);
		}
		kill();
		throw new IllegalStateException("The application was not ready within " + timeout + ":\n" + logTail());
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Stops the process (SIGTERM, then SIGKILL after 30 s). */
	@Override
	public void close() {
		if (process.isAlive()) {
			process.destroy();
			try {
				if (!process.waitFor(30, TimeUnit.SECONDS)) {
					kill();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				kill();
			}
		}
	}

}
