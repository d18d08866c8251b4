package be.obmi.plan;

import java.net.http.HttpResponse;
import java.util.List;

import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.domain.StatusUpdate;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every plan page and API endpoint of tenant B (Gent) is closed to a user of tenant A
 * (Mechelen), even a redacteur, and to anonymous visitors; only the public progress page
 * is open. Ids of Gent's rows used under Mechelen's address are not found either, so no
 * query leaks across tenants.
 */
@ObmiIntegrationTest
class PlanTenantIsolationIntegrationTests {

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

	long itemId;

	long roundId;

	long updateId;

	@BeforeEach
	void findRowsOfGent() {
		Tenant gent = tenants.require("gent");
		Plan plan = plans.current(gent).orElseThrow();
		PlanItem action = items.all(plan).stream().filter(i -> i.type().name().equals("AC")).findFirst().orElseThrow();
		StatusRound round = rounds.rounds(plan).getFirst();
		StatusUpdate update = rounds.latest(plan, false).values().iterator().next();
		itemId = action.id();
		roundId = round.id();
		updateId = update.id();
	}

	List<String> pages(String slug) {
		String p = "/" + slug + "/plan";
		return List.of(p, p + "?q=fiets", p + "/items/" + itemId, p + "/import", p + "/export?format=csv",
				p + "/export?format=xlsx", p + "/dashboard", p + "/rondes", p + "/rondes/" + roundId, p + "/taken",
				p + "/rondes/" + roundId + "/items/" + itemId, p + "/rondes/" + roundId + "/rapport",
				p + "/rondes/" + roundId + "/rapport.pdf", p + "/bestuursakkoord", p + "/items/" + itemId + "/acties",
				p + "/versies/1");
	}

	List<String> posts(String slug) {
		String p = "/" + slug + "/plan";
		return List.of(p + "/items/" + itemId, p + "/items/" + itemId + "/metingen", p + "/import", p + "/rondes",
				p + "/rondes/" + roundId + "/updates/" + updateId + "/goedkeuren",
				p + "/rondes/" + roundId + "/updates/" + updateId + "/terugsturen",
				p + "/rondes/" + roundId + "/updates/" + updateId + "/publiceren",
				p + "/rondes/" + roundId + "/publiceren", p + "/rondes/" + roundId + "/afsluiten",
				p + "/rondes/" + roundId + "/teksten", p + "/rondes/" + roundId + "/items/" + itemId,
				p + "/bestuursakkoord", p + "/items/" + itemId + "/engagementen",
				p + "/items/" + itemId + "/engagementen/1/verwijderen", p + "/items/" + itemId + "/indicatoren",
				p + "/items/" + itemId + "/streefwaarden", p + "/items/" + itemId + "/releases",
				p + "/items/" + itemId + "/releases/1/gerealiseerd");
	}

	List<String> api(String slug) {
		String p = "/api/v1/" + slug + "/plan";
		return List.of(p + "/items", p + "/export?format=csv", p + "/export?format=xlsx");
	}

	List<String> apiUploads(String slug) {
		String p = "/api/v1/" + slug + "/plan";
		return List.of(p + "/import", p + "/rondes/" + roundId + "/import", p + "/indicatoren/import");
	}

	@Test
	void aUserOfAnotherTenantGets403OnEveryPlanPageAndEndpoint() {
		PlanHttp mechelen = PlanHttp.as(port, "redacteur.mechelen");
		for (String path : pages("gent")) {
			assertThat(mechelen.get(path).statusCode()).as("GET " + path).isEqualTo(403);
		}
		// Posts with a valid session and CSRF token of Mechelen, so only the tenant rule
		// can refuse them.
		PlanHttp session = PlanHttp.session(port, "redacteur.mechelen");
		String token = session.csrf("/mechelen/plan/import");
		for (String path : posts("gent")) {
			assertThat(session.post(path, "remark=x&name=x&version=0&_csrf=" + token).statusCode()).as("POST " + path)
				.isEqualTo(403);
		}
		// The same token is accepted in Mechelen itself (so the 403s above are not CSRF
		// refusals): the round is refused
		// for its empty name (400), not for the token.
		assertThat(session.post("/mechelen/plan/rondes", "name=&scope=ALL&_csrf=" + token).statusCode()).isEqualTo(400);
		for (String path : api("gent")) {
			assertThat(mechelen.get(path).statusCode()).as("GET " + path).isEqualTo(403);
		}
		for (String path : apiUploads("gent")) {
			assertThat(mechelen.upload(path, "x.csv", "code;type\n".getBytes()).statusCode()).as("POST " + path)
				.isEqualTo(403);
		}
	}

	@Test
	void idsOfAnotherTenantAreNotFoundUnderOnesOwnTenant() {
		PlanHttp mechelen = PlanHttp.as(port, "redacteur.mechelen");
		String p = "/mechelen/plan";
		for (String path : List.of(p + "/items/" + itemId, p + "/rondes/" + roundId,
				p + "/rondes/" + roundId + "/rapport", p + "/rondes/" + roundId + "/rapport.pdf",
				p + "/rondes/" + roundId + "/items/" + itemId)) {
			assertThat(mechelen.get(path).statusCode()).as("GET " + path).isEqualTo(404);
		}
		HttpResponse<byte[]> statusImport = mechelen.upload("/api/v1/mechelen/plan/rondes/" + roundId + "/import",
				"s.csv", "code;status;voortgang;toelichting;knelpunten\n".getBytes());
		assertThat(statusImport.statusCode()).isEqualTo(422);
		assertThat(new String(statusImport.body())).contains("Onbekende statusronde");
	}

	@Test
	void anonymousVisitorsSeeOnlyThePublicPage() {
		PlanHttp anonymous = PlanHttp.anonymous(port);
		for (String path : pages("gent")) {
			int status = anonymous.get(path).statusCode();
			assertThat(status).as("GET " + path).isIn(302, 401, 403);
		}
		for (String path : api("gent")) {
			assertThat(anonymous.get(path).statusCode()).as("GET " + path).isIn(401, 403);
		}
		for (String path : apiUploads("gent")) {
			assertThat(anonymous.upload(path, "x.csv", "code\n".getBytes()).statusCode()).as("POST " + path)
				.isIn(401, 403);
		}
		HttpResponse<byte[]> publicPage = anonymous.get("/gent/plan/publiek");
		assertThat(publicPage.statusCode()).isEqualTo(200);
		assertThat(new String(publicPage.body())).contains("ST01BD01");
	}

}
