package be.obmi.plan;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Two editors save the same item at the same moment, over HTTP through the edit forms,
 * released together by a barrier so that both requests really race: exactly one save
 * wins, the other gets 409 with a clear Dutch message and its text kept in the form, and
 * the winner's edit is what is stored (no lost update). Repeated a few times, for a plan
 * item and for a status update of an open round. In Leuven's demo plan.
 */
@ObmiIntegrationTest
class ConcurrentEditorsFaultTests {

	static final String SLUG = "leuven";

	static final int RACES = 3;

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

	@Test
	void twoEditorsSavingOneItemAtOnceLoseNoUpdate() throws Exception {
		Tenant tenant = tenants.require(SLUG);
		Plan plan = plans.current(tenant).orElseThrow();
		PlanItem item = items.all(plan)
			.stream()
			.filter(i -> i.type().name().equals("AC") && !i.priority())
			.skip(3)
			.findFirst()
			.orElseThrow();
		String path = "/" + SLUG + "/plan/items/" + item.id();
		PlanHttp first = PlanHttp.session(port, "redacteur." + SLUG);
		PlanHttp second = PlanHttp.session(port, "beheerder." + SLUG);
		String firstToken = first.csrf(path);
		String secondToken = second.csrf(path);

		for (int round = 0; round < RACES; round++) {
			int race = round;
			int version = items.byId(tenant, item.id()).orElseThrow().version();
			String form = "version=" + version + "&_priority=on&weight=1&policyField=" + item.policyField() + "&title=";
			List<HttpResponse<byte[]>> answers = together(
					() -> first.post(path, form + "Redacteur+ronde+" + race + "&_csrf=" + firstToken),
					() -> second.post(path, form + "Beheerder+ronde+" + race + "&_csrf=" + secondToken));

			List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).sorted().toList();
			assertThat(statuses).as("one save wins, the other is refused").containsExactly(302, 409);
			boolean firstWon = answers.get(0).statusCode() == 302;
			String loserBody = new String(answers.get(firstWon ? 1 : 0).body(), StandardCharsets.UTF_8);
			assertThat(loserBody).contains("intussen gewijzigd")
				.as("the refused editor's text is still in the form")
				.contains((firstWon ? "Beheerder ronde " : "Redacteur ronde ") + race);
			PlanItem stored = items.byId(tenant, item.id()).orElseThrow();
			assertThat(stored.title()).isEqualTo((firstWon ? "Redacteur ronde " : "Beheerder ronde ") + race);
			assertThat(stored.version()).isEqualTo(version + 1);
		}
	}

	@Test
	void twoReportersSavingOneStatusUpdateAtOnceLoseNoUpdate() throws Exception {
		Tenant tenant = tenants.require(SLUG);
		Plan plan = plans.current(tenant).orElseThrow();
		StatusRound open = rounds.rounds(plan).stream().filter(StatusRound::open).findFirst().orElseThrow();
		List<StatusRounds.Task> free = rounds.tasks(tenant, open)
			.stream()
			.filter(t -> t.update() == null)
			.limit(RACES)
			.toList();
		assertThat(free).hasSize(RACES);
		PlanHttp first = PlanHttp.session(port, "redacteur." + SLUG);
		PlanHttp second = PlanHttp.session(port, "beheerder." + SLUG);

		for (StatusRounds.Task task : free) {
			String path = "/" + SLUG + "/plan/rondes/" + open.id() + "/items/" + task.item().id();
			String firstToken = first.csrf(path);
			String secondToken = second.csrf(path);
			// both opened the form while there was no update yet (version -1) and save a
			// concept
			String form = "version=-1&status=OP_SCHEMA&action=save&narrative=";
			List<HttpResponse<byte[]>> answers = together(
					() -> first.post(path, form + "Van+de+redacteur&progress=40&_csrf=" + firstToken),
					() -> second.post(path, form + "Van+de+beheerder&progress=60&_csrf=" + secondToken));

			assertThat(answers.stream().map(HttpResponse::statusCode).sorted().toList()).containsExactly(302, 409);
			boolean firstWon = answers.get(0).statusCode() == 302;
			assertThat(new String(answers.get(firstWon ? 1 : 0).body(), StandardCharsets.UTF_8))
				.containsAnyOf("Iemand anders heeft intussen", "intussen gewijzigd")
				.contains("je wijzigingen zijn niet bewaard");
			var stored = rounds.task(tenant, open.id(), task.item().id()).orElseThrow().update();
			assertThat(stored.narrative()).isEqualTo(firstWon ? "Van de redacteur" : "Van de beheerder");
			assertThat(stored.progress()).isEqualTo(firstWon ? 40 : 60);

			// and an edit of that concept by both, from the same version: again one wins
			int version = stored.version();
			String edit = "version=" + version + "&status=VERTRAAGD&action=save&progress=50&narrative=";
			List<HttpResponse<byte[]>> edits = together(
					() -> first.post(path, edit + "Tweede+redacteur&_csrf=" + firstToken),
					() -> second.post(path, edit + "Tweede+beheerder&_csrf=" + secondToken));
			assertThat(edits.stream().map(HttpResponse::statusCode).sorted().toList()).containsExactly(302, 409);
			var edited = rounds.task(tenant, open.id(), task.item().id()).orElseThrow().update();
			assertThat(edited.narrative())
				.isEqualTo(edits.get(0).statusCode() == 302 ? "Tweede redacteur" : "Tweede beheerder");
			assertThat(edited.version()).isEqualTo(version + 1);
		}
	}

	/**
	 * Runs both requests at the same moment (a barrier releases them together) and
	 * returns both answers in order.
	 */
	@SafeVarargs
	private static List<HttpResponse<byte[]>> together(Supplier<HttpResponse<byte[]>>... requests) throws Exception {
		CyclicBarrier start = new CyclicBarrier(requests.length);
		try (ExecutorService pool = Executors.newFixedThreadPool(requests.length)) {
			List<CompletableFuture<HttpResponse<byte[]>>> futures = Arrays.stream(requests)
				.map(request -> CompletableFuture.supplyAsync(() -> {
					try {
						start.await();
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
					return request.get();
				}, pool))
				.toList();
			return futures.stream().map(CompletableFuture::join).toList();
		}
	}

}
