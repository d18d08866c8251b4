package be.obmi.platform;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.obmi.identity.ApiTokens;
import be.obmi.identity.UserAccounts;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.domain.UpdateState;
import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PrometheusScrape;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus endpoint: only the platformbeheerder may scrape it; request latency,
 * imports (accepted and rejected, per module), a status update's transitions in its round
 * and a warehouse rebuild, each done over HTTP, show up as changed values in the next
 * scrape (Genk, in a round of its own with an early reference date).
 */
@ObmiIntegrationTest
class MetricsIntegrationTests {

	private static final String SLUG = "genk";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Plans plans;

	@Autowired
	PlanItems items;

	@Autowired
	StatusRounds rounds;

	@Autowired
	UserAccounts accounts;

	@Autowired
	ApiTokens tokens;

	@Test
	void onlyThePlatformAdminMayScrape() throws Exception {
		ApiClient.Response anonymous = ApiClient.anonymous(port).get("/actuator/prometheus");
		assertThat(anonymous.status()).isIn(302, 401);
		assertThat(anonymous.body()).doesNotContain("obmi_");
		assertThat(ApiClient.as(port, "beheerder.genk").get("/actuator/prometheus").status()).isEqualTo(403);
		ApiClient.Response admin = ApiClient.as(port, "platformbeheerder").get("/actuator/prometheus");
		assertThat(admin.status()).isEqualTo(200);
		assertThat(PrometheusScrape.parse(admin.body()).sum("jvm_memory_used_bytes", "application", "obmi"))
			.isPositive();

		// as a Prometheus server would: with a platform admin's API token
		String secret = tokens.create(accounts.loadUserByUsername("platformbeheerder"), "prometheus").secret();
		HttpResponse<String> scraped = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
				.header("Authorization", "Bearer " + secret)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(scraped.statusCode()).isEqualTo(200);
		assertThat(scraped.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
		String lezerSecret = tokens.create(accounts.loadUserByUsername("lezer.genk"), "prometheus").secret();
		assertThat(HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
				.header("Authorization", "Bearer " + lezerSecret)
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode()).isEqualTo(403);
	}

	@Test
	void importsRoundTransitionsRebuildsAndRequestsAreCounted() throws Exception {
		Tenant tenant = tenants.require(SLUG);
		Plan plan = plans.current(tenant).orElseThrow();
		PlanItem action = items.all(plan).stream().filter(i -> i.type().name().equals("AC")).findFirst().orElseThrow();
		StatusRound round = rounds.open(tenant, plan, "Metingen van de opvolging " + System.nanoTime(),
				LocalDate.of(2025, 11, 15), LocalDate.of(2025, 11, 30), StatusRound.Scope.SELECTION,
				List.of(action.id()), "redacteur.genk");
		PrometheusScrape before = scrape();

		ApiClient editor = ApiClient.as(port, "redacteur.genk");
		String statuses = "code;status;voortgang;toelichting;knelpunten\n" + action.code()
				+ ";vertraagd;20;Vergunning loopt;\n";
		assertThat(editor
			.upload("/api/v1/genk/plan/rondes/" + round.id() + "/import", "status.csv",
					statuses.getBytes(StandardCharsets.UTF_8), Map.of())
			.status()).isEqualTo(200);
		assertThat(editor
			.upload("/api/v1/genk/plan/rondes/" + round.id() + "/import", "fout.csv",
					"code;status;voortgang;toelichting;knelpunten\nGEEN-ITEM;vertraagd;20;;\n"
						.getBytes(StandardCharsets.UTF_8),
					Map.of())
			.status()).isEqualTo(422);
		assertThat(editor.upload("/api/v1/genk/stats/import", "leeg.csv", new byte[0], Map.of()).status())
			.isEqualTo(422);
		assertThat(editor.upload("/api/v1/genk/finance/import", "leeg.csv", new byte[0], Map.of()).status())
			.isEqualTo(422);

		long updateId = rounds.tasks(tenant, round).getFirst().update().id();
		assertThat(approveInTheBrowserForm("redacteur.genk", round.id(), updateId)).isEqualTo(302);
		assertThat(rounds.update(tenant, updateId).orElseThrow().state()).isEqualTo(UpdateState.GOEDGEKEURD);

		double startedRebuild = Instant.now().getEpochSecond();
		assertThat(ApiClient.as(port, "platformbeheerder").post("/api/v1/platform/warehouse/rebuild").status())
			.isEqualTo(200);

		PrometheusScrape after = scrape();
		String imports = "obmi_imports_seconds_count";
		assertThat(delta(before, after, imports, "module", "plan", "tenant", SLUG, "outcome", "ok")).isEqualTo(1);
		assertThat(delta(before, after, imports, "module", "plan", "tenant", SLUG, "outcome", "rejected")).isEqualTo(1);
		assertThat(delta(before, after, imports, "module", "stats", "tenant", SLUG, "outcome", "rejected"))
			.isEqualTo(1);
		assertThat(delta(before, after, imports, "module", "finance", "tenant", SLUG, "outcome", "rejected"))
			.isEqualTo(1);
		assertThat(delta(before, after, "obmi_import_rows_total", "module", "plan", "tenant", SLUG)).isEqualTo(1);
		assertThat(after.matching("obmi_imports_seconds_bucket", "module", "plan", "outcome", "ok"))
			.as("a latency histogram")
			.isNotEmpty();

		String transitions = "obmi_plan_round_transitions_total";
		assertThat(delta(before, after, transitions, "tenant", SLUG, "transition", "ingediend")).isEqualTo(1);
		assertThat(delta(before, after, transitions, "tenant", SLUG, "transition", "goedgekeurd")).isEqualTo(1);
		assertThat(delta(before, after, transitions, "tenant", SLUG, "transition", "gepubliceerd")).isZero();

		assertThat(delta(before, after, "obmi_warehouse_rebuilds_seconds_count", "trigger", "api", "outcome", "ok"))
			.isEqualTo(1);
		assertThat(after.sum("obmi_warehouse_rebuild_last_success_seconds")).isGreaterThanOrEqualTo(startedRebuild);

		String latency = "http_server_requests_seconds_count";
		assertThat(delta(before, after, latency, "uri", "/api/v1/{slug}/plan/rondes/{roundId}/import", "status", "200"))
			.isEqualTo(1);
		assertThat(delta(before, after, latency, "uri", "/api/v1/{slug}/plan/rondes/{roundId}/import", "status", "422"))
			.isEqualTo(1);
		assertThat(after.matching("http_server_requests_seconds_bucket", "uri",
				"/api/v1/{slug}/plan/rondes/{roundId}/import"))
			.as("a latency histogram for percentiles")
			.hasSizeGreaterThan(10);
	}

	private PrometheusScrape scrape() {
		ApiClient.Response response = ApiClient.as(port, "platformbeheerder").get("/actuator/prometheus");
		assertThat(response.status()).isEqualTo(200);
		return PrometheusScrape.parse(response.body());
	}

	private static double delta(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
		return after.sum(name, labels) - before.sum(name, labels);
	}

	/**
	 * Logs in through the login form and presses "goedkeuren" on the round page, as a
	 * plan manager would.
	 */
	private int approveInTheBrowserForm(String username, long roundId, long updateId) throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String login = post(browser, "/login",
				"username=" + username + "&password=demo&_csrf=" + csrf(browser, "/login"));
		assertThat(login).doesNotContain("error");
		String token = csrf(browser, "/genk/plan/rondes/" + roundId);
		return browser
			.send(form("/genk/plan/rondes/" + roundId + "/updates/" + updateId + "/goedkeuren", "_csrf=" + token),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private String csrf(HttpClient browser, String path) throws Exception {
		String page = browser
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
		assertThat(matcher.find()).as("a form with a CSRF token on %s", path).isTrue();
		return URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
	}

	private String post(HttpClient browser, String path, String body) throws Exception {
		return browser.send(form(path, body), HttpResponse.BodyHandlers.discarding())
			.headers()
			.firstValue("Location")
			.orElse("");
	}

	private HttpRequest form(String path, String body) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

}
