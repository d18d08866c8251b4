package be.obmi.stats;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: the data team publishes, unpublishes and edits the tenant's own indicators in
 * the UI. Lower roles, anonymous visitors and another tenant's redacteur change nothing;
 * a concurrent edit is detected; invalid input is refused in the user's language with
 * nothing changed; a save is in the history and in "changed since the last publication",
 * and the public pages and the DCAT catalogue show it at once.
 */
@ObmiIntegrationTest
class StatsIndicatorEditingIntegrationTests {

	static final String SLUG = "hasselt";

	static final String CODE = "team_bewerken";

	static final String EDIT = "/" + SLUG + "/cijfers/beheer/indicatoren/" + CODE;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/** The indicator as stored: name, English name, published, decimals, version. */
	record Stored(String name, String nameEn, boolean published, int decimals, int version) {
	}

	@BeforeEach
	void indicatorWithValues() {
		StatsHttp http = new StatsHttp(port);
		String catalogue = "code;naam;thema;definitie;eenheid;aggregatie;decimalen;drempel;gepubliceerd\n" + CODE
				+ ";Deelfietsen;Mobiliteit;Aantal deelfietsen;fietsen;sum;0;0;ja\n";
		StatsHttp.Response created = http.upload(SLUG, "redacteur." + SLUG, "catalogus.csv",
				catalogue.getBytes(StandardCharsets.UTF_8), false, "/api/v1/" + SLUG + "/stats/catalogue");
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		StatsHttp.Response values = http.upload(SLUG, "redacteur." + SLUG, "waarden.csv",
				("indicator;gebied;periode;waarde\n" + CODE + ";71022;2024;321\n").getBytes(StandardCharsets.UTF_8),
				false);
		assertThat(values.status()).as(values.body()).isEqualTo(200);
	}

	Stored stored() {
		return jdbc.sql("""
				select name, name_en, published, decimals, version from stats.indicator
				where code = ? and tenant_id = (select id from tenancy.tenant where slug = ?)""")
			.params(CODE, SLUG)
			.query(Stored.class)
			.single();
	}

