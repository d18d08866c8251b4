package be.obmi.plan;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.domain.StatusUpdateForm;
import be.obmi.plan.importing.PlanExport;
import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, point 5: imports, undos and workflow steps of one tenant raced against each
 * other over HTTP, released together by a barrier, many times. Each race ends in a state
 * that matches the replies: no 500, no reply that reports changes that were not made, no
 * approval undone by an import, nothing written into a closed round.
 */
@ObmiIntegrationTest
class ConcurrentImportsIntegrationTests {

	static final int RACES = 8;

	static final String STATS = "genk";

	static final String PLAN = "sint-niklaas";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tenants tenants;

	@Autowired
	Plans plans;

	@Autowired
	PlanItems items;

	@Autowired
	StatusRounds rounds;

	@Autowired
	PlanExport export;

	private final ExecutorService pool = Executors.newFixedThreadPool(2);

	@Test
	void statisticsImportsAndUndosOfOneScopeNeverLoseOrMisreportAChange() throws Exception {
		ApiClient first = ApiClient.as(port, "redacteur." + STATS);
		ApiClient second = ApiClient.as(port, "beheerder." + STATS);
		String code = "genk_wedloop";
		assertThat(first
			.upload("/api/v1/" + STATS + "/stats/import?createIndicators=true", "start.csv", csv(code, 0), Map.of())
			.status()).isEqualTo(200);
		for (int race = 1; race <= RACES; race++) {
			int a = race * 1000;
			int b = race * 1000 + 500;
			List<ApiClient.Response> answers = together(
					() -> first.upload("/api/v1/" + STATS + "/stats/import", "a.csv", csv(code, a), Map.of()),
					() -> second.upload("/api/v1/" + STATS + "/stats/import", "b.csv", csv(code, b), Map.of()));
			long lastId = -1;
			int lastBase = -1;
			for (int i = 0; i < 2; i++) {
				ApiClient.Response answer = answers.get(i);
				assertThat(answer.status()).as(answer.body()).isIn(200, 409);
				if (answer.status() == 200) {
					var json = answer.json();
					assertThat(json.get("inserted").asLong() + json.get("updated").asLong()
							+ json.get("unchanged").asLong())
						.as("counts add up to the rows")
						.isEqualTo(ROWS);
					assertThat(json.get("updated").asLong()).as("every value replaced, as reported").isEqualTo(ROWS);
					long id = json.get("importId").asLong();
					if (id > lastId) {
						lastId = id;
						lastBase = i == 0 ? a : b;
					}
				}
			}
			assertThat(lastId).as("at least one import went through").isPositive();
			assertThat(values(code)).as("the stored values are those of the import that committed last")
				.containsOnly((double) lastBase, lastBase + ROWS - 1.0)
				.hasSize(2);

			// an undo of that import raced against a new import: no 500, and the state
			// matches the replies
			long undone = lastId;
			int c = race * 1000 + 700;
			List<ApiClient.Response> mixed = together(
					() -> first.post("/api/v1/" + STATS + "/stats/imports/" + undone + "/undo"),
					() -> second.upload("/api/v1/" + STATS + "/stats/import", "c.csv", csv(code, c), Map.of()));
			assertThat(mixed.get(0).status()).as(mixed.get(0).body()).isIn(200, 409);
			assertThat(mixed.get(1).status()).as(mixed.get(1).body()).isIn(200, 409);
			Integer dangling = jdbc.sql("""
					select count(*)::int from stats.observation o join stats.import_batch b on b.id = o.import_id
					join stats.indicator i on i.id = o.indicator_id where i.code = ? and b.undone_at is not null""")
				.param(code)
				.query(Integer.class)
				.single();
			assertThat(dangling).as("no value of an undone import is left").isZero();
			if (mixed.get(1).status() == 200) {
				assertThat(values(code)).contains((double) c);
			}
		}
		// an unknown or repeated undo is a clear 404 or 409, never 500
		assertThat(first.post("/api/v1/" + STATS + "/stats/imports/999999999/undo").status()).isEqualTo(404);
	}

