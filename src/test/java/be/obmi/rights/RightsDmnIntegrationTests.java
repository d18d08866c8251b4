package be.obmi.rights;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import be.obmi.rights.catalogue.ExampleHouseholds;
import be.obmi.rights.catalogue.Publication;
import be.obmi.rights.catalogue.RightEntry;
import be.obmi.rights.catalogue.RightForm;
import be.obmi.rights.catalogue.Rights;
import be.obmi.rights.catalogue.RuleVersion;
import be.obmi.rights.domain.Answers;
import be.obmi.rights.domain.Eligibility;
import be.obmi.rights.explorer.Exploration;
import be.obmi.rights.explorer.RightsExplorer;
import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A right decided by a real DMN decision table through the editor's page, the API and the
 * public questionnaire: a model that does not compile is refused with the engine's
 * message; a failing example household blocks publishing the DMN version (409); once
 * published, the questionnaire gives the three groups and names the table and rule.
 */
@ObmiIntegrationTest
class RightsDmnIntegrationTests {

	static final String CITY = "hasselt";

	@LocalServerPort
	int port;

	@Autowired
	Rights rights;

	@Autowired
	ExampleHouseholds examples;

	@Autowired
	Publication publication;

	@Autowired
	RightsExplorer explorer;

	@Autowired
	Tenants tenants;

	static String dmn(String name) {
		try (InputStream in = RightsDmnIntegrationTests.class.getResourceAsStream("/rights/dmn/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	@Test
	void aDmnRightThroughTheEditorTheApiAndTheQuestionnaire() {
		Tenant hasselt = tenants.require(CITY);
		String code = "dmn-" + UUID.randomUUID().toString().substring(0, 8);
		RightEntry right = rights.create(hasselt.id(), new RightForm(code, "Energietoelage " + code, "", "LOKAAL", "",
				"", "", "", "", "", "", "", "", null, null), false);
		examples.save(right, hasselt.id(), "Koppel met 26000 euro",
				"{\"adults\": 2, \"childAges\": [], \"yearlyIncome\": 26000}", LocalDate.now(), "ELIGIBLE");
		PageSession editor = PageSession.login(port, "redacteur." + CITY);
		String path = "/" + CITY + "/rechten/" + right.id();

		HttpResponse<String> refused = editor.post(path + "/regels/dmn",
				"_csrf=" + editor.csrf(path) + "&validFrom=2025-01-01&rule=&dmn=" + enc(dmn("broken-feel.dmn")));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"rights-error\"").contains("Het DMN-model is niet bruikbaar");

		HttpResponse<String> low = editor.post(path + "/regels/dmn",
				"_csrf=" + editor.csrf(path) + "&validFrom=2025-01-01&rule="
						+ enc("{\"parameters\": {\"plafond\": 25000}}") + "&dmn=" + enc(dmn("energietoelage.dmn")));
		assertThat(low.statusCode()).as(low.body()).isEqualTo(302);
		RuleVersion lowVersion = publication.versions(right.id(), false).getFirst();
		assertThat(lowVersion.decisionTable()).isTrue();
		assertThat(editor.get(path + "?versie=" + lowVersion.id()).body()).contains("rights-fail")
			.contains("/regels/" + lowVersion.id() + "/dmn");
		ApiClient api = ApiClient.as(port, "redacteur." + CITY);
		ApiClient.Response blocked = api
			.post("/api/v1/" + CITY + "/rechten/" + right.id() + "/regels/" + lowVersion.id() + "/publiceren");
		assertThat(blocked.status()).isEqualTo(409);
		assertThat(blocked.body()).contains("Koppel met 26000 euro");

		HttpResponse<String> raised = editor.post(path + "/regels/dmn",
				"_csrf=" + editor.csrf(path) + "&validFrom=2025-01-01&rule="
						+ enc("{\"parameters\": {\"plafond\": 27000}}") + "&dmn=" + enc(dmn("energietoelage.dmn")));
		assertThat(raised.statusCode()).isEqualTo(302);
		RuleVersion raisedVersion = publication.versions(right.id(), false).getFirst();
		assertThat(
				api.post("/api/v1/" + CITY + "/rechten/" + right.id() + "/regels/" + raisedVersion.id() + "/publiceren")
					.status())
			.isEqualTo(200);
		assertThat(editor.get(path + "/regels/" + raisedVersion.id() + "/dmn").body()).contains("<definitions");
		rights.publish(rights.find(right.id()).orElseThrow());

		Exploration.Finding eligible = finding(hasselt, right,
				new Answers(null, null, null, 40, 2, List.of(), false, 26000L, Map.of(), null));
		assertThat(eligible.outcome().verdict()).isEqualTo(Eligibility.Verdict.ELIGIBLE);
		assertThat(eligible.outcome().parameters().get("bedrag")).isEqualByComparingTo("200");
		Exploration.Finding undecided = finding(hasselt, right,
				new Answers(null, null, null, 40, 2, List.of(), false, null, Map.of(), null));
		assertThat(undecided.outcome().verdict()).isEqualTo(Eligibility.Verdict.MAYBE);

		PageSession citizen = PageSession.anonymous(port);
		String token = citizen.csrf("/" + CITY + "/rechtenverkenner");
		String body = citizen.post("/" + CITY + "/rechtenverkenner", "_csrf=" + token
				+ "&gebied=STAD&leeftijd=40&gezin=1&volwassenen=2&kinderen=&inkomen=31000&statuten=1&woning=OWNER&toon=1")
			.body();
		int card = body.indexOf("data-right=\"" + code + "\"");
		assertThat(card).isPositive();
		String finding = body.substring(card, body.indexOf("</article>", card));
		assertThat(finding).contains("Beslissingstabel").contains("#3").contains("Boven het plafond");
	}

	private Exploration.Finding finding(Tenant tenant, RightEntry right, Answers answers) {
		Exploration exploration = explorer.explore(tenant.id(), answers, LocalDate.now());
		return Stream.of(exploration.eligible(), exploration.maybe(), exploration.notEligible())
			.flatMap(List::stream)
			.filter(found -> found.right().id() == right.id())
			.findFirst()
			.orElseThrow();
	}

}
