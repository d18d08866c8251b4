package be.obmi.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import be.obmi.support.ApiClient;
import be.obmi.support.AppProcess;
import be.obmi.support.PageSession;
import be.obmi.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.Base64;

/**
 * Faults of the running process, with the application as a separate JVM against a
 * PostgreSQL the test owns: the application killed with SIGKILL in the middle of a large
 * statistics import, a plan import and a warehouse rebuild (after a restart nothing
 * partial is visible, no lock is left and the work can be redone), and PostgreSQL
 * restarted while the application serves requests (503 with a Dutch message during the
 * outage, recovery without a restart of the application). The tests share one database
 * and run in order, so that the rebuild has a sizeable warehouse to build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ApplicationProcessFaultTests {

	static final String SLUG = "kortrijk";

	static final int STATS_ROWS = 300_000;

	static final int PLAN_ACTIONS = 4_000;

	TestDatabase database;

	TestDatabase.Client sql;

	AppProcess app;

	int starts;

	@BeforeAll
	void start() {
		database = TestDatabase.start();
		app = startApp();
		sql = database.client();
	}

	@AfterAll
	void stop() {
		if (sql != null) {
			sql.close();
		}
		if (app != null) {
			app.close();
		}
		if (database != null) {
			database.close();
		}
	}

	private AppProcess startApp() {
		return AppProcess.start("faults-" + (++starts), database, "--spring.datasource.hikari.connection-timeout=3000");
	}

	@Test
	@Order(1)
	void statsImportKilledHalfwayLeavesNothingAndCanBeRunAgain() throws Exception {
		long tenant = tenantId();
		byte[] file = statsFile();
		Map<String, Long> before = statsCounts(tenant);

		CompletableFuture<ApiClient.Response> upload = CompletableFuture.supplyAsync(() -> app.as("redacteur." + SLUG)
			.upload("/api/v1/" + SLUG + "/stats/import?createIndicators=true", "groot.csv", file, Map.of()));
		// killed while the rows are being written into stats.observation, in the import's
		// one transaction (a first load copies them straight in, a later one inserts
		// them)
		int backend = awaitBackend("% stats.observation (%", upload);
		app.kill();
		assertThat(upload).failsWithin(Duration.ofSeconds(30));

		awaitGone(backend);
		assertNoLeftovers();
		assertThat(statsCounts(tenant)).as("nothing of the killed import is visible").isEqualTo(before);

		app = startApp();
		ApiClient.Response again = app.as("redacteur." + SLUG)
			.upload("/api/v1/" + SLUG + "/stats/import?createIndicators=true", "groot.csv", file, Map.of());
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("rows").asLong()).isEqualTo(STATS_ROWS);
		assertThat(again.json().get("inserted").asLong()).isEqualTo(STATS_ROWS);
		Map<String, Long> after = statsCounts(tenant);
		assertThat(after.get("observations")).isEqualTo(before.get("observations") + STATS_ROWS);
		assertThat(after.get("imports")).isEqualTo(before.get("imports") + 1);
		assertThat(after.get("indicators")).isEqualTo(before.get("indicators") + 10);
	}

	@Test
	@Order(2)
	void planImportKilledHalfwayLeavesNothingAndCanBeRunAgain() throws Exception {
		long tenant = tenantId();
		byte[] file = planFile();
		Map<String, Long> before = planCounts(tenant);

		CompletableFuture<ApiClient.Response> upload = CompletableFuture.supplyAsync(() -> app.as("redacteur." + SLUG)
			.upload("/api/v1/" + SLUG + "/plan/import", "plan.csv", file, Map.of()));
		int backend = awaitBackend("insert into plan.plan_item%", upload);
		// some items of the file are written (uncommitted) when the process dies
		app.kill();
		assertThat(upload).failsWithin(Duration.ofSeconds(30));

		awaitGone(backend);
		assertNoLeftovers();
		assertThat(planCounts(tenant)).as("nothing of the killed import is visible").isEqualTo(before);

		app = startApp();
		ApiClient.Response again = app.as("redacteur." + SLUG)
			.upload("/api/v1/" + SLUG + "/plan/import", "plan.csv", file, Map.of());
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("created").asInt()).isEqualTo(1 + 40 + PLAN_ACTIONS);
		assertThat(planCounts(tenant).get("items")).isEqualTo(before.get("items") + 1 + 40 + PLAN_ACTIONS);
	}

	@Test
	@Order(3)
	void warehouseRebuildKilledHalfwayKeepsTheOldWarehouseAndCanBeRunAgain() throws Exception {
		ApiClient redacteur = app.as("redacteur." + SLUG);
		for (int i = 0; i < 10; i++) {
			assertThat(redacteur.post("/api/v1/" + SLUG + "/stats/indicators/fout_" + i + "/published?value=true")
				.status()).isEqualTo(200);
		}
		ApiClient admin = app.as("platformbeheerder");
		ApiClient.Response first = admin.post("/api/v1/platform/warehouse/rebuild");
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		Map<String, Long> built = warehouseCounts();
		assertThat(built.get("fact_observation")).as("a warehouse worth building").isGreaterThanOrEqualTo(STATS_ROWS);

		CompletableFuture<ApiClient.Response> rebuild = CompletableFuture
			.supplyAsync(() -> app.as("platformbeheerder").post("/api/v1/platform/warehouse/rebuild"));
		int backend = awaitBackend("create table warehouse_staging.fact_observation%", rebuild);
		app.kill();
		assertThat(rebuild).failsWithin(Duration.ofSeconds(30));

		awaitGone(backend);
		assertNoLeftovers();
		assertThat(warehouseCounts()).as("the previous warehouse is intact").isEqualTo(built);
		// as if the process had died between an import's commit and the warehouse's
		// handling of its event
		String unhandled = sql.jdbc()
			.sql("""
					update event_publication set completion_date = null, status = 'PUBLISHED'
					where id = (select id from event_publication where event_type like '%DataChanged' order by publication_date desc limit 1)
					returning id::text""")
			.query(String.class)
			.single();
		sql.jdbc().sql("delete from warehouse_meta.pending").update();

		app = startApp();
		assertThat(awaitCompleted(unhandled))
			.as("the event left unhandled by the killed process is handled after the restart")
			.isTrue();
		ApiClient.Response again = app.as("platformbeheerder").post("/api/v1/platform/warehouse/rebuild");
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("succeeded").asBoolean()).isTrue();
		assertThat(warehouseCounts()).isEqualTo(built);
		assertThat(
				sql.jdbc().sql("select status, message from warehouse_meta.rebuild order by id").query().listOfRows())
			.as("the killed rebuild is logged as interrupted, not as still running")
			.extracting(row -> row.get("status"))
			.containsExactly("KLAAR", "MISLUKT", "KLAAR");
		assertThat(sql.jdbc()
			.sql("select message from warehouse_meta.rebuild where status = 'MISLUKT'")
			.query(String.class)
			.single()).contains("onderbroken");
		assertThat(sql.count("select count(*) from pg_namespace where nspname like 'warehouse_staging'")).isZero();
	}

	@Test
	@Order(4)
	void requestsFailCleanlyWhilePostgresRestartsAndTheApplicationRecoversByItself() throws Exception {
		String page = "/" + SLUG + "/plan";
		String api = "/api/v1/" + SLUG + "/plan/items";
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		assertThat(get(http, api, "application/json").statusCode()).isEqualTo(200);
		assertThat(get(http, page, "text/html").statusCode()).isEqualTo(200);

		PageSession browser = PageSession.anonymous(app.port());
		String loginToken = browser.csrf("/login");

		sql.close();
		database.stopServer();
		try {
			// a login through the form says the database is the problem, not the password
			HttpResponse<String> login = browser.post("/login",
					"username=lezer." + SLUG + "&password=demo&_csrf=" + loginToken);
			assertThat(login.statusCode()).isEqualTo(302);
			assertThat(login.headers().firstValue("Location").orElseThrow()).contains("/login?error");
			assertThat(browser.get("/login?error").body()).contains("de databank is niet bereikbaar")
				.doesNotContain("wachtwoord is fout");
			for (String[] request : List.of(new String[] { api, "application/json" },
					new String[] { page, "text/html" })) {
				long started = System.nanoTime();
				HttpResponse<String> during = get(http, request[0], request[1]);
				long millis = (System.nanoTime() - started) / 1_000_000;
				assertThat(during.statusCode()).as(request[0] + ": " + during.body()).isEqualTo(503);
				assertThat(during.headers().firstValue("Retry-After")).isPresent();
				assertThat(during.body()).contains("databank")
					.doesNotContain("Exception", "at be.obmi", "org.postgresql");
				assertThat(millis).as("answered within the pool's connection timeout (3 s) and some slack")
					.isLessThan(15_000);
			}
		}
		finally {
			database.startServer();
			sql = database.client();
		}

		HttpResponse<String> api200 = awaitStatus(http, api, "application/json", 200);
		assertThat(api200.body()).startsWith("[");
		assertThat(awaitStatus(http, page, "text/html", 200).body()).contains("<main");
		assertThat(app.isAlive()).isTrue();
		ApiClient.Response write = app.as("platformbeheerder").post("/api/v1/platform/warehouse/rebuild");
		assertThat(write.status()).as("writes work again: " + write.body()).isEqualTo(200);
	}

	private boolean awaitCompleted(String publication) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			if (sql.count("select count(*) from event_publication where id = ?::uuid and completion_date is not null",
					publication) == 1) {
				return true;
			}
			Thread.sleep(200);
		}
		return false;
	}

	private HttpResponse<String> awaitStatus(HttpClient http, String path, String accept, int status) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		HttpResponse<String> response;
		do {
			response = get(http, path, accept);
			if (response.statusCode() == status) {
				return response;
			}
			Thread.sleep(200);
		}
		while (System.nanoTime() < deadline);
		throw new AssertionError("still " + response.statusCode() + " on " + path + ": " + response.body());
	}

	private HttpResponse<String> get(HttpClient http, String path, String accept) throws Exception {
		String basic = Base64.getEncoder().encodeToString(("lezer." + SLUG + ":demo").getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
			.header("Authorization", "Basic " + basic)
			.header("Accept", accept)
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private long tenantId() {
		return sql.count("select id from tenancy.tenant where slug = ?", SLUG);
	}

	/** 10 indicators × 3,000 statistical sectors × 10 years, long format. */
	private byte[] statsFile() {
		List<String> sectors = sql.jdbc()
			.sql("select distinct code from stats.area where level = 'statsec' order by code limit 3000")
			.query(String.class)
			.list();
		assertThat(sectors).hasSize(3000);
		StringBuilder csv = new StringBuilder(STATS_ROWS * 40).append("indicator;gebied;niveau;periode;waarde\n");
		for (int i = 0; i < 10; i++) {
			for (String sector : sectors) {
				for (int year = 2015; year < 2025; year++) {
					csv.append("fout_")
						.append(i)
						.append(';')
						.append(sector)
						.append(";statsec;")
						.append(year)
						.append(';')
						.append((year * 7 + i) % 1000)
						.append('\n');
				}
			}
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** One goal, 40 action plans and {@link #PLAN_ACTIONS} actions. */
	private static byte[] planFile() {
		StringBuilder csv = new StringBuilder(
				"code;type;bovenliggende_code;titel;omschrijving;prioritair;beleidsveld;politiek_verantwoordelijke;ambtelijk_verantwoordelijke;startdatum;einddatum\n");
		csv.append("FBD;BD;;Storingsbestendige stad;;nee;0200;;;2026-01-01;2031-12-31\n");
		for (int ap = 0; ap < 40; ap++) {
			csv.append("FAP").append(ap).append(";AP;FBD;Actieplan ").append(ap).append(";;nee;0200;;;;\n");
		}
		for (int ac = 0; ac < PLAN_ACTIONS; ac++) {
			csv.append("FAC")
				.append(ac)
				.append(";AC;FAP")
				.append(ac % 40)
				.append(";Actie ")
				.append(ac)
				.append(";Omschrijving van actie ")
				.append(ac)
				.append(";nee;0200;Schepen;Dienst;2026-01-01;2027-12-31\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private Map<String, Long> statsCounts(long tenant) {
		return Map.of("observations", sql.count("select count(*) from stats.observation where tenant_id = ?", tenant),
				"imports", sql.count("select count(*) from stats.import_batch where tenant_id = ?", tenant), "changes",
				sql.count("select count(*) from stats.observation_change where tenant_id = ?", tenant), "indicators",
				sql.count("select count(*) from stats.indicator where tenant_id = ?", tenant), "audit",
				sql.count("select count(*) from audit.audit_event where tenant_id = ?", tenant));
	}

	private Map<String, Long> planCounts(long tenant) {
		return Map.of("plans", sql.count("select count(*) from plan.plan where tenant_id = ?", tenant), "items",
				sql.count("select count(*) from plan.plan_item where tenant_id = ?", tenant), "versions",
				sql.count(
						"select count(*) from plan.plan_version v join plan.plan p on p.id = v.plan_id where p.tenant_id = ?",
						tenant),
				"audit", sql.count("select count(*) from audit.audit_event where tenant_id = ?", tenant));
	}

	private Map<String, Long> warehouseCounts() {
		return Map.of("fact_observation", sql.count("select count(*) from warehouse.fact_observation"), "dim_plan_item",
				sql.count("select count(*) from warehouse.dim_plan_item"), "dim_indicator",
				sql.count("select count(*) from warehouse.dim_indicator"), "dim_area",
				sql.count("select count(*) from warehouse.dim_area"));
	}

	/**
	 * Waits until a backend of the application runs a statement like {@code pattern}
	 * inside a transaction, and returns its process id.
	 */
	private int awaitBackend(String pattern, CompletableFuture<?> work) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline) {
			List<Integer> pids = sql.jdbc()
				.sql("""
						select pid from pg_stat_activity
						where pid <> pg_backend_pid() and xact_start is not null and query ilike ?""")
				.param(pattern)
				.query(Integer.class)
				.list();
			if (!pids.isEmpty()) {
				return pids.getFirst();
			}
			assertThat(work).as("the work ended before it was seen in progress: " + (work.isDone() ? work.join() : ""))
				.isNotDone();
			Thread.sleep(20);
		}
		throw new AssertionError("never saw " + pattern + "\n" + app.logTail());
	}

	/**
	 * PostgreSQL ends the killed client's backend (and rolls its transaction back) once
	 * it notices the client is gone.
	 */
	private void awaitGone(int backend) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (sql.count("select count(*) from pg_stat_activity where pid = ?", backend) > 0) {
			assertThat(System.nanoTime()).as("backend " + backend + " of the killed application still runs")
				.isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	/** No transaction, lock or advisory lock is left behind by the killed application. */
	private void assertNoLeftovers() {
		assertThat(sql.count("""
				select count(*) from pg_stat_activity
				where pid <> pg_backend_pid() and backend_type = 'client backend' and xact_start is not null"""))
			.isZero();
		assertThat(sql.count("""
				select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid
				where l.pid <> pg_backend_pid() and a.backend_type = 'client backend'""")).isZero();
		assertThat(sql.count("select count(*) from pg_prepared_xacts")).isZero();
	}

}