	@Test
	void aStatusImportNeitherUndoesAnApprovalNorWritesIntoAClosedRound() throws Exception {
		Tenant tenant = tenants.require(PLAN);
		Plan plan = plans.current(tenant).orElseThrow();
		List<PlanItem> actions = items.all(plan).stream().filter(i -> i.type().name().equals("AC")).limit(400).toList();
		PlanHttp editor = PlanHttp.session(port, "redacteur." + PLAN);
		ApiClient api = ApiClient.as(port, "beheerder." + PLAN);
		assertThat(actions).hasSizeGreaterThan(2 * RACES);
		for (int race = 0; race < RACES; race++) {
			StatusRound round = rounds.open(tenant, plan, "Wedloop " + race, LocalDate.of(2026, 6, 30),
					LocalDate.of(2026, 7, 31), StatusRound.Scope.SELECTION, actions.stream().map(PlanItem::id).toList(),
					"test");
			// the approved item comes last in the file: the longest window between the
			// import's check and its write
			PlanItem approved = actions.get(actions.size() - 1 - race);
			long delay = 40L * race;
			var update = rounds.save(tenant, round.id(), approved.id(),
					new StatusUpdateForm(ItemStatus.OP_SCHEMA, 10, "ingediend", null, null, -1), true, "test");
			String roundPath = "/" + PLAN + "/plan/rondes/" + round.id();
			String token = editor.csrf(roundPath);
			byte[] file = statuses(actions, race);

			// status import ∥ approval
			List<Integer> answers = together(() -> api
				.upload("/api/v1/" + PLAN + "/plan/rondes/" + round.id() + "/import", "s.csv", file, Map.of())
				.status(), () -> {
					// released a little later each race, so that it lands at every point
					// of the import
					Thread.sleep(delay);
					return editor.post(roundPath + "/updates/" + update.id() + "/goedkeuren", "_csrf=" + token)
						.statusCode();
				});
			assertThat(answers.get(0)).isIn(200, 409, 422);
			assertThat(answers.get(1)).isEqualTo(302);
			String state = jdbc.sql("select state from plan.status_update where id = ?")
				.param(update.id())
				.query(String.class)
				.single();
			assertThat(state).as("the approval stands").isEqualTo("GOEDGEKEURD");

			// status import ∥ closing the round
			byte[] other = statuses(actions.stream().filter(i -> i.id() != approved.id()).toList(), race + 100);
			List<Integer> closing = together(() -> api
				.upload("/api/v1/" + PLAN + "/plan/rondes/" + round.id() + "/import", "t.csv", other, Map.of())
				.status(), () -> {
					Thread.sleep(delay);
					return editor.post(roundPath + "/afsluiten", "_csrf=" + token).statusCode();
				});
			assertThat(closing.get(0)).isIn(200, 409, 422);
			Integer afterClose = jdbc.sql("""
					select count(*)::int from plan.status_update u join plan.status_round r on r.id = u.round_id
					where r.id = ? and r.closed_at is not null and u.submitted_at > r.closed_at""")
				.param(round.id())
				.query(Integer.class)
				.single();
			assertThat(afterClose).as("nothing written into the closed round").isZero();
			assertThat(jdbc.sql("select state from plan.status_round where id = ?")
				.param(round.id())
				.query(String.class)
				.single()).isEqualTo("CLOSED");
			// and afterwards the closed round accepts nothing
			assertThat(
					api.upload("/api/v1/" + PLAN + "/plan/rondes/" + round.id() + "/import", "u.csv", other, Map.of())
						.status())
				.isEqualTo(422);
		}
	}

	@Test
	void twoPlanImportsAtOnceLeaveAPlanVersionWithEveryItem() throws Exception {
		Tenant tenant = tenants.require("roeselare");
		ApiClient editor = ApiClient.as(port, "redacteur.roeselare");
		String[] lines = export.csvText(plans.current(tenant).orElseThrow()).split("\r?\n");
		String action = Arrays.stream(lines).filter(l -> l.split(";", -1)[1].equals("AC")).findFirst().orElseThrow();
		String rest = action.substring(action.indexOf(';'));
		for (int race = 0; race < RACES; race++) {
			byte[][] files = new byte[2][];
			for (int f = 0; f < 2; f++) {
				StringBuilder csv = new StringBuilder(lines[0]).append('\n');
				for (int k = 0; k < 40; k++) {
					csv.append("RACE-").append(race).append(f == 0 ? "-A-" : "-B-").append(k).append(rest).append('\n');
				}
				files[f] = csv.toString().getBytes(StandardCharsets.UTF_8);
			}
			List<ApiClient.Response> answers = together(
					() -> editor.upload("/api/v1/roeselare/plan/import", "a.csv", files[0], Map.of()),
					() -> editor.upload("/api/v1/roeselare/plan/import", "b.csv", files[1], Map.of()));
			for (ApiClient.Response answer : answers) {
				assertThat(answer.status()).as(answer.body()).isIn(200, 409);
				if (answer.status() == 200) {
					assertThat(answer.json().get("created").asInt()).as(answer.body()).isEqualTo(40);
				}
			}
			Plan plan = plans.current(tenant).orElseThrow();
			String snapshot = "\n" + plans.snapshot(plan, plan.currentVersion()).orElseThrow();
			List<String> missing = items.all(plan)
				.stream()
				.map(PlanItem::code)
				.filter(code -> !snapshot.contains("\n" + code + ";"))
				.toList();
			assertThat(missing).as("race " + race + ": the newest plan version holds every item").isEmpty();
		}
	}

	static final int ROWS = 40;

	private static byte[] csv(String code, int base) {
		StringBuilder csv = new StringBuilder("indicator;gebied;niveau;periode;waarde\n");
		for (int i = 0; i < ROWS; i++) {
			csv.append(code).append(";71016;gemeente;").append(1980 + i).append(';').append(base + i).append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private List<Double> values(String code) {
		return jdbc
			.sql("""
					select min(o.value) from stats.observation o join stats.indicator i on i.id = o.indicator_id where i.code = ?
					union all
					select max(o.value) from stats.observation o join stats.indicator i on i.id = o.indicator_id where i.code = ?""")
			.params(code, code)
			.query(Double.class)
			.list();
	}

	private static byte[] statuses(List<PlanItem> actions, int race) {
		StringBuilder csv = new StringBuilder("code;status;voortgang;toelichting;knelpunten\n");
		for (PlanItem item : actions) {
			csv.append(item.code())
				.append(";vertraagd;")
				.append(race % 100)
				.append(";import ")
				.append(race)
				.append(";\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Runs both at the same moment (released by a barrier) and returns their answers in
	 * order.
	 */
	private <T> List<T> together(Callable<T> one, Callable<T> two) throws Exception {
		CyclicBarrier barrier = new CyclicBarrier(2);
		List<Future<T>> futures = new ArrayList<>();
		for (Callable<T> call : List.of(one, two)) {
			futures.add(pool.submit(() -> {
				barrier.await();
				return call.call();
			}));
		}
		List<T> answers = new ArrayList<>();
		for (Future<T> future : futures) {
			answers.add(future.get());
		}
		return answers;
	}

}
