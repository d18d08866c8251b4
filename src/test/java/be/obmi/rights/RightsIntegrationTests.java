package be.obmi.rights;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import be.obmi.rights.catalogue.CityParameters;
import be.obmi.rights.catalogue.ExampleHouseholds;
import be.obmi.rights.catalogue.Publication;
import be.obmi.rights.catalogue.RightEntry;
import be.obmi.rights.catalogue.RightForm;
import be.obmi.rights.catalogue.Rights;
import be.obmi.rights.catalogue.RuleVersion;
import be.obmi.rights.catalogue.RuleVersions;
import be.obmi.rights.domain.Answers;
import be.obmi.rights.domain.Eligibility;
import be.obmi.rights.domain.EligibilityRule;
import be.obmi.rights.explorer.Exploration;
import be.obmi.rights.explorer.RightsExplorer;
import be.obmi.support.ApiClient;
import be.obmi.support.PageSession;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Rechtenverkenner through the real application: acceptance 1 (a household ineligible
 * only by income sees that criterion and the ceiling, on the public page; a right limited
 * to two sectors; a Flemish right with a Gent top-up; a dated threshold change) and
 * acceptance 2 (a failing example household blocks the publication of a changed rule,
 * through the page and the API, with 409).
 */
@ObmiIntegrationTest
class RightsIntegrationTests {

	static final String CITY = "leuven";

	static final LocalDate FROM = LocalDate.of(2024, 1, 1);

	@LocalServerPort
	int port;

	@Autowired
	Rights rights;

	@Autowired
	RuleVersions versions;

	@Autowired
	ExampleHouseholds examples;

	@Autowired
	CityParameters parameters;

	@Autowired
	Publication publication;

	@Autowired
	RightsExplorer explorer;

	@Autowired
	Tenants tenants;

	@Test
	void aHouseholdIneligibleOnlyByIncomeSeesThatCriterionAndTheCeilingOnThePublicPage() {
		Tenant leuven = tenants.require(CITY);
		String code = "inkomen-" + suffix();
		RightEntry right = published(leuven.id(), code, """
				{"all": [{"type": "age", "min": 18},
				  {"type": "income", "ceiling": {"parameter": "plafond"}, "equivalised": false}],
				 "parameters": {"plafond": 28500}}""");
		PageSession citizen = PageSession.anonymous(port);
		String token = citizen.csrf("/" + CITY + "/rechtenverkenner");
		HttpResponse<String> page = citizen.post("/" + CITY + "/rechtenverkenner", "_csrf=" + token
				+ "&gebied=STAD&leeftijd=40&gezin=1&volwassenen=2&kinderen=&inkomen=31000&statuten=1&woning=OWNER&toon=1");
		assertThat(page.statusCode()).isEqualTo(200);
		String body = page.body();
		int group = body.indexOf("id=\"group-not\"");
		int card = body.indexOf("data-right=\"" + code + "\"");
		assertThat(group).isPositive();
		assertThat(card).isGreaterThan(group);
		String finding = body.substring(card, body.indexOf("</article>", card));
		assertThat(finding).contains("Uw gezinsinkomen (€ 31000 per jaar) ligt boven het plafond van € 28500.")
			.contains("Met een belastbaar inkomen van ten hoogste € 28500 per jaar komt u wel in aanmerking.");
		assertThat(finding.split("class=\"rights-failed\"", -1)).as("exactly one failed criterion").hasSize(2);
		assertThat(right.published()).isTrue();
	}

	@Test
	void aRightLimitedToTwoSectorsIsOfferedInOneOfThemAndNotInTheNeighbouringSector() {
		Tenant leuven = tenants.require(CITY);
		RightEntry right = published(leuven.id(), "sectoren-" + suffix(), """
				{"all": [{"type": "area", "level": "SECTOR", "codes": ["24062A001", "24062A002"]}]}""");
		assertThat(verdict(leuven, right, answersIn("24062A002"))).isEqualTo(Eligibility.Verdict.ELIGIBLE);
		assertThat(verdict(leuven, right, answersIn("24062A003"))).isEqualTo(Eligibility.Verdict.NOT_ELIGIBLE);
		assertThat(explorer.areaChoices(leuven.id(), LocalDate.now())).contains("SECTOR:24062A001", "SECTOR:24062A002");
	}

