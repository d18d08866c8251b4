package be.obmi.rights;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;

import be.obmi.rights.catalogue.RightEntry;
import be.obmi.rights.catalogue.RightForm;
import be.obmi.rights.catalogue.Rights;
import be.obmi.rights.catalogue.RuleVersion;
import be.obmi.rights.catalogue.RuleVersions;
import be.obmi.rights.usage.QuestionnaireUse;
import be.obmi.support.PageSession;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The questionnaire's residence given as a point (acceptance 1 through the address path):
 * a point in one of a right's two sectors gets it, a point in the neighbouring sector
 * does not (Bonheiden with the fixture sector polygons
 * {@code geo/statsec-12005.geojson}); and the anonymous use counts (started, a question
 * shown and answered, finished, the rights shown) on the editors' page, with nothing
 * about the visitor stored.
 */
@ObmiIntegrationTest
class RightsAddressAndUseIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Rights rights;

	@Autowired
	RuleVersions versions;

	@Autowired
	QuestionnaireUse use;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPointInOneOfTheRightsSectorsGetsItAndOneInTheNeighbouringSectorDoesNot() {
		Tenant bonheiden = tenants.bySlug("bonheiden").orElseGet(() -> tenants.add("12005", null));
		String code = "sector-punt-" + UUID.randomUUID().toString().substring(0, 8);
		published(bonheiden.id(), code, """
				{"all": [{"type": "area", "level": "SECTOR", "codes": ["12005A01-", "12005A02-"]}]}""");
		PageSession citizen = PageSession.anonymous(port);
		String path = "/bonheiden/rechtenverkenner";
		String token = citizen.csrf(path);
		// 12005A01- (Vagevuur) lies east of 12005A000 (Bonheiden-Centrum), both from
		// 51.015 to 51.028
		String inside = citizen.post(path, "_csrf=" + token + "&breedtegraad=51,02&lengtegraad=4,557&toon=1").body();
		assertThat(group(inside, code)).isEqualTo("eligible");
		String neighbour = citizen.post(path, "_csrf=" + token + "&breedtegraad=51.02&lengtegraad=4.54&toon=1").body();
		assertThat(group(neighbour, code)).isEqualTo("not");
		String far = citizen.post(path, "_csrf=" + token + "&breedtegraad=50,5&lengtegraad=5,5").body();
		assertThat(far).contains("id=\"point-not-placed\"").contains("id=\"point-form\"");
		assertThat(inside).doesNotContain("4,557").doesNotContain("name=\"breedtegraad\" value");
	}

	@Test
	void theUseOfTheQuestionnaireIsCountedAnonymouslyAndShownToTheEditors() {
		Tenant mechelen = tenants.require("mechelen");
		use.flush();
		QuestionnaireUse.Summary before = use.of(mechelen.id(), LocalDate.now());
		PageSession citizen = PageSession.anonymous(port);
		String path = "/mechelen/rechtenverkenner";
		String first = citizen.get(path).body();
		String asked = first.substring(first.indexOf("name=\"vraag\" value=\"") + 20);
		asked = asked.substring(0, asked.indexOf('"'));
		String token = citizen.csrf(path);
		citizen.post(path, "_csrf=" + token + "&vraag=RESIDENCE&gebied=STAD");
		citizen.post(path,
				"_csrf=" + token
						+ "&gebied=STAD&leeftijd=40&gezin=1&volwassenen=1&kinderen=8&alleenstaand=ja&inkomen=14000"
						+ "&statuten=1&woning=PRIVATE_TENANT&toon=1");
		use.flush();
		QuestionnaireUse.Summary after = use.of(mechelen.id(), LocalDate.now());
		assertThat(after.started() - before.started()).isEqualTo(2);
		assertThat(after.finished() - before.finished()).isEqualTo(1);
		assertThat(answered(after, "RESIDENCE") - answered(before, "RESIDENCE")).isEqualTo(1);
		assertThat(shown(after, asked) - shown(before, asked)).isPositive();
		assertThat(after.shown()).isNotEmpty();
		assertThat(jdbc.sql("select count(*) from rights.use_count where item like '%14000%' or item like '%STAD%'")
			.query(Long.class)
			.single()).as("no answer in the counters").isZero();

		PageSession editor = PageSession.login(port, "redacteur.mechelen");
		HttpResponse<String> page = editor.get("/mechelen/rechten/gebruik?dagen=1");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"use-started\"").contains("data-question=\"RESIDENCE\"");
		assertThat(PageSession.login(port, "lezer.mechelen").get("/mechelen/rechten/gebruik").statusCode())
			.isEqualTo(403);
	}

	private static long answered(QuestionnaireUse.Summary summary, String question) {
		return summary.steps().stream().filter(s -> s.question().equals(question)).mapToLong(s -> s.answered()).sum();
	}

	private static long shown(QuestionnaireUse.Summary summary, String question) {
		return summary.steps().stream().filter(s -> s.question().equals(question)).mapToLong(s -> s.shown()).sum();
	}

	/** The group (eligible, maybe, not) the right is shown in. */
	private static String group(String body, String code) {
		int card = body.indexOf("data-right=\"" + code + "\"");
		assertThat(card).as("the right %s is shown", code).isPositive();
		String before = body.substring(0, card);
		int eligible = before.lastIndexOf("id=\"group-eligible\"");
		int maybe = before.lastIndexOf("id=\"group-maybe\"");
		int not = before.lastIndexOf("id=\"group-not\"");
		int last = Math.max(eligible, Math.max(maybe, not));
		return last == eligible ? "eligible" : last == maybe ? "maybe" : "not";
	}

	private RightEntry published(long tenantId, String code, String rule) {
		RightEntry right = rights.create(tenantId,
				new RightForm(code, "Test " + code, "", "LOKAAL", "", "", "", "", "", "", "", "", "", null, null),
				false);
		RuleVersion version = versions.draft(right, LocalDate.of(2024, 1, 1), null, rule, "", "test");
		versions.publish(right, version.id());
		return rights.publish(right);
	}

}
