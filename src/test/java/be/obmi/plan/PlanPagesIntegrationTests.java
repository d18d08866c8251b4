package be.obmi.plan;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.Matcher;

import be.obmi.audit.AuditTrail;
import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.StatusUpdate;
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
import be.obmi.plan.domain.Indicators;
import java.net.URLEncoder;
import java.time.LocalDate;
import org.assertj.core.api.Assertions;

/**
 * The plan pages render for a tenant's users with the demo plan (read-only, in Mechelen),
 * only editors reach the import page, and two people saving the same item: the second
 * save is refused and nothing is overwritten (in Turnhout, which only the plan tests
 * change).
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

	@Autowired
	Indicators indicators;

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
		PlanItem action = all.stream()
			.filter(i -> i.priority() && i.type().name().equals("AC"))
			.findFirst()
			.orElseThrow();
		long round = list.getFirst().id();

		PlanHttp redacteur = PlanHttp.as(port, "redacteur.mechelen");
		String p = "/mechelen/plan";
		for (String path : List.of(p, p + "?q=fiets&priority=true", p + "?status=VERTRAAGD",
				p + "/items/" + action.id(), p + "/import", p + "/dashboard", p + "/rondes", p + "/rondes/" + round,
				p + "/taken", p + "/rondes/" + round + "/items/" + action.id(), p + "/rondes/" + round + "/rapport",
				p + "/publiek", p + "?lang=en", p + "/bestuursakkoord", "/api/docs/openapi.json")) {
			HttpResponse<byte[]> response = redacteur.get(path);
			assertThat(response.statusCode()).as(path + ": " + new String(response.body(), StandardCharsets.UTF_8))
				.isEqualTo(200);
		}
		assertThat(redacteur.getText(p + "/items/" + action.id())).contains(action.code(), "data-chart");
		assertThat(redacteur.getText(p + "/dashboard")).contains("ST01BD01", "data-chart");
		assertThat(redacteur.getText(p + "/bestuursakkoord")).contains("BA01.1", "ST01BD01AP01AC01");
		assertThat(redacteur.getText(p + "/rondes/" + round + "/rapport")).contains(action.code(), "data-chart",
				"Geraamde versus gerealiseerde ontvangsten en uitgaven");
		// The tree shows goals and action plans; an action plan's actions load in place
		// (htmx) or with ?open=.
		PlanItem actionPlan = all.stream().filter(i -> i.id() == action.parentId()).findFirst().orElseThrow();
		assertThat(redacteur.getText(p)).contains(actionPlan.code(), "/acties").doesNotContain(action.code());
		assertThat(redacteur.getText(p + "?open=" + actionPlan.id())).contains(action.code());
		String rows = redacteur.getText(p + "/items/" + actionPlan.id() + "/acties");
		assertThat(rows.strip()).startsWith("<tr").contains(action.code()).doesNotContain("<tbody", "<main");
		assertThat(redacteur.getText("/api/docs/openapi.json")).contains("/api/v1/{slug}/plan/import");
		assertThat(PlanHttp.as(port, "bijdrager.mechelen").getText(p + "/taken")).contains("ST01BD", "task-link");
		assertThat(PlanHttp.as(port, "lezer.mechelen").get(p + "/import").statusCode()).isEqualTo(403);
	}

	@Test
	void indicatorsTargetsMeasurementsAndReleasesAreEditedAndAudited() {
		Tenant turnhout = tenants.require("turnhout");
		Plan plan = plans.current(turnhout).orElseThrow();
		PlanItem item = items.all(plan)
			.stream()
			.filter(i -> i.type().name().equals("AC"))
			.skip(3)
			.findFirst()
			.orElseThrow();

		long indicator = indicators.create(turnhout, item.id(), "OI-TEST", "Aantal aangelegde fietspaden", "OUTPUT",
				"km", "HIGHER", new BigDecimal("12.5"));
		indicators.target(turnhout, indicator, 2027, new BigDecimal("20"), null);
		indicators.measure(turnhout, indicator, LocalDate.of(2026, 9, 30), new BigDecimal("14"), null, "GIS", null);
		indicators.addRelease(turnhout, item.id(), "Oplevering fietspad Kasteelstraat", LocalDate.of(2026, 10, 1));
		var release = indicators.releases(turnhout, item.id())
			.stream()
			.filter(r -> r.title().equals("Oplevering fietspad Kasteelstraat"))
			.findFirst()
			.orElseThrow();
		assertThat(release.overdue(LocalDate.of(2026, 11, 1))).isTrue();
		indicators.realise(turnhout, release.id(), LocalDate.of(2026, 10, 15));

		var details = indicators.of(turnhout, item.id())
			.stream()
			.filter(d -> d.indicator().id() == indicator)
			.findFirst()
			.orElseThrow();
		assertThat(details.targets()).singleElement().satisfies(t -> assertThat(t.target()).isEqualByComparingTo("20"));
		assertThat(details.latest().value()).isEqualByComparingTo("14");
		assertThat(indicators.releases(turnhout, item.id()))
			.anySatisfy(r -> assertThat(r.actualDate()).isEqualTo(LocalDate.of(2026, 10, 15)));
		assertThat(audit.entityTypes(turnhout.id())).contains("indicator", "meting", "release");
		Assertions
			.assertThatThrownBy(
					() -> indicators.create(turnhout, item.id(), "OI-TEST", "Dubbel", "OUTPUT", null, null, null))
			.hasMessageContaining("al een indicator");
	}

	@Test
	void theItemPageReadsBelgianNumbersAndANumericIndicatorRefusesText() {
		Tenant turnhout = tenants.require("turnhout");
		Plan plan = plans.current(turnhout).orElseThrow();
		PlanItem item = items.all(plan)
			.stream()
			.filter(i -> i.type().name().equals("AC"))
			.skip(5)
			.findFirst()
			.orElseThrow();
		long indicator = indicators.create(turnhout, item.id(), "OI-GETAL", "Aantal bezoekers", "OUTPUT", null,
				"HIGHER", null);
		PlanHttp redacteur = PlanHttp.session(port, "redacteur.turnhout");
		String page = "/turnhout/plan/items/" + item.id();
		String[][] entered = { { "2026-01-31", "1.234,5", "1234.5" }, { "2026-02-28", "1,234.5", "1234.5" },
				{ "2026-03-31", "1 234,5", "1234.5" }, { "2026-04-30", "12,5", "12.5" } };
		for (String[] row : entered) {
			HttpResponse<byte[]> response = redacteur.post(page + "/metingen",
					"indicator=" + indicator + "&date=" + row[0] + "&value="
							+ URLEncoder.encode(row[1], StandardCharsets.UTF_8) + "&_csrf=" + redacteur.csrf(page));
			assertThat(response.statusCode()).as(row[1]).isEqualTo(302);
		}
		var details = indicators.of(turnhout, item.id())
			.stream()
			.filter(d -> d.indicator().id() == indicator)
			.findFirst()
			.orElseThrow();
		for (String[] row : entered) {
			assertThat(details.measurements()).as(row[1]).anySatisfy(m -> {
				assertThat(m.measuredOn()).isEqualTo(LocalDate.parse(row[0]));
				assertThat(m.value()).isEqualByComparingTo(row[2]);
				assertThat(m.textValue()).isNull();
			});
		}
		HttpResponse<byte[]> text = redacteur.post(page + "/metingen",
				"indicator=" + indicator + "&date=2026-05-31&value=veel&_csrf=" + redacteur.csrf(page));
		assertThat(text.statusCode()).isEqualTo(400);
		assertThat(indicators.of(turnhout, item.id())
			.stream()
			.filter(d -> d.indicator().id() == indicator)
			.findFirst()
			.orElseThrow()
			.measurements()).noneMatch(m -> m.measuredOn().equals(LocalDate.of(2026, 5, 31)));
	}

	@Test
	void aContributorSubmitsAnUpdateWithANewMeasurement() {
		Tenant turnhout = tenants.require("turnhout");
		Plan plan = plans.current(turnhout).orElseThrow();
		List<StatusRounds.Task> open = rounds.tasksOf(turnhout, plan, "bijdrager.turnhout")
			.stream()
			.filter(t -> t.update() == null)
			.toList();
		StatusRounds.Task task = open.getLast();
		long indicator = indicators.create(turnhout, task.item().id(), "OI-BIJDRAGER", "Aantal deelnemers", "OUTPUT",
				"aantal", "HIGHER", null);
		PlanHttp bijdrager = PlanHttp.session(port, "bijdrager.turnhout");
		String path = "/turnhout/plan/rondes/" + task.round().id() + "/items/" + task.item().id();
		String token = bijdrager.csrf(path);

		HttpResponse<byte[]> response = bijdrager.post(path,
				"version=-1&status=OP_SCHEMA&progress=30&narrative=Eerste+sessies+gehouden" + "&meting-" + indicator
						+ "=42&action=submit&_csrf=" + token);

		assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(302);
		StatusRounds.Task after = rounds.task(turnhout, task.round().id(), task.item().id()).orElseThrow();
		assertThat(after.update().state().name()).isEqualTo("INGEDIEND");
		assertThat(after.update().author()).isEqualTo("bijdrager.turnhout");
		var measurement = indicators.of(turnhout, task.item().id())
			.stream()
			.filter(d -> d.indicator().id() == indicator)
			.findFirst()
			.orElseThrow()
			.latest();
		assertThat(measurement.value()).isEqualByComparingTo("42");
		assertThat(measurement.measuredOn()).isEqualTo(task.round().referenceDate());
		// Someone else's item: refused.
		StatusRounds.Task other = rounds.tasks(turnhout, task.round())
			.stream()
			.filter(t -> t.item().contributor() == null)
			.findFirst()
			.orElseThrow();
		assertThat(bijdrager
			.post("/turnhout/plan/rondes/" + task.round().id() + "/items/" + other.item().id(),
					"version=-1&status=OP_SCHEMA&progress=30&action=submit&_csrf=" + token)
			.statusCode()).isEqualTo(403);
	}

	@Test
	void aStatusThatContradictsItsProgressIsSavedWithAWarningTheApproverSees() {
		Tenant aalst = tenants.require("aalst");
		Plan plan = plans.current(aalst).orElseThrow();
		StatusRounds.Task task = rounds.tasksOf(aalst, plan, "bijdrager.aalst")
			.stream()
			.filter(t -> t.update() == null)
			.findFirst()
			.orElseThrow();
		PlanHttp bijdrager = PlanHttp.session(port, "bijdrager.aalst");
		String path = "/aalst/plan/rondes/" + task.round().id() + "/items/" + task.item().id();

		HttpResponse<byte[]> response = bijdrager.post(path,
				"version=-1&status=NIET_GESTART&progress=62&action=submit&_csrf=" + bijdrager.csrf(path));

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(bijdrager.getText("/aalst/plan/taken"))
			.contains("Let op: status “niet gestart” maar voortgang 62 %. Klopt dat?");
		String round = PlanHttp.as(port, "redacteur.aalst").getText("/aalst/plan/rondes/" + task.round().id());
		Matcher row = Pattern.compile("id=\"task-" + Pattern.quote(task.item().code()) + "\".*?</tr>", Pattern.DOTALL)
			.matcher(round);
		assertThat(row.find()).isTrue();
		assertThat(row.group()).contains("badge warning mismatch", "voortgang 62 %");
		assertThat(ItemStatus.AFGEROND.mismatch(40)).isEqualTo("plan.mismatch.finished");
		assertThat(ItemStatus.OP_SCHEMA.mismatch(100)).isEqualTo("plan.mismatch.complete");
		assertThat(ItemStatus.STOPGEZET.mismatch(100)).isNull();
		assertThat(ItemStatus.NIET_GESTART.mismatch(0)).isNull();
		assertThat(ItemStatus.AFGEROND.mismatch(100)).isNull();
		assertThat(ItemStatus.VERTRAAGD.mismatch(45)).isNull();
	}

	@Test
	void theHistoryNamesFieldsAndStatesInTheUsersLanguage() {
		Tenant aalst = tenants.require("aalst");
		Plan plan = plans.current(aalst).orElseThrow();
		StatusRound open = rounds.rounds(plan).stream().filter(StatusRound::open).findFirst().orElseThrow();
		StatusUpdate submitted = rounds.tasks(aalst, open)
			.stream()
			.map(StatusRounds.Task::update)
			.filter(u -> u != null && u.state().name().equals("INGEDIEND"))
			.findFirst()
			.orElseThrow();
		PlanHttp redacteur = PlanHttp.session(port, "redacteur.aalst");
		String round = "/aalst/plan/rondes/" + open.id();
		assertThat(
				redacteur.post(round + "/updates/" + submitted.id() + "/goedkeuren", "_csrf=" + redacteur.csrf(round))
					.statusCode())
			.isEqualTo(302);

		PlanHttp beheerder = PlanHttp.session(port, "beheerder.aalst");
		String dutch = beheerder.getText("/aalst/beheer/historiek?type=statusupdate");
		assertThat(dutch)
			.containsPattern("Workflowstatus</span>:\\s*<del>ingediend</del>[\\s\\S]*?<ins>goedgekeurd</ins>")
			.doesNotContain(">state</span>", ">INGEDIEND<");
		String english = beheerder.getText("/aalst/beheer/historiek?type=statusupdate&lang=en");
		assertThat(english)
			.containsPattern("Workflow state</span>:\\s*<del>submitted</del>[\\s\\S]*?<ins>approved</ins>")
			.contains("status update");
	}

	@Test
	void theEditFormRefusesAStaleSaveWithAClearMessage() {
		Tenant turnhout = tenants.require("turnhout");
		Plan plan = plans.current(turnhout).orElseThrow();
		PlanItem item = items.all(plan)
			.stream()
			.filter(i -> i.type().name().equals("AC") && !i.priority())
			.skip(5)
			.findFirst()
			.orElseThrow();
		PlanHttp first = PlanHttp.session(port, "redacteur.turnhout");
		PlanHttp second = PlanHttp.session(port, "beheerder.turnhout");
		String path = "/turnhout/plan/items/" + item.id();
		String firstToken = first.csrf(path);
		String secondToken = second.csrf(path);
		String form = "version=" + item.version() + "&_priority=on&weight=1&policyField=" + item.policyField()
				+ "&title=";

		HttpResponse<byte[]> saved = first.post(path, form + "Eerste+versie&_csrf=" + firstToken);
		HttpResponse<byte[]> refused = second.post(path, form + "Tweede+versie&_csrf=" + secondToken);

		assertThat(saved.statusCode()).as(new String(saved.body(), StandardCharsets.UTF_8)).isEqualTo(302);
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("intussen gewijzigd", "Tweede versie");
		assertThat(items.byId(turnhout, item.id()).orElseThrow().title()).isEqualTo("Eerste versie");
	}

	@Test
	void theSecondOfTwoConcurrentSavesIsRefusedAndAudited() {
		Tenant turnhout = tenants.require("turnhout");
		Plan plan = plans.current(turnhout).orElseThrow();
		PlanItem item = items.all(plan)
			.stream()
			.filter(i -> i.type().name().equals("AC") && !i.priority())
			.findFirst()
			.orElseThrow();
		PlanItemForm loaded = PlanItemForm.of(item);
		PlanItemForm first = new PlanItemForm("Eerste redacteur: " + item.title(), loaded.description(), false,
				loaded.policyField(), loaded.politicalOwner(), loaded.administrativeOwner(), loaded.contributor(),
				loaded.startDate(), loaded.endDate(), loaded.tags(), loaded.wijk(), 51.32, 4.95, BigDecimal.valueOf(2),
				loaded.version());
		PlanItemForm second = new PlanItemForm("Tweede redacteur: " + item.title(), loaded.description(), false,
				loaded.policyField(), loaded.politicalOwner(), loaded.administrativeOwner(), loaded.contributor(),
				loaded.startDate(), loaded.endDate(), loaded.tags(), loaded.wijk(), null, null, loaded.weight(),
				loaded.version());

		items.update(turnhout, item.id(), first);

		assertThatThrownBy(() -> items.update(turnhout, item.id(), second))
			.isInstanceOf(ConcurrentChangeException.class)
			.hasMessageContaining("intussen gewijzigd");
		PlanItem now = items.byId(turnhout, item.id()).orElseThrow();
		assertThat(now.title()).startsWith("Eerste redacteur");
		assertThat(now.version()).isEqualTo(item.version() + 1);
		assertThat(now.located()).isTrue();
		assertThat(audit.history(turnhout.id(), "planitem", String.valueOf(item.id()), 5)).first()
			.satisfies(event -> assertThat(event.changes()).anySatisfy(c -> assertThat(c.field()).isEqualTo("title")));
	}

}
