package be.obmi.platform;

import java.io.File;
import java.io.IOException;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import be.obmi.Application;
import be.obmi.audit.DataChanged;
import be.obmi.knowledge.news.NewsForm;
import be.obmi.knowledge.news.NewsItem;
import be.obmi.knowledge.news.NewsItems;
import be.obmi.platform.cluster.ReplicaState;
import be.obmi.shared.ObmiMetrics;
import be.obmi.support.PageSession;
import be.obmi.tenancy.Tenants;
import be.obmi.warehouse.WarehouseRebuild;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment of {@code docs/operations.md} ("Several instances"), for real: a
 * PostgreSQL 15 primary and a {@code pg_basebackup} streaming standby (Debian's
 * {@code postgresql-15}), two OBMi instances (two Spring contexts in this JVM, A and B,
 * on the primary with the standby as read replica) and nginx as the load balancer, all
 * started by {@code scripts/multi-instance/cluster.sh}. Proves: a publication on A is
 * visible on B within a second (cache invalidation through {@code LISTEN/NOTIFY}, also
 * while B reads public pages from the replica); the anonymous API limit holds across both
 * instances; a data change is caught up in the warehouse by one instance only; public
 * pages keep working (and stay fresh) when the standby stops; a logged-in editor keeps
 * the session when A stops and nginx sends them to B.
 * <p>
 * Skipped, with a message, only when the PostgreSQL server binaries ({@code initdb},
 * {@code pg_basebackup}; {@code OBMI_TEST_POSTGRES_BIN} or
 * {@code /usr/lib/postgresql/<version>/bin}) or {@code nginx} are missing;
 * {@code .ci/run} installs both. Run time: 222 s and 298 s in two runs on the 2-core
 * build machine while seven other builds ran (load average 25-37); the two starts took
 * 135-220 s of that (A migrates the empty database), the five checks about 60 s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceIntegrationTests {

	private static final Logger log = LoggerFactory.getLogger(MultiInstanceIntegrationTests.class);

	private static final Path SCRIPT = Path.of("scripts/multi-instance/cluster.sh").toAbsolutePath();

	private static final int ANONYMOUS_LIMIT = 20;

	private static final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static Path work;

	private static int primaryPort;

	private static int standbyPort;

	private static int balancerPort;

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private static int portA;

	private static int portB;

	private static JdbcClient primary;

	private static long started;

	@BeforeAll
	static void startDeployment() throws Exception {
		started = System.nanoTime();
		Assumptions.assumeTrue(postgresBinaries(),
				"MultiInstanceIntegrationTests skipped: no PostgreSQL server binaries with pg_basebackup "
						+ "(install Debian's postgresql-15, as .ci/run does, or set OBMI_TEST_POSTGRES_BIN)");
		Assumptions.assumeTrue(
				Files.isExecutable(Path.of("/usr/sbin/nginx")) || Files.isExecutable(Path.of("/usr/bin/nginx")),
				"MultiInstanceIntegrationTests skipped: nginx is not installed (Debian's nginx; .ci/run installs it)");
		work = Path.of("target", "multi-instance-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
		primaryPort = freePort();
		standbyPort = freePort();
		balancerPort = freePort();
		portA = freePort();
		portB = freePort();
		script("db-start", work.toString(), String.valueOf(primaryPort), String.valueOf(standbyPort));
		primary = JdbcClient.create(
				new DriverManagerDataSource("jdbc:postgresql://localhost:" + primaryPort + "/obmi", "postgres", ""));
		// one after the other: the first migrates the empty database
		a = start("a", portA);
		b = start("b", portB);
		script("lb-start", work.toString(), String.valueOf(balancerPort), String.valueOf(portA), String.valueOf(portB));
		log.info("Deployment up in {} s", seconds());
	}

	@AfterAll
	static void stopDeployment() throws Exception {
		try {
			for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] { b, a }) {
				if (app != null && app.isActive()) {
					app.close();
				}
			}
		}
		finally {
			if (work != null) {
				script("lb-stop", work.toString());
				script("db-stop", work.toString());
			}
			log.info("MultiInstanceIntegrationTests took {} s", seconds());
		}
	}

	@Test
	@Order(1)
	void aPublicationOnAIsVisibleOnBWithinOneSecond() throws Exception {
		await(() -> b.getBean(ReplicaState.class).usable(), Duration.ofSeconds(20));
		NewsItems newsOnA = a.getBean(NewsItems.class);
		String title = "Meerdere instanties " + UUID.randomUUID().toString().substring(0, 8);
		NewsItem item = newsOnA.create(NewsItem.Kind.NEWS, form(title), "test", false);
		// B has the news page in its cache, without the new item
		assertThat(get(portB, "/kennis/nieuws").body()).doesNotContain(title);
		HttpResponse<String> cached = get(portB, "/kennis/nieuws");
		assertThat(cached.headers().firstValue("X-Obmi-Cache")).as("served from B's cache").hasValue("hit");
		long readsOnStandby = standbyReads();

		long published = System.nanoTime();
		newsOnA.publish(item.id(), true, item.version());
		while (!get(portB, "/kennis/nieuws").body().contains(title)) {
			assertThat(Duration.ofNanos(System.nanoTime() - published)).as("visible on B within 1 s")
				.isLessThan(Duration.ofSeconds(1));
			TimeUnit.MILLISECONDS.sleep(20);
		}
		log.info("Publication on A visible on B after {} ms", (System.nanoTime() - published) / 1_000_000);

		// B's anonymous public reads go to the standby once it has replayed the change
		await(() -> b.getBean(ReplicaState.class).usable(), Duration.ofSeconds(10));
		assertThat(get(portB, "/kennis/nieuws?pagina=1").statusCode()).isEqualTo(200);
		assertThat(get(portB, "/kennis/agenda").statusCode()).isEqualTo(200);
		assertThat(standbyReads()).as("public reads served by the standby").isGreaterThan(readsOnStandby);
	}

	@Test
	@Order(2)
	void theAnonymousApiLimitHoldsAcrossBothInstances() throws Exception {
		// twice the limit at once, half to A and half to B: with a bucket per instance
		// every request would pass
		int requests = 2 * ANONYMOUS_LIMIT;
		long begin = System.nanoTime();
		List<CompletableFuture<Integer>> answers = new ArrayList<>();
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < requests; i++) {
				int port = i % 2 == 0 ? portA : portB;
				String path = "/api/v1/gent/stats/indicators?n=" + i;
				answers.add(CompletableFuture.supplyAsync(() -> get(port, path).statusCode(), clients));
			}
		}
		long seconds = (System.nanoTime() - begin) / 1_000_000_000 + 1;
		List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();
		long passed = statuses.stream().filter(status -> status == 200).count();
		// the bucket refills one request every 60 / limit seconds while the requests run
		long refilled = seconds * ANONYMOUS_LIMIT / 60 + 1;
		assertThat(passed).as("requests let through by A and B together in %d s", seconds)
			.isGreaterThanOrEqualTo(ANONYMOUS_LIMIT)
			.isLessThanOrEqualTo(ANONYMOUS_LIMIT + refilled)
			.isLessThan(requests);
		assertThat(statuses).contains(429).containsOnly(200, 429);
	}

	@Test
	@Order(3)
	void aDataChangeIsCaughtUpInTheWarehouseByOneInstanceOnly() throws Exception {
		assertThat(a.getBean(WarehouseRebuild.class).rebuild("test").succeeded()).isTrue();
		long gent = a.getBean(Tenants.class).knownId("gent").orElseThrow();
		double before = refreshes(a) + refreshes(b);
		a.getBean(TransactionTemplate.class)
			.executeWithoutResult(status -> a.publishEvent(new DataChanged(gent, "test")));
		await(() -> refreshes(a) + refreshes(b) > before, Duration.ofSeconds(20));
		// both instances try every second; for three more periods nobody refreshes again
		TimeUnit.SECONDS.sleep(3);
		assertThat(refreshes(a) + refreshes(b) - before).as("refreshed once, by one instance").isEqualTo(1);
		assertThat(primary.sql("select count(*) from platform.shedlock where name = 'warehouse.refresh'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	@Order(4)
	void publicPagesKeepWorkingWhenTheStandbyStops() throws Exception {
		script("standby-stop", work.toString());
		String title = "Zonder replica " + UUID.randomUUID().toString().substring(0, 8);
		NewsItems newsOnA = a.getBean(NewsItems.class);
		NewsItem item = newsOnA.create(NewsItem.Kind.NEWS, form(title), "test", false);
		newsOnA.publish(item.id(), true, item.version());
		for (int port : new int[] { portA, portB, balancerPort }) {
			await(() -> get(port, "/kennis/nieuws").body().contains(title), Duration.ofSeconds(5));
			assertThat(get(port, "/kennis/agenda?p=" + port).statusCode()).isEqualTo(200);
			assertThat(get(port, "/kennis").statusCode()).isEqualTo(200);
		}
		assertThat(b.getBean(ReplicaState.class).usable()).isFalse();
	}

	@Test
	@Order(5)
	void aLoggedInEditorKeepsTheSessionWhenInstanceAStops() throws Exception {
		PageSession editor = PageSession.login(balancerPort, "redacteur.gent");
		for (int i = 0; i < 4; i++) {
			// round robin: the session is read by A and by B
			assertThat(editor.get("/account").statusCode()).as("logged in, request %d", i).isEqualTo(200);
		}
		a.close();
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> page = editor.get("/account");
			assertThat(page.statusCode()).as("still logged in on B, request %d", i).isEqualTo(200);
			assertThat(page.body()).contains("redacteur.gent");
		}
	}

	private static NewsForm form(String title) {
		return new NewsForm(title, "Samenvatting van " + title, "<p>Tekst van " + title + "</p>", List.of(), null, null,
				"", "", "", "", "", 0);
	}

	private static ConfigurableApplicationContext start(String name, int port) {
		Map<String, Object> settings = Map.ofEntries(Map.entry("server.port", port),
				Map.entry("spring.datasource.url", "jdbc:postgresql://localhost:" + primaryPort + "/obmi"),
				Map.entry("spring.datasource.username", "postgres"), Map.entry("spring.datasource.password", ""),
				Map.entry("spring.datasource.hikari.maximum-pool-size", 8),
				Map.entry("obmi.datasource.replica.url", "jdbc:postgresql://localhost:" + standbyPort + "/obmi"),
				Map.entry("obmi.datasource.replica.username", "postgres"),
				Map.entry("obmi.datasource.replica.password", ""),
				Map.entry("obmi.datasource.replica.check-interval", "200ms"), Map.entry("obmi.demo.enabled", false),
				Map.entry("obmi.demo.accounts-enabled", true), Map.entry("obmi.warehouse.build-at-startup", false),
				Map.entry("obmi.warehouse.refresh-delay", "1s"),
				Map.entry("obmi.api.anonymous-requests-per-minute", ANONYMOUS_LIMIT),
				Map.entry("obmi.log-dir", work.resolve(name).toString()), Map.entry("spring.main.banner-mode", "off"));
		long begin = System.nanoTime();
		// as command-line arguments: they win over application.yml (default properties
		// would not)
		String[] arguments = settings.entrySet()
			.stream()
			.map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
			.toArray(String[]::new);
		ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).run(arguments);
		log.info("Instance {} started in {} ms", name, (System.nanoTime() - begin) / 1_000_000);
		return app;
	}

	private static double refreshes(ConfigurableApplicationContext app) {
		Timer timer = app.getBean(MeterRegistry.class).find(ObmiMetrics.WAREHOUSE_REFRESHES).timer();
		return timer == null ? 0 : timer.count();
	}

	/** Transactions committed on the standby: the replica's own statistics. */
	private static long standbyReads() {
		return JdbcClient
			.create(new DriverManagerDataSource("jdbc:postgresql://localhost:" + standbyPort + "/obmi", "postgres", ""))
			.sql("select xact_commit + xact_rollback from pg_stat_database where datname = 'obmi'")
			.query(Long.class)
			.single();
	}

	private static HttpResponse<String> get(int port, String path) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
		long end = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition met within %s", timeout).isLessThan(end);
			TimeUnit.MILLISECONDS.sleep(50);
		}
	}

	private static void script(String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile()))
			.start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
		assertThat(process.exitValue()).as("%s (see %s)", command, logFile()).isZero();
	}

	private static File logFile() throws IOException {
		Files.createDirectories(work);
		return work.resolve("cluster.log").toFile();
	}

	private static boolean postgresBinaries() {
		String configured = System.getenv("OBMI_TEST_POSTGRES_BIN");
		if (configured != null) {
			return Files.isExecutable(Path.of(configured, "pg_basebackup"));
		}
		try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
			return versions.anyMatch(v -> Files.isExecutable(v.resolve("bin/pg_basebackup"))
					&& Files.isExecutable(v.resolve("bin/initdb")));
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static long seconds() {
		return (System.nanoTime() - started) / 1_000_000_000;
	}

}
