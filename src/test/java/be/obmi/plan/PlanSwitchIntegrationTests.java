package be.obmi.plan;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several multi-year plans per tenant (issue 13): an editor starts 2020–2025 next to the
 * demo's 2026–2031, fills it by an import, switches between them; the public page shows
 * the one asked for; a plan of another tenant cannot be chosen; refusals change nothing.
 */
@ObmiIntegrationTest
class PlanSwitchIntegrationTests {

	private static final String SLUG = "turnhout";

	private static final String OLD_PLAN = """
			code;type;bovenliggende_code;titel;omschrijving;prioritair;beleidsveld;politiek_verantwoordelijke;ambtelijk_verantwoordelijke;startdatum;einddatum
			BD01;BD;;Turnhout van vroeger wordt groener;;nee;0200;Schepen A;Dienst Groen;2020-01-01;2025-12-31
			AP01.01;AP;BD01;Meer bomen in de wijken;;nee;0200;Schepen A;Dienst Groen;;
			AC01.01.01;AC;AP01.01;Duizend bomen planten tegen 2025;;ja;0200;Schepen A;Dienst Groen;2021-01-01;2025-06-30
			""";

	private static final String PUBLIC_NONE = "Er is nog geen gepubliceerde stand van zaken.";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private long plans() {
		return jdbc.sql("select count(*) from plan.plan p join tenancy.tenant t on t.id = p.tenant_id where t.slug = ?")
			.param(SLUG)
			.query(Long.class)
			.single();
	}

	private HttpResponse<byte[]> start(PlanHttp editor, String name, String from, String to) {
		return editor.post("/" + SLUG + "/plan/plannen", "_csrf=" + editor.csrf("/" + SLUG + "/plan/plannen") + "&name="
				+ URLEncoder.encode(name, StandardCharsets.UTF_8) + "&startYear=" + from + "&endYear=" + to);
	}

	@Test
	void anEditorStartsAnOlderPlanFillsItAndSwitchesBetweenThem() {
		PlanHttp editor = PlanHttp.session(port, "redacteur." + SLUG);
		String latestName = jdbc.sql("""
				select p.name from plan.plan p join tenancy.tenant t on t.id = p.tenant_id where t.slug = ?
				order by p.end_year desc, p.id desc limit 1""").param(SLUG).query(String.class).single();
		HttpResponse<byte[]> started = start(editor, "Meerjarenplan 2020–2025", "2020", "2025");
		assertThat(started.statusCode()).isEqualTo(302);
		String location = started.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/" + SLUG + "/plan/import?plan=");
		long old = Long.parseLong(location.replaceAll(".*plan=", ""));

		// the redirect makes it the plan the editor works in; the import fills it
		assertThat(editor.get(location.replaceAll("^https?://[^/]+", "")).statusCode()).isEqualTo(200);
		HttpResponse<byte[]> imported = PlanHttp.as(port, "redacteur." + SLUG)
			.upload("/api/v1/" + SLUG + "/plan/import?plan=" + old, "oud.csv",
					OLD_PLAN.getBytes(StandardCharsets.UTF_8));
		assertThat(imported.statusCode()).as(new String(imported.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(
				jdbc.sql("select count(*) from plan.plan_item where plan_id = ?").param(old).query(Long.class).single())
			.isEqualTo(3);

		String tree = editor.getText("/" + SLUG + "/plan");
		assertThat(tree).contains("Meerjarenplan 2020–2025")
			.contains("Turnhout van vroeger wordt groener")
			.contains("Wisselen");
		String plansPage = editor.getText("/" + SLUG + "/plan/plannen");
		assertThat(plansPage).contains("Meerjarenplan 2020–2025").contains(latestName).contains("u werkt hierin");

		String back = editor.getText("/" + SLUG + "/plan?plan=latest");
		assertThat(back).contains(latestName).doesNotContain("Turnhout van vroeger wordt groener");
		assertThat(editor.getText("/" + SLUG + "/plan")).as("the choice is forgotten").contains(latestName);

		PlanHttp visitor = PlanHttp.anonymous(port);
		// the older plan has no published update yet: the page says so, and shows nothing
		// of the latest
		assertThat(visitor.getText("/" + SLUG + "/plan/publiek?plan=" + old)).contains(PUBLIC_NONE)
			.doesNotContain(latestName);
		assertThat(visitor.getText("/" + SLUG + "/plan/publiek")).contains(latestName)
			.doesNotContain("Meerjarenplan 2020–2025");
	}

	@Test
	void aPlanOfAnotherTenantCannotBeChosen() {
		long gent = jdbc
			.sql("""
					select p.id from plan.plan p join tenancy.tenant t on t.id = p.tenant_id where t.slug = 'gent' limit 1""")
			.query(Long.class)
			.single();
		String gentName = jdbc.sql("select name from plan.plan where id = ?").param(gent).query(String.class).single();
		String page = PlanHttp.session(port, "redacteur." + SLUG).getText("/" + SLUG + "/plan?plan=" + gent);
		assertThat(page).doesNotContain("Gent");
		assertThat(PlanHttp.anonymous(port).getText("/" + SLUG + "/plan/publiek?plan=" + gent)).doesNotContain("Gent");
		assertThat(gentName).isNotBlank();
	}

	@Test
	void badPeriodsTakenNamesAndLowerRolesAreRefusedAndStartNothing() {
		long before = plans();
		PlanHttp editor = PlanHttp.session(port, "redacteur." + SLUG);
		HttpResponse<byte[]> backwards = start(editor, "Omgekeerd", "2031", "2026");
		assertThat(backwards.statusCode()).isEqualTo(400);
		assertThat(new String(backwards.body(), StandardCharsets.UTF_8)).contains("Periode 2031–2026 is ongeldig");
		HttpResponse<byte[]> notAYear = start(editor, "Tekst", "twintig", "2025");
		assertThat(notAYear.statusCode()).isEqualTo(400);
		assertThat(new String(notAYear.body(), StandardCharsets.UTF_8)).contains("is geen jaartal");
		String existing = jdbc.sql("""
				select p.name from plan.plan p join tenancy.tenant t on t.id = p.tenant_id where t.slug = ? limit 1""")
			.param(SLUG)
			.query(String.class)
			.single();
		HttpResponse<byte[]> taken = start(editor, existing.toUpperCase(), "2026", "2031");
		assertThat(taken.statusCode()).isEqualTo(400);
		assertThat(new String(taken.body(), StandardCharsets.UTF_8)).contains("Er is al een plan met de naam");

		PlanHttp contributor = PlanHttp.session(port, "bijdrager." + SLUG);
		HttpResponse<byte[]> refused = contributor.post("/" + SLUG + "/plan/plannen", "_csrf="
				+ contributor.csrf("/" + SLUG + "/plan/plannen") + "&name=Stiekem&startYear=2020&endYear=2025");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(plans()).isEqualTo(before);
	}

}
