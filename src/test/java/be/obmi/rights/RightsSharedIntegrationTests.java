package be.obmi.rights;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import be.obmi.rights.catalogue.CityParameters;
import be.obmi.rights.catalogue.RightEntry;
import be.obmi.rights.catalogue.RightForm;
import be.obmi.rights.catalogue.Rights;
import be.obmi.rights.catalogue.RuleVersion;
import be.obmi.rights.catalogue.RuleVersions;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared rights edited by the Kenniscentrum (and the platform admin), not by a city;
 * and the Kenniscentrum's comparison of the same kind of right across cities, thresholds
 * and top-ups side by side.
 */
@ObmiIntegrationTest
class RightsSharedIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Rights rights;

	@Autowired
	RuleVersions versions;

	@Autowired
	CityParameters parameters;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	@Test
	void theKenniscentrumEditsASharedRightAndAFailingExampleBlocksItsPublication() {
		String code = "gedeeld-" + UUID.randomUUID().toString().substring(0, 8);
		PageSession kc = PageSession.login(port, "kenniscentrum");
		assertThat(kc.get("/kenniscentrum/rechten").body()).contains("Verhoogde tegemoetkoming");
		HttpResponse<String> created = kc.post("/kenniscentrum/rechten/nieuw", "_csrf="
				+ kc.csrf("/kenniscentrum/rechten") + "&code=" + code + "&title=Vlaams+" + code + "&level=VLAAMS");
		assertThat(created.statusCode()).isEqualTo(302);
		RightEntry right = rights.byCode(null, code).orElseThrow();
		String path = "/kenniscentrum/rechten/" + right.id();
		assertThat(kc
			.post(path + "/voorbeelden",
					"_csrf=" + kc.csrf(path) + "&name=Jong&answers=" + enc("{\"age\": 20}") + "&asOf=" + LocalDate.now()
							+ "&expected=ELIGIBLE")
			.statusCode()).isEqualTo(302);
		HttpResponse<String> draft = kc.post(path + "/regels", "_csrf=" + kc.csrf(path) + "&validFrom=2025-01-01&rule="
				+ enc("{\"all\": [{\"type\": \"age\", \"min\": 25}]}"));
		assertThat(draft.statusCode()).isEqualTo(302);
		RuleVersion version = versions.require(right,
				Long.parseLong(draft.headers().firstValue("Location").orElseThrow().replaceAll(".*versie=", "")));
		HttpResponse<String> blocked = kc.post(path + "/regels/" + version.id() + "/publiceren",
				"_csrf=" + kc.csrf(path));
		assertThat(blocked.statusCode()).isEqualTo(409);
		assertThat(blocked.body()).contains("id=\"rights-failing\"").contains("Jong");
		HttpResponse<String> fixed = kc.post(path + "/regels", "_csrf=" + kc.csrf(path) + "&validFrom=2025-01-01&rule="
				+ enc("{\"all\": [{\"type\": \"age\", \"min\": 18}]}"));
		long fixedId = Long.parseLong(fixed.headers().firstValue("Location").orElseThrow().replaceAll(".*versie=", ""));
		assertThat(kc.post(path + "/regels/" + fixedId + "/publiceren", "_csrf=" + kc.csrf(path)).statusCode())
			.isEqualTo(302);
		assertThat(kc.post(path + "/publiceren", "_csrf=" + kc.csrf(path)).statusCode()).isEqualTo(302);
		assertThat(rights.find(right.id()).orElseThrow().published()).isTrue();

		assertThat(PageSession.login(port, "platformbeheerder").get(path).statusCode()).isEqualTo(200);
		assertThat(PageSession.login(port, "redacteur.gent").get("/kenniscentrum/rechten").statusCode()).isEqualTo(403);
		assertThat(PageSession.login(port, "lezer.gent").get(path).statusCode()).isEqualTo(403);
		PageSession city = PageSession.login(port, "redacteur.gent");
		assertThat(city.post("/gent/rechten/" + right.id() + "/archiveren", "_csrf=" + city.csrf("/gent/rechten"))
			.statusCode()).as("a city cannot change a shared right").isEqualTo(409);
		rights.archive(rights.find(right.id()).orElseThrow());
	}

	@Test
	void theKenniscentrumComparesTheSameKindOfRightAcrossCities() {
		String concept = "https://ipdc.vlaanderen.be/id/concept/test-" + UUID.randomUUID();
		own("aalst", concept, 20000);
		own("brugge", concept, 24000);
		RightEntry shared = rights.byCode(null, "vrijetijdsparticipatie").orElseThrow();
		parameters.set(tenants.require("brugge").id(), shared, "bedrag", new BigDecimal("80"));
		PageSession kc = PageSession.login(port, "kenniscentrum");
		HttpResponse<String> page = kc.get("/kenniscentrum/rechten/vergelijking");
		assertThat(page.statusCode()).isEqualTo(200);
		String body = page.body();
		int group = body.indexOf("data-key=\"" + concept + "\"");
		assertThat(group).isPositive();
		String section = body.substring(group, body.indexOf("</section>", group));
		assertThat(section).contains("Aalst").contains("Brugge").contains("20.000").contains("24.000");
		int sharedGroup = body.indexOf("data-key=\"shared:vrijetijdsparticipatie\"");
		String sharedSection = body.substring(sharedGroup, body.indexOf("</section>", sharedGroup));
		assertThat(sharedSection).contains("Gent").contains("Brugge").contains("Aanvulling van de stad");
		assertThat(PageSession.login(port, "redacteur.gent").get("/kenniscentrum/rechten/vergelijking").statusCode())
			.isEqualTo(403);
		parameters.set(tenants.require("brugge").id(), shared, "bedrag", null);
	}

	private void own(String slug, String concept, int ceiling) {
		long tenantId = tenants.require(slug).id();
		String code = "vergelijk-" + UUID.randomUUID().toString().substring(0, 8);
		RightEntry right = rights.create(tenantId, new RightForm(code, "Energiepremie " + slug, "", "LOKAAL", "", "",
				"", "", "", "", "", "", "", null, null), false);
		RuleVersion version = versions.draft(right, LocalDate.of(2025, 1, 1), null,
				"{\"all\": [{\"type\": \"income\", \"ceiling\": {\"literal\": " + ceiling
						+ "}, \"equivalised\": false}], \"parameters\": {\"bedrag\": 150}}",
				"", "test");
		versions.publish(right, version.id());
		rights.publish(right);
		jdbc.sql("update rights.right_entry set lpdc_concept = ? where id = ?").params(concept, right.id()).update();
	}

}