	@Test
	void aFlemishRightWithAGentTopUpGivesGentsAmountInGentAndTheBaseElsewhere() {
		RightEntry right = published(null, "vlaams-" + suffix(), """
				{"all": [{"type": "age", "min": 0}], "parameters": {"bedrag": 50}}""");
		try {
			Tenant gent = tenants.require("gent");
			Tenant mechelen = tenants.require("mechelen");
			parameters.set(gent.id(), right, "bedrag", BigDecimal.valueOf(120));
			assertThat(finding(gent, right, age(30)).outcome().parameters().get("bedrag")).isEqualByComparingTo("120");
			assertThat(finding(mechelen, right, age(30)).outcome().parameters().get("bedrag"))
				.isEqualByComparingTo("50");
		}
		finally {
			rights.archive(rights.find(right.id()).orElseThrow());
		}
	}

	@Test
	void theSameHouseholdBeforeAndAfterADatedThresholdChangeGetsTwoResults() {
		Tenant leuven = tenants.require(CITY);
		RightEntry right = published(leuven.id(), "drempel-" + suffix(), """
				{"all": [{"type": "income", "ceiling": {"parameter": "plafond"}, "equivalised": false}],
				 "parameters": {"plafond": 20000}}""");
		RuleVersion raised = versions.draft(right, LocalDate.of(2026, 1, 1), null, """
				{"all": [{"type": "income", "ceiling": {"parameter": "plafond"}, "equivalised": false}],
				 "parameters": {"plafond": 25000}}""", "https://example.org/besluit-2026", "test");
		versions.publish(right, raised.id());
		Answers household = new Answers("24062", null, null, null, 1, List.of(), false, 22000L, Map.of(), null);
		List<EligibilityRule> rule = publication.rule(right.id(), null);
		assertThat(Eligibility.evaluate(rule, Map.of(), household, LocalDate.of(2025, 6, 1)).verdict())
			.isEqualTo(Eligibility.Verdict.NOT_ELIGIBLE);
		assertThat(Eligibility.evaluate(rule, Map.of(), household, LocalDate.of(2026, 6, 1)).verdict())
			.isEqualTo(Eligibility.Verdict.ELIGIBLE);
	}

	@Test
	void aFailingExampleHouseholdBlocksPublicationThroughThePageAndTheApi() {
		Tenant leuven = tenants.require(CITY);
		RightEntry right = published(leuven.id(), "voorbeeld-" + suffix(), """
				{"all": [{"type": "income", "ceiling": {"parameter": "plafond"}, "equivalised": false}],
				 "parameters": {"plafond": 30000}}""");
		examples.save(right, leuven.id(), "Gezin met 29000 euro",
				"{\"adults\": 2, \"childAges\": [], \"yearlyIncome\": 29000}", LocalDate.now(), "ELIGIBLE");
		RuleVersion lowered = versions.draft(right, LocalDate.now(), null, """
				{"all": [{"type": "income", "ceiling": {"parameter": "plafond"}, "equivalised": false}],
				 "parameters": {"plafond": 25000}}""", "", "test");
		PageSession editor = PageSession.login(port, "redacteur." + CITY);
		String path = "/" + CITY + "/rechten/" + right.id();
		HttpResponse<String> refused = editor.post(path + "/regels/" + lowered.id() + "/publiceren",
				"_csrf=" + editor.csrf(path + "?versie=" + lowered.id()));
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("id=\"rights-failing\"").contains("Gezin met 29000 euro");
		ApiClient api = ApiClient.as(port, "redacteur." + CITY);
		ApiClient.Response viaApi = api
			.post("/api/v1/" + CITY + "/rechten/" + right.id() + "/regels/" + lowered.id() + "/publiceren");
		assertThat(viaApi.status()).isEqualTo(409);
		assertThat(viaApi.body()).contains("Gezin met 29000 euro");
		assertThat(versions.require(right, lowered.id()).state()).isEqualTo("DRAFT");
		RuleVersion kept = versions.draft(right, LocalDate.now(), null, """
				{"all": [{"type": "income", "ceiling": {"parameter": "plafond"}, "equivalised": false}],
				 "parameters": {"plafond": 29500}}""", "", "test");
		ApiClient.Response accepted = api
			.post("/api/v1/" + CITY + "/rechten/" + right.id() + "/regels/" + kept.id() + "/publiceren");
		assertThat(accepted.status()).isEqualTo(200);
	}

