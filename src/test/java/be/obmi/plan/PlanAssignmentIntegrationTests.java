package be.obmi.plan;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import be.obmi.audit.AuditEvent;
import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.identity.Role;
import be.obmi.identity.TenantMembers;
import be.obmi.identity.UserForm;
import be.obmi.plan.domain.Assignments;
import be.obmi.plan.domain.ItemType;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.Plans;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assigning contributors through the pages (Aalst): the item page offers the tenant's
 * accounts able to contribute and refuses any other name (unknown, a lezer, a disabled
 * account, another city's account) without changing anything; the bulk page previews the
 * actions under a goal or of a department and assigns them all after confirmation, one
 * audit entry per item by the editor; a stale version refuses the whole step.
 */
@ObmiIntegrationTest
class PlanAssignmentIntegrationTests {

	static final String SLUG = "aalst";

	static final String P = "/" + SLUG + "/plan";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Plans plans;

	@Autowired
	PlanItems items;

	@Autowired
	Assignments assignments;

	@Autowired
	TenantMembers members;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theItemPageOffersTheAccountsAndRefusesAnyOtherName() {
		Tenant tenant = tenants.require(SLUG);
		PlanItem action = actions(tenant).get(0);
		members.createAccount(tenant,
				new UserForm("uit.dienst.aalst", "Uit Dienst", null, Role.BIJDRAGER, "een-lang-wachtwoord"));
		jdbc.sql("update identity.user_account set enabled = false where username = 'uit.dienst.aalst'").update();
		PlanHttp editor = PlanHttp.session(port, "redacteur." + SLUG);
		String page = editor.getText(P + "/items/" + action.id());
		assertThat(page).contains("id=\"contributor\" name=\"contributor\"")
			.contains("value=\"bijdrager.aalst\">Bijdrager Aalst (demo) (bijdrager.aalst)</option>")
			.contains("value=\"redacteur.aalst\"")
			.doesNotContain("value=\"lezer.aalst\"")
			.doesNotContain("value=\"uit.dienst.aalst\"")
			.doesNotContain("value=\"bijdrager.gent\"");

		for (String refused : List.of("niemand.hier", "lezer.aalst", "uit.dienst.aalst", "bijdrager.gent")) {
			PlanItem before = items.byId(tenant, action.id()).orElseThrow();
			HttpResponse<byte[]> response = editor.post(P + "/items/" + action.id(),
					form(before, refused) + "&_csrf=" + editor.csrf(P + "/items/" + action.id()));
			assertThat(response.statusCode()).as(refused).isEqualTo(400);
			assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(refused)
				.contains("is geen actief account van deze stad dat mag rapporteren");
			assertThat(items.byId(tenant, action.id()).orElseThrow()).as(refused).isEqualTo(before);
		}

		PlanItem before = items.byId(tenant, action.id()).orElseThrow();
		HttpResponse<byte[]> saved = editor.post(P + "/items/" + action.id(),
				form(before, "Bijdrager.Aalst") + "&_csrf=" + editor.csrf(P + "/items/" + action.id()));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(items.byId(tenant, action.id()).orElseThrow().contributor()).isEqualTo("bijdrager.aalst");
	}

	@Test
	void theBulkPageAssignsEveryActionUnderAGoalAfterAPreviewWithAnAuditEntryEach() {
		Tenant tenant = tenants.require(SLUG);
		Plan plan = plans.current(tenant).orElseThrow();
		PlanItem goal = items.all(plan).stream().filter(i -> i.type() == ItemType.BD).toList().get(1);
		List<PlanItem> under = assignments.actionsUnder(tenant, plan, goal.id());
		assertThat(under).hasSizeGreaterThan(1);
		PlanHttp editor = PlanHttp.session(port, "redacteur." + SLUG);

		String preview = editor.getText(P + "/toewijzingen?goal=" + goal.id() + "&contributor=beheerder.aalst");
		assertThat(preview).contains(under.size() + " acties krijgen beheerder.aalst als bijdrager");
		under.forEach(action -> assertThat(preview).contains(action.code()));
		assertThat(items.byId(tenant, under.get(0).id()).orElseThrow().contributor()).isNotEqualTo("beheerder.aalst");

		HttpResponse<byte[]> done = editor.post(P + "/toewijzingen/bulk",
				bulk(under, "beheerder.aalst") + "&_csrf=" + editor.csrf(P + "/toewijzingen"));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(editor.getText(P + "/toewijzingen"))
			.contains(under.size() + " acties hebben nu beheerder.aalst als bijdrager.");
		for (PlanItem action : under) {
			assertThat(items.byId(tenant, action.id()).orElseThrow().contributor()).isEqualTo("beheerder.aalst");
			AuditEvent event = audit.history(tenant.id(), "planitem", String.valueOf(action.id()), 1).getFirst();
			assertThat(event.actor()).isEqualTo("redacteur." + SLUG);
			assertThat(event.changes())
				.containsExactly(new FieldChange("contributor", action.contributor(), "beheerder.aalst"));
		}
	}

	@Test
	void aStaleVersionOrAnUnknownNameRefusesTheWholeBulkAndADepartmentIsPreviewed() {
		Tenant tenant = tenants.require(SLUG);
		Plan plan = plans.current(tenant).orElseThrow();
		PlanItem goal = items.all(plan).stream().filter(i -> i.type() == ItemType.BD).toList().get(2);
		List<PlanItem> under = assignments.actionsUnder(tenant, plan, goal.id());
		PlanHttp editor = PlanHttp.session(port, "redacteur." + SLUG);
		String stale = bulk(under, "bijdrager.aalst").replaceFirst("version-(\\d+)=(\\d+)", "version-$1=999");

		assertThat(editor.post(P + "/toewijzingen/bulk", stale + "&_csrf=" + editor.csrf(P + "/toewijzingen"))
			.statusCode()).isEqualTo(302);
		assertThat(editor.getText(P + "/toewijzingen")).contains("gewijzigd");
		assertThat(editor
			.post(P + "/toewijzingen/bulk", bulk(under, "lezer.aalst") + "&_csrf=" + editor.csrf(P + "/toewijzingen"))
			.statusCode()).isEqualTo(302);
		assertThat(editor.getText(P + "/toewijzingen")).contains("is geen actief account");
		for (PlanItem action : under) {
			assertThat(items.byId(tenant, action.id()).orElseThrow()).isEqualTo(action);
		}

		String department = under.get(0).administrativeOwner();
		List<PlanItem> ofDepartment = assignments.actionsOf(plan, department);
		String page = editor.getText(P + "/toewijzingen?department="
				+ URLEncoder.encode(department, StandardCharsets.UTF_8) + "&contributor=bijdrager.aalst");
		assertThat(page).contains(ofDepartment.size() + " acties krijgen bijdrager.aalst als bijdrager");
		assertThat(ofDepartment).allMatch(a -> department.equals(a.administrativeOwner()));
	}

	@Test
	void aLezerCannotAssignAndAnotherCitysItemIsRefused() {
		Tenant aalst = tenants.require(SLUG);
		PlanItem action = actions(aalst).get(3);
		PlanHttp reader = PlanHttp.session(port, "lezer." + SLUG);
		assertThat(reader
			.post(P + "/toewijzingen",
					"item=" + action.id() + "&version-" + action.id() + "=" + action.version() + "&contributor-"
							+ action.id() + "=bijdrager.aalst&_csrf=" + reader.csrf(P))
			.statusCode()).isEqualTo(403);
		assertThat(reader.get(P + "/toewijzingen").statusCode()).isEqualTo(403);

		PlanItem gents = actions(tenants.require("gent")).get(0);
		PlanHttp editor = PlanHttp.session(port, "redacteur." + SLUG);
		editor.post(P + "/toewijzingen", "item=" + gents.id() + "&version-" + gents.id() + "=" + gents.version()
				+ "&contributor-" + gents.id() + "=bijdrager.aalst&_csrf=" + editor.csrf(P + "/rondes"));
		assertThat(items.byId(tenants.require("gent"), gents.id()).orElseThrow()).isEqualTo(gents);
	}

	List<PlanItem> actions(Tenant tenant) {
		return items.all(plans.current(tenant).orElseThrow()).stream().filter(i -> i.type() == ItemType.AC).toList();
	}

	static String bulk(List<PlanItem> actions, String contributor) {
		return "contributor=" + contributor
				+ actions.stream()
					.map(a -> "&item=" + a.id() + "&version-" + a.id() + "=" + a.version())
					.collect(Collectors.joining());
	}

	static String form(PlanItem item, String contributor) {
		return "title=" + enc(item.title()) + "&description=" + enc(item.description()) + "&priority=" + item.priority()
				+ "&policyField=" + enc(item.policyField()) + "&politicalOwner=" + enc(item.politicalOwner())
				+ "&administrativeOwner=" + enc(item.administrativeOwner()) + "&contributor=" + enc(contributor)
				+ "&startDate=" + (item.startDate() == null ? "" : item.startDate()) + "&endDate="
				+ (item.endDate() == null ? "" : item.endDate()) + "&tags=" + enc(item.tags()) + "&wijk="
				+ enc(item.wijk()) + "&latitude=" + (item.latitude() == null ? "" : item.latitude()) + "&longitude="
				+ (item.longitude() == null ? "" : item.longitude()) + "&weight=" + item.weight() + "&version="
				+ item.version();
	}

	static String enc(String value) {
		return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