	static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	Map<String, String> fields(int version, String name, String nameEn, String decimals) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("version", String.valueOf(version));
		fields.put("name", name);
		fields.put("nameEn", nameEn);
		fields.put("theme", "Mobiliteit");
		fields.put("themeEn", "Mobility");
		fields.put("definition", "Aantal deelfietsen");
		fields.put("definitionEn", "");
		fields.put("unit", "fietsen");
		fields.put("unitEn", "bicycles");
		fields.put("source", "Stad Hasselt");
		fields.put("threshold", "0");
		fields.put("decimals", decimals);
		return fields;
	}

	HttpResponse<String> save(PageSession session, Map<String, String> fields) {
		String token = session.csrf("/account");
		return session.post(EDIT, form(fields) + "&_csrf=" + token);
	}

	@Test
	void readersContributorsAndAnonymousVisitorsCannotPublishOrEdit() {
		Stored before = stored();
		for (String user : new String[] { "lezer." + SLUG, "bijdrager." + SLUG }) {
			PageSession session = PageSession.login(port, user);
			String token = session.csrf("/account");
			assertThat(session.post(EDIT + "/depubliceren", "_csrf=" + token).statusCode()).as(user).isEqualTo(403);
			assertThat(session.get(EDIT).statusCode()).as(user).isEqualTo(403);
			assertThat(save(session, fields(before.version(), "Gekaapt", "Hijacked", "0")).statusCode()).as(user)
				.isEqualTo(403);
			assertThat(session.get("/" + SLUG + "/cijfers/beheer").statusCode()).as(user).isEqualTo(403);
		}
		PageSession anonymous = PageSession.anonymous(port);
		String token = anonymous.csrf("/login");
		HttpResponse<String> unpublish = anonymous.post(EDIT + "/depubliceren", "_csrf=" + token);
		assertThat(unpublish.statusCode()).isIn(302, 401, 403);
		assertThat(unpublish.headers().firstValue("Location").orElse("/login")).contains("/login");
		assertThat(anonymous.post(EDIT, form(fields(before.version(), "Gekaapt", "Hijacked", "0")) + "&_csrf=" + token)
			.statusCode()).isIn(302, 401, 403);
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void anotherTenantsRedacteurCannotAffectThisTenant() {
		Stored before = stored();
		PageSession genk = PageSession.login(port, "redacteur.genk");
		String token = genk.csrf("/genk/cijfers/beheer");
		// through this tenant's pages: forbidden
		assertThat(genk.post(EDIT + "/depubliceren", "_csrf=" + token).statusCode()).isEqualTo(403);
		assertThat(genk.get(EDIT).statusCode()).isEqualTo(403);
		assertThat(genk.post(EDIT, form(fields(before.version(), "Gekaapt", "Hijacked", "0")) + "&_csrf=" + token)
			.statusCode()).isEqualTo(403);
		// through their own tenant's pages: the code is not theirs
		String own = "/genk/cijfers/beheer/indicatoren/" + CODE;
		HttpResponse<String> unpublish = genk.post(own + "/depubliceren", "_csrf=" + token);
		assertThat(unpublish.statusCode()).isEqualTo(302);
		assertThat(genk.get("/genk/cijfers/beheer").body()).contains("Onbekende indicator: " + CODE);
		assertThat(genk.get(own).statusCode()).isEqualTo(404);
		assertThat(genk.post(own, form(fields(before.version(), "Gekaapt", "Hijacked", "0")) + "&_csrf=" + token)
			.statusCode()).isEqualTo(404);
		// a shared platform indicator is not a tenant's to publish or edit either
		genk.post("/genk/cijfers/beheer/indicatoren/bev_totaal/depubliceren", "_csrf=" + token);
		assertThat(genk.get("/genk/cijfers/beheer").body())
			.contains("Indicator bev_totaal hoort bij de gedeelde platformcatalogus");
		assertThat(genk.get("/genk/cijfers/beheer/indicatoren/bev_totaal").statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("select published from stats.indicator where tenant_id is null and code = 'bev_totaal'")
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void aConcurrentEditIsDetectedAndTheFirstSaveKept() {
		Stored before = stored();
		PageSession first = PageSession.login(port, "redacteur." + SLUG);
		PageSession second = PageSession.login(port, "beheerder." + SLUG);
		assertThat(first.get(EDIT).body()).contains("name=\"version\" value=\"" + before.version() + "\"");
		assertThat(second.get(EDIT).statusCode()).isEqualTo(200);

		HttpResponse<String> saved = save(first, fields(before.version(), "Deelfietsen", "Shared bicycles", "0"));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		HttpResponse<String> late = save(second, fields(before.version(), "Deelfietsen (oud)", "Old", "0"));
		assertThat(late.statusCode()).isEqualTo(409);
		assertThat(late.body()).contains("werd intussen door iemand anders gewijzigd")
			.contains("Deelfietsen (oud)")
			.contains("name=\"version\" value=\"" + (before.version() + 1) + "\"");
		assertThat(stored().nameEn()).isEqualTo("Shared bicycles");
		assertThat(stored().version()).isEqualTo(before.version() + 1);

		// the save is in the indicator's history, with who, and in "changed since the
		// last
		// publication"
		String page = first.get(EDIT).body();
		assertThat(page).contains("<ins>Shared bicycles</ins>");
		Map<String, Object> event = jdbc.sql("""
				select actor, changes::text as changes from audit.audit_event
				where entity_type = 'indicator' and entity_label = ? order by id desc limit 1""")
			.param(CODE)
			.query()
			.singleRow();
		assertThat(event.get("actor")).isEqualTo("redacteur." + SLUG);
		assertThat((String) event.get("changes")).contains("naam_en").contains("Shared bicycles");
		assertThat(first.get("/" + SLUG + "/cijfers/beheer").body()).contains("id=\"changed-since\"")
			.contains("/" + SLUG + "/cijfers/beheer/indicatoren/" + CODE + "\"");
	}

	@Test
	void invalidInputIsRefusedInTheUsersLanguageWithNothingChanged() {
		Stored before = stored();
		PageSession session = PageSession.login(port, "redacteur." + SLUG);
		HttpResponse<String> decimals = save(session, fields(before.version(), "Deelfietsen", "X", "-1"));
		assertThat(decimals.statusCode()).isEqualTo(422);
		assertThat(decimals.body()).contains("Het aantal decimalen ligt tussen 0 en 6.");
		HttpResponse<String> noName = save(session, fields(before.version(), "  ", "X", "0"));
		assertThat(noName.statusCode()).isEqualTo(422);
		assertThat(noName.body()).contains("Geef de indicator een Nederlandse naam.");
		HttpResponse<String> tooLong = save(session, fields(before.version(), "Deelfietsen", "x".repeat(301), "0"));
		assertThat(tooLong.statusCode()).isEqualTo(422);
		assertThat(tooLong.body()).contains("Naam (Engels) is te lang: hoogstens 300 tekens.");

		session.get("/" + SLUG + "/cijfers?lang=en");
		HttpResponse<String> english = save(session, fields(before.version(), "Deelfietsen", "X", "7"));
		assertThat(english.statusCode()).isEqualTo(422);
		assertThat(english.body()).contains("The number of decimals is between 0 and 6.");
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void publishingAndRenamingShowAtOnceOnThePublicPagesAndInTheCatalogue() {
		StatsHttp anonymous = new StatsHttp(port);
		String page = "/" + SLUG + "/cijfers/indicator/" + CODE;
		String catalogue = "/" + SLUG + "/cijfers/catalogus.ttl";
		// fill the public response cache first
		assertThat(anonymous.get(page, null).status()).isEqualTo(200);
		assertThat(anonymous.get(catalogue, null).body()).contains("/datasets/" + CODE + ">");

		PageSession session = PageSession.login(port, "redacteur." + SLUG);
		String token = session.csrf("/" + SLUG + "/cijfers/beheer");
		assertThat(session.post(EDIT + "/depubliceren", "_csrf=" + token).statusCode()).isEqualTo(302);
		assertThat(anonymous.get(page, null).status()).isEqualTo(404);
		assertThat(anonymous.get(catalogue, null).body()).doesNotContain("/datasets/" + CODE + ">");
		assertThat(anonymous.get("/api/v1/" + SLUG + "/stats/search?q=deelfietsen", null).body()).doesNotContain(CODE);

		assertThat(session.post(EDIT + "/publiceren", "_csrf=" + token).statusCode()).isEqualTo(302);
		Stored published = stored();
		assertThat(published.published()).isTrue();
		assertThat(save(session, fields(published.version(), "Deelfietsen", "Shared bikes", "0")).statusCode())
			.isEqualTo(302);
		assertThat(anonymous.get(catalogue, null).body()).contains("\"Shared bikes\"@en")
			.contains("\"Deelfietsen\"@nl");
		assertThat(anonymous.get("/api/v1/" + SLUG + "/stats/search?q=shared+bikes", null).body()).contains(CODE);
	}

	@Test
	void onlyThePlatformAdminEditsAndPublishesTheSharedCatalogue() {
		String code = "platform_bewerken";
		String edit = "/platform/cijfers/beheer/indicatoren/" + code;
		// a shared draft without values: in no public list, whatever happens to it
		StatsHttp.Response created = new StatsHttp(port).upload("platform", "platformbeheerder", "catalogus.csv",
				("code;naam;thema;gepubliceerd\n" + code + ";Gedeelde proef;Proeven;nee\n")
					.getBytes(StandardCharsets.UTF_8),
				false, "/api/v1/platform/stats/catalogue");
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		String stored = "select coalesce(name_en, '') || '|' || published from stats.indicator where tenant_id is null and code = ?";
		String before = jdbc.sql(stored).param(code).query(String.class).single();

		for (String user : new String[] { "redacteur." + SLUG, "beheerder." + SLUG }) {
			PageSession tenantUser = PageSession.login(port, user);
			String token = tenantUser.csrf("/account");
			assertThat(tenantUser.get("/platform/cijfers/beheer").statusCode()).as(user).isEqualTo(403);
			assertThat(tenantUser.get(edit).statusCode()).as(user).isEqualTo(403);
			assertThat(tenantUser.post(edit + "/publiceren", "_csrf=" + token).statusCode()).as(user).isEqualTo(403);
			assertThat(tenantUser.post(edit, "version=0&name=X&theme=Y&threshold=0&decimals=0&_csrf=" + token)
				.statusCode()).as(user).isEqualTo(403);
		}
		assertThat(jdbc.sql(stored).param(code).query(String.class).single()).isEqualTo(before);

		PageSession admin = PageSession.login(port, "platformbeheerder");
		assertThat(admin.get("/platform/cijfers/beheer?q=" + code).body()).contains("id=\"indicator-" + code + "\"")
			.contains("1 van 1 indicatoren getoond.");
		int version = jdbc.sql("select version from stats.indicator where tenant_id is null and code = ?")
			.param(code)
			.query(Integer.class)
			.single();
		Map<String, String> fields = fields(version, "Gedeelde proef", "Shared trial", "0");
		fields.put("theme", "Proeven");
		fields.put("themeEn", "Trials");
		String token = admin.csrf("/account");
		assertThat(admin.post(edit, form(fields) + "&_csrf=" + token).statusCode()).isEqualTo(302);
		assertThat(admin.post(edit + "/publiceren", "_csrf=" + token).statusCode()).isEqualTo(302);
		assertThat(jdbc.sql(stored).param(code).query(String.class).single()).isEqualTo("Shared trial|true");
		assertThat(admin.get(edit).body()).contains("<ins>Shared trial</ins>");
		assertThat(admin.post(edit + "/depubliceren", "_csrf=" + token).statusCode()).isEqualTo(302);
		assertThat(jdbc.sql(stored).param(code).query(String.class).single()).isEqualTo("Shared trial|false");
	}

	@Test
	void theCatalogueFileCarriesTheEnglishLabelsAndAFileWithoutThemKeepsThem() {
		StatsHttp http = new StatsHttp(port);
		String path = "/api/v1/" + SLUG + "/stats/catalogue";
		String english = "code;naam;thema;naam_en;thema_en\nteam_engels;Fietspaden;Mobiliteit;Cycle paths;Mobility\n";
		assertThat(
				http.upload(SLUG, "redacteur." + SLUG, "c.csv", english.getBytes(StandardCharsets.UTF_8), false, path)
					.status())
			.isEqualTo(200);
		String unitOnly = "code;naam;thema;eenheid_en\nteam_engels;Fietspaden;Mobiliteit;km\n";
		assertThat(
				http.upload(SLUG, "redacteur." + SLUG, "c.csv", unitOnly.getBytes(StandardCharsets.UTF_8), false, path)
					.status())
			.isEqualTo(200);
		assertThat(jdbc.sql("""
				select name_en || '|' || theme_en || '|' || unit_en from stats.indicator
				where code = 'team_engels' and tenant_id = (select id from tenancy.tenant where slug = ?)""")
			.param(SLUG)
			.query(String.class)
			.single()).isEqualTo("Cycle paths|Mobility|km");
		String export = http.get(path + "?format=csv", "redacteur." + SLUG).body();
		assertThat(export).contains(";demo;naam_en;thema_en;definitie_en;eenheid_en;totalen\r\n")
			.contains(";Cycle paths;Mobility;;km;waarschuwen\r\n");
	}

}