	@Test
	void anEditorBuildsARuleWithoutJsonAndItsExamplesRunAtOnce() {
		Tenant leuven = tenants.require(CITY);
		RightEntry right = published(leuven.id(), "formulier-" + suffix(), "{\"all\": []}");
		examples.save(right, leuven.id(), "Jonge ouder", "{\"age\": 20, \"yearlyIncome\": 20000}", LocalDate.now(),
				"ELIGIBLE");
		PageSession editor = PageSession.login(port, "redacteur." + CITY);
		String path = "/" + CITY + "/rechten/" + right.id();
		HttpResponse<String> saved = editor.post(path + "/regels", "_csrf=" + editor.csrf(path)
				+ "&validFrom=2025-01-01&ageMin=18&incomeCeiling=28500&amount=75&housing=PRIVATE_TENANT&rule=");
		assertThat(saved.statusCode()).isEqualTo(302);
		String location = saved.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("versie=");
		RuleVersion draft = publication.versions(right.id(), false).getFirst();
		assertThat(draft.toRule().all()).hasSize(3);
		assertThat(draft.toRule().parameters()).containsEntry("plafond", new BigDecimal("28500"))
			.containsEntry("bedrag", new BigDecimal("75"));
		String page = editor.get(path + "?versie=" + draft.id()).body();
		assertThat(page).contains("id=\"rights-examples\"").contains("Jonge ouder").contains("rights-fail");
	}

	@Test
	void anotherCitysRightAnswers404AndTheCatalogueIsForItsMembers() {
		Tenant leuven = tenants.require(CITY);
		RightEntry right = published(leuven.id(), "eigen-" + suffix(), "{\"all\": []}");
		PageSession other = PageSession.login(port, "redacteur.gent");
		assertThat(other.get("/gent/rechten/" + right.id()).statusCode()).isEqualTo(404);
		assertThat(PageSession.login(port, "redacteur." + CITY).get("/" + CITY + "/rechten/" + right.id()).body())
			.contains(right.title());
	}

	private RightEntry published(Long tenantId, String code, String rule) {
		RightEntry right = rights.create(tenantId,
				new RightForm(code, "Test " + code, "", "LOKAAL", "", "", "", "", "", "", "", "", "", null, null),
				false);
		RuleVersion version = versions.draft(right, FROM, null, rule, "", "test");
		versions.publish(right, version.id());
		return rights.publish(right);
	}

	private Eligibility.Verdict verdict(Tenant tenant, RightEntry right, Answers answers) {
		return finding(tenant, right, answers).outcome().verdict();
	}

	private Exploration.Finding finding(Tenant tenant, RightEntry right, Answers answers) {
		Exploration exploration = explorer.explore(tenant.id(), answers, LocalDate.now());
		return Stream.of(exploration.eligible(), exploration.maybe(), exploration.notEligible())
			.flatMap(List::stream)
			.filter(found -> found.right().id() == right.id())
			.findFirst()
			.orElseThrow();
	}

	private static Answers answersIn(String sector) {
		return new Answers("24062", "-", sector, null, null, null, null, null, Map.of(), null);
	}

	private static Answers age(int age) {
		return new Answers(null, null, null, age, null, null, null, null, Map.of(), null);
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
