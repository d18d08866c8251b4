package be.obmi.plan;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import be.obmi.audit.AuditTrail;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItemForm;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plan pages render for a tenant's users with the demo plan (read-only, in Mechelen), only editors reach the
 * import page, and two people saving the same item: the second save is refused and nothing is overwritten
 * (in Turnhout, which only the plan tests change).
 */
@ObmiIntegrationTest
class PlanPagesIntegrationTests {

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
	AuditTrail audit;

	@Test
	void everyPlanPageRendersWithTheDemoPlan() {
		Tenant mechelen = tenants.require("mechelen");
		Plan plan = plans.current(mechelen).orElseThrow();
		assertThat(plan.demo()).isTrue();
		List<PlanItem> all = items.all(plan);
		assertThat(all.stream().filter(i -> i.type().name().equals("BD")).count()).isBetween(6L, 10L);
		assertThat(all.stream().filter(i -> i.type().name().equals("AP")).count()).isBetween(25L, 40L);
		assertThat(all.stream().filter(i -> i.type().name().equals("AC")).count()).isBetween(100L, 150L);
		List<StatusRound> list = rounds.rounds(plan);
		assertThat(list.stream().filter(r -> !r.open()).count()).isEqualTo(2);
		assertThat(list.stream().filter(StatusRound::open).count()).isEqualTo(1);
		PlanItem action = all.stream().filter(i -> i.priority() && i.type().name().equals("AC")).findFirst().orElseThrow();
		long round = list.getFirst().id();

		PlanHttp redacteur = PlanHttp.as(port, "redacteur.mechelen");
		String p = "/mechelen/plan";
		for (String path : List.of(p, p + "?q=fiets&priority=true", p + "?status=VERTRAAGD", p + "/items/" + action.id(),
				p + "/import", p + "/dashboard", p + "/rondes", p + "/rondes/" + round, p + "/taken",
				p + "/rondes/" + round + "/items/" + action.id(), p + "/rondes/" + round + "/rapport", p + "/publiek",
				p + "?lang=en", "/api/docs/openapi.json")) {
			HttpResponse<byte[]> response = redacteur.get(path);
			assertThat(response.statusCode()).as(path + ": " + new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		}
		assertThat(redacteur.getText(p + "/items/" + action.id())).contains(action.code(), "data-chart");
		assertThat(redacteur.getText(p + "/dashboard")).contains("ST01BD01", "data-chart");
		assertThat(redacteur.getText("/api/docs/openapi.json")).contains("/api/v1/{slug}/plan/import");
		assertThat(PlanHttp.as(port, "bijdrager.mechelen").getText(p + "/taken")).contains("bijdrager.mechelen".isEmpty() ? "" : "ST01BD");
		assertThat(PlanHttp.as(port, "lezer.mechelen").get(p + "/import").statusCode()).isEqualTo(403);
	}

	@Test
	void theSecondOfTwoConcurrentSavesIsRefusedAndAudited() {
		Tenant turnhout = tenants.require("turnhout");
		Plan plan = plans.current(turnhout).orElseThrow();
		PlanItem item = items.all(plan).stream().filter(i -> i.type().name().equals("AC") && !i.priority()).findFirst().orElseThrow();
		PlanItemForm loaded = PlanItemForm.of(item);
		PlanItemForm first = new PlanItemForm("Eerste redacteur: " + item.title(), loaded.description(), false,
				loaded.policyField(), loaded.politicalOwner(), loaded.administrativeOwner(), loaded.contributor(),
				loaded.startDate(), loaded.endDate(), loaded.tags(), loaded.wijk(), BigDecimal.valueOf(2), loaded.version());
		PlanItemForm second = new PlanItemForm("Tweede redacteur: " + item.title(), loaded.description(), false,
				loaded.policyField(), loaded.politicalOwner(), loaded.administrativeOwner(), loaded.contributor(),
				loaded.startDate(), loaded.endDate(), loaded.tags(), loaded.wijk(), loaded.weight(), loaded.version());

		items.update(turnhout, item.id(), first);

		assertThatThrownBy(() -> items.update(turnhout, item.id(), second)).isInstanceOf(ConcurrentChangeException.class)
			.hasMessageContaining("intussen gewijzigd");
		PlanItem now = items.byId(turnhout, item.id()).orElseThrow();
		assertThat(now.title()).startsWith("Eerste redacteur");
		assertThat(now.version()).isEqualTo(item.version() + 1);
		assertThat(audit.history(turnhout.id(), "planitem", String.valueOf(item.id()), 5)).first()
			.satisfies(event -> assertThat(event.changes()).anySatisfy(c -> assertThat(c.field()).isEqualTo("title")));
	}

}
