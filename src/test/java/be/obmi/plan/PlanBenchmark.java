package be.obmi.plan;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.PlanTree;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRounds;
import java.util.Arrays;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Timing harness for the plan module (not a test: the name does not end in {@code Tests},
 * so {@code verify} skips it). Adds Lier as a tenant, generates the plan of
 * {@code bench/plan/generate-plan.sql} (2,000 actions, 5,000 indicators, 3 rounds) and
 * times the plan tree page, the dashboard and the PDF report through a logged-in session
 * on localhost. Run with:
 * {@code ./mvnw test -Dtest=PlanBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * results in {@code target/bench/plan.md}.
 */
@ObmiIntegrationTest
class PlanBenchmark {

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	HttpClient client;

	@Test
	void timeTreeDashboardAndPdf() throws Exception {
		Tenant tenant = tenants.bySlug("lier")
			.orElseGet(() -> transaction.execute(s -> tenants.add("12021", "#00529b")));
		long start = System.nanoTime();
		String sql = Files.readString(Path.of("bench/plan/generate-plan.sql"))
			.replace("__TENANT__", String.valueOf(tenant.id()));
		jdbc.sql(sql).update();
		jdbc.sql("analyze").update();
		long generated = (System.nanoTime() - start) / 1_000_000;
		int actions = jdbc.sql("select count(*) from plan.plan_item where tenant_id = ? and type = 'AC'")
			.param(tenant.id())
			.query(Integer.class)
			.single();
		int indicators = jdbc.sql("select count(*) from plan.indicator where tenant_id = ?")
			.param(tenant.id())
			.query(Integer.class)
			.single();
		int rounds = jdbc.sql("select count(*) from plan.status_round where tenant_id = ?")
			.param(tenant.id())
			.query(Integer.class)
			.single();
		List<String> lines0 = new ArrayList<>();
		long openRound = jdbc.sql("select id from plan.status_round where tenant_id = ? and state = 'OPEN'")
			.param(tenant.id())
			.query(Long.class)
			.single();

		timeServices(tenant, lines0);
		login();
		String base = "/lier/plan";
		List<String> lines = new ArrayList<>(lines0);
		lines.add("Generated %d actions, %d indicators, %d rounds in %d ms.".formatted(actions, indicators, rounds,
				generated));
		lines.add("");
		lines.add("| page | warm-up | runs | min ms | median ms | p95 ms | max ms | size |");
		lines.add("|---|---|---|---|---|---|---|---|");
		lines.add(time("plan tree `" + base + "`", base, 5, 20));
		lines.add(time("dashboard `" + base + "/dashboard`", base + "/dashboard", 5, 20));
		lines.add(time("council report PDF", base + "/rondes/" + openRound + "/rapport.pdf", 2, 5));
		String report = String.join("\n", lines) + "\n";
		Files.createDirectories(Path.of("target/bench"));
		Files.writeString(Path.of("target/bench/plan.md"), report);
		System.out.println("\n" + report);
	}

	@Autowired
	Plans plans;

	@Autowired
	PlanItems items;

	@Autowired
	StatusRounds rounds;

	/**
	 * In-process timings of the parts every page needs (median of 10 after 5 warm-up
	 * runs).
	 */
	private void timeServices(Tenant tenant, List<String> lines) {
		Plan plan = plans.current(tenant).orElseThrow();
		double[] all = new double[10];
		double[] latest = new double[10];
		double[] tree = new double[10];
		for (int i = -5; i < 10; i++) {
			long t0 = System.nanoTime();
			var list = items.all(plan);
			long t1 = System.nanoTime();
			var updates = rounds.latest(plan, false);
			long t2 = System.nanoTime();
			new PlanTree(list, updates);
			long t3 = System.nanoTime();
			if (i >= 0) {
				all[i] = (t1 - t0) / 1e6;
				latest[i] = (t2 - t1) / 1e6;
				tree[i] = (t3 - t2) / 1e6;
			}
		}
		Arrays.sort(all);
		Arrays.sort(latest);
		Arrays.sort(tree);
		lines.add("In process (median): read items %.0f ms, latest updates %.0f ms, tree and roll-up %.0f ms."
			.formatted(all[5], latest[5], tree[5]));
	}

	private String time(String label, String path, int warmup, int runs) throws Exception {
		int size = 0;
		for (int i = 0; i < warmup; i++) {
			size = get(path).body().length;
		}
		List<Double> times = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			long t0 = System.nanoTime();
			HttpResponse<byte[]> response = get(path);
			times.add((System.nanoTime() - t0) / 1e6);
			assertThat(response.statusCode()).isEqualTo(200);
		}
		Collections.sort(times);
		return "| %s | %d | %d | %.0f | %.0f | %.0f | %.0f | %d kB |".formatted(label, warmup, runs, times.getFirst(),
				times.get(times.size() / 2), times.get((int) Math.ceil(times.size() * 0.95) - 1), times.getLast(),
				size / 1024);
	}

	private void login() throws IOException, InterruptedException {
		client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String page = new String(get("/login").body(), StandardCharsets.UTF_8);
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).isTrue();
		String form = "username=platformbeheerder&password=demo&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<byte[]> response = client
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
	}

	private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

}
