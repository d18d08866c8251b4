package be.obmi.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import be.obmi.plan.PlanActions;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.privacy.domain.Dpia;
import be.obmi.privacy.domain.DpiaAttachments;
import be.obmi.privacy.domain.DpiaMeasure;
import be.obmi.privacy.domain.DpiaMeasures;
import be.obmi.privacy.domain.DpiaModels;
import be.obmi.privacy.domain.DpiaRisk;
import be.obmi.privacy.domain.DpiaRisks;
import be.obmi.privacy.domain.DpiaState;
import be.obmi.privacy.domain.Dpias;
import be.obmi.privacy.domain.ScreeningAnswer;
import be.obmi.privacy.domain.Wp248Criterion;
import be.obmi.shared.RefusedValueException;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The DPIA workflow through the pages (Kortrijk): the WP248 pre-screening (two criteria
 * make a DPIA required, one does not and needs a reasoning), the risk map placing each
 * risk by its values, the DPO as the only writer of the opinion, the validation steps
 * with a stale step refused (409), a measure that becomes an action of the multi-year
 * plan and then shows in the plan and in a status round, the signed PDF, and another city
 * that neither sees nor reaches any of it.
 */
@ObmiIntegrationTest
class DpiaIntegrationTests {

	static final String SLUG = "kortrijk";

	static final Locale DUTCH = Locale.forLanguageTag("nl-BE");

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Dpias dpias;

	@Autowired
	DpiaRisks risks;

	@Autowired
	DpiaMeasures measures;

	@Autowired
	DpiaAttachments attachments;

	@Autowired
	PlanActions planActions;

	@Autowired
	Plans plans;

	@Autowired
	PlanItems items;

	@Autowired
	StatusRounds rounds;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoCriteriaMakeADpiaRequiredAndOneDoesNot() {
		Tenant tenant = tenants.require(SLUG);
		PageSession editor = PageSession.login(port, "redacteur." + SLUG);
		long two = start(editor, tenant, DpiaModels.GENERAL, "Twee criteria");
		assertThat(screen(editor, two, "met=SYSTEMATIC_MONITORING&met=LARGE_SCALE&note-LARGE_SCALE=hele+stad")
			.statusCode()).isEqualTo(302);
		Dpia required = dpias.require(tenant, two);
		assertThat(required.required()).isTrue();
		assertThat(required.needed()).isTrue();
		assertThat(dpias.screening(tenant, two)).filteredOn(ScreeningAnswer::met)
			.extracting(ScreeningAnswer::criterion)
			.containsExactlyInAnyOrder(Wp248Criterion.SYSTEMATIC_MONITORING, Wp248Criterion.LARGE_SCALE);
		assertThat(editor.get(page(two)).body()).contains("DPIA vereist").contains("hele stad");

		long one = start(editor, tenant, DpiaModels.GENERAL, "Een criterium");
		HttpResponse<String> noReasoning = screen(editor, one, "met=LARGE_SCALE");
		assertThat(noReasoning.statusCode()).isEqualTo(400);
		assertThat(noReasoning.body()).contains("motiveer waarom geen DPIA nodig is");
		assertThat(dpias.require(tenant, one).screened()).isFalse();
		assertThat(screen(editor, one, "met=LARGE_SCALE&reasoning=" + enc("Alleen e-mailadressen, geen profilering."))
			.statusCode()).isEqualTo(302);
		Dpia notRequired = dpias.require(tenant, one);
		assertThat(notRequired.required()).isFalse();
		assertThat(notRequired.screeningReasoning()).isEqualTo("Alleen e-mailadressen, geen profilering.");
		assertThat(editor.get(page(one)).body()).contains("Geen DPIA vereist")
			.contains("Alleen e-mailadressen, geen profilering.");
		// not required: nothing to submit, until the DPO asks for one
		assertThat(editor.post(page(one) + "/indienen", "version=" + notRequired.version() + csrf(editor)).statusCode())
			.isEqualTo(409);
		PageSession dpo = PageSession.login(port, "dpo." + SLUG);
		assertThat(dpo.post(page(one) + "/dpo-vereist", "required=true&version=" + notRequired.version() + csrf(dpo))
			.statusCode()).isEqualTo(302);
		assertThat(dpias.require(tenant, one).needed()).isTrue();
	}

	@Test
	void theRiskMapPlacesEachRiskByItsValues() {
		Tenant tenant = tenants.require(SLUG);
		PageSession editor = PageSession.login(port, "redacteur." + SLUG);
		long id = start(editor, tenant, DpiaModels.GENERAL, "Risicokaart");
		screen(editor, id, "met=SENSITIVE_DATA&met=VULNERABLE_SUBJECTS");
		assertThat(editor
			.post(page(id) + "/risicos", "kind=OTHER&title=" + enc("Profilering van jongeren")
					+ "&likelihood=4&severity=4&residualLikelihood=2&residualSeverity=1&version=0" + csrf(editor))
			.statusCode()).isEqualTo(302);
		assertThat(editor
			.post(page(id) + "/risicos",
					"kind=OTHER&likelihood=2&severity=2&residualLikelihood=1" + "&residualSeverity=1&version=0"
							+ csrf(editor))
			.statusCode()).isEqualTo(400);
		assertThat(editor
			.post(page(id) + "/risicos",
					"kind=DISAPPEARANCE&likelihood=5&severity=2" + "&residualLikelihood=1&residualSeverity=1&version=0"
							+ csrf(editor))
			.statusCode()).isEqualTo(400);

		List<DpiaRisk> list = risks.of(tenant, id);
		assertThat(list).hasSize(4); // the model's three and the one added
		Document doc = Jsoup.parse(editor.get(page(id)).body());
		for (int i = 0; i < list.size(); i++) {
			DpiaRisk risk = list.get(i);
			String label = "R" + (i + 1);
			assertThat(cell(doc, "risk-map", risk.likelihood(), risk.severity()).select("a.risk-chip").eachText())
				.as("%s before the measures", label)
				.contains(label);
			assertThat(cell(doc, "risk-map-residual", risk.residualLikelihood(), risk.residualSeverity())
				.select("a.risk-chip")
				.eachText()).as("%s after the measures", label).contains(label);
		}
		assertThat(doc.select("#risk-map a.risk-chip")).hasSize(4);
		assertThat(cell(doc, "risk-map", 4, 4).select("a").attr("href")).isEqualTo("#risk-" + list.get(3).id());
		assertThat(cell(doc, "risk-map", 4, 4).hasClass("risk-high")).isTrue();
		assertThat(doc.select("#risk-map-text li").get(3).text()).contains("R4", "Profilering van jongeren",
				"waarschijnlijkheid 4, ernst 4");
		assertThat(doc.select("script:not([src])")).isEmpty();
	}

	@Test
	void onlyTheDpoWritesTheOpinion() {
		Tenant tenant = tenants.require(SLUG);
		PageSession editor = PageSession.login(port, "redacteur." + SLUG);
		long id = required(editor, tenant, "Advies");
		int version = dpias.require(tenant, id).version();
		for (String user : List.of("redacteur." + SLUG, "beheerder." + SLUG, "lezer." + SLUG, "dpo.hasselt")) {
			PageSession session = PageSession.login(port, user);
			assertThat(session.post(page(id) + "/advies", "opinion=Ik&version=" + version + csrf(session)).statusCode())
				.as(user)
				.isEqualTo(403);
		}
		assertThat(dpias.require(tenant, id).dpoOpinion()).isNull();
		PageSession dpo = PageSession.login(port, "dpo." + SLUG);
		assertThat(
				dpo.post(page(id) + "/advies", "opinion=" + enc("Positief advies.") + "&version=" + version + csrf(dpo))
					.statusCode())
			.isEqualTo(302);
		Dpia after = dpias.require(tenant, id);
		assertThat(after.dpoOpinion()).isEqualTo("Positief advies.");
		assertThat(after.dpoOpinionBy()).isEqualTo("dpo." + SLUG);
		assertThat(editor.get(page(id)).body()).contains("Positief advies.").doesNotContain("id=\"opinion-form\"");
		assertThat(dpo.get(page(id)).body()).contains("id=\"opinion-form\"");
	}

	@Test
	void theValidationStepsAreGuardedAndAStaleStepIsAConflict() {
		Tenant tenant = tenants.require(SLUG);
		PageSession editor = PageSession.login(port, "redacteur." + SLUG);
		PageSession beheerder = PageSession.login(port, "beheerder." + SLUG);
		PageSession dpo = PageSession.login(port, "dpo." + SLUG);
		long id = required(editor, tenant, "Validatie");

		int v = dpias.require(tenant, id).version();
		assertThat(beheerder.post(page(id) + "/valideren", "version=" + v + csrf(beheerder)).statusCode())
			.as("not submitted")
			.isEqualTo(409);
		assertThat(editor.post(page(id) + "/indienen", "version=" + v + csrf(editor)).statusCode()).isEqualTo(302);
		Dpia submitted = dpias.require(tenant, id);
		assertThat(submitted.state()).isEqualTo(DpiaState.SUBMITTED);
		assertThat(submitted.evaluator()).isEqualTo("redacteur." + SLUG);
		// submitted: the evaluator can no longer change it
		assertThat(editor.post(page(id) + "/secties", "context=Anders&version=" + submitted.version() + csrf(editor))
			.statusCode()).isEqualTo(409);
		assertThat(editor.post(page(id) + "/valideren", "version=" + submitted.version() + csrf(editor)).statusCode())
			.as("a redacteur does not validate")
			.isEqualTo(403);
		assertThat(beheerder.post(page(id) + "/valideren", "version=" + submitted.version() + csrf(beheerder)).body())
			.contains("na het advies van de functionaris");
		assertThat(dpias.require(tenant, id).state()).isEqualTo(DpiaState.SUBMITTED);

		dpo.post(page(id) + "/advies", "opinion=Akkoord&version=" + submitted.version() + csrf(dpo));
		int seen = submitted.version(); // what a second beheerder still has on screen
		int current = dpias.require(tenant, id).version();
		assertThat(current).isGreaterThan(seen);
		HttpResponse<String> stale = beheerder.post(page(id) + "/valideren", "version=" + seen + csrf(beheerder));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("intussen gewijzigd");
		assertThat(beheerder
			.post(page(id) + "/aanpassingen",
					"remark=" + enc("Bewaartermijn motiveren") + "&version=" + current + csrf(beheerder))
			.statusCode()).isEqualTo(302);
		Dpia rejected = dpias.require(tenant, id);
		assertThat(rejected.state()).isEqualTo(DpiaState.REJECTED);
		assertThat(rejected.validationRemark()).isEqualTo("Bewaartermijn motiveren");

		assertThat(editor.post(page(id) + "/indienen", "version=" + rejected.version() + csrf(editor)).statusCode())
			.isEqualTo(302);
		int again = dpias.require(tenant, id).version();
		assertThat(beheerder.post(page(id) + "/valideren", "version=" + again + csrf(beheerder)).statusCode())
			.isEqualTo(302);
		assertThat(beheerder.post(page(id) + "/valideren", "version=" + again + csrf(beheerder)).statusCode())
			.as("the same step twice")
			.isEqualTo(409);
		Dpia validated = dpias.require(tenant, id);
		assertThat(validated.state()).isEqualTo(DpiaState.VALIDATED);
		assertThat(validated.validator()).isEqualTo("beheerder." + SLUG);
	}

	@Test
	void aMeasureBecomesAPlanActionFollowedInStatusRounds() {
		Tenant tenant = tenants.require(SLUG);
		PageSession editor = PageSession.login(port, "redacteur." + SLUG);
		long id = required(editor, tenant, "Maatregel in plan");
		String title = DpiaTestData.unique("Logging van raadplegingen");
		assertThat(editor
			.post(page(id) + "/maatregelen",
					"title=" + enc(title) + "&owner=" + enc("Dienst ICT")
							+ "&dueDate=2027-06-30&status=PLANNED&version=0" + csrf(editor))
			.statusCode()).isEqualTo(302);
		DpiaMeasure measure = measures.of(tenant, id)
			.stream()
			.filter(m -> m.title().equals(title))
			.findFirst()
			.orElseThrow();
		String actionPlan = planActions.actionPlans(tenant).getFirst().code();
		Plan plan = plans.current(tenant).orElseThrow();
		int planVersion = plan.currentVersion();

		assertThat(editor
			.post(page(id) + "/maatregelen/" + measure.id() + "/meerjarenplan",
					"actionPlan=" + actionPlan + "&version=" + measure.version() + csrf(editor))
			.statusCode()).isEqualTo(302);
		DpiaMeasure inPlan = measures.measure(tenant, id, measure.id());
		assertThat(inPlan.planItemCode()).startsWith(actionPlan + "AC");
		PlanItem action = items.byCode(plan, inPlan.planItemCode()).orElseThrow();
		assertThat(action.title()).isEqualTo(title);
		assertThat(action.administrativeOwner()).isEqualTo("Dienst ICT");
		assertThat(action.endDate()).isEqualTo(LocalDate.of(2027, 6, 30));
		assertThat(plans.current(tenant).orElseThrow().currentVersion()).isEqualTo(planVersion + 1);
		// twice is refused: the measure is in the plan already
		assertThat(editor
			.post(page(id) + "/maatregelen/" + measure.id() + "/meerjarenplan",
					"actionPlan=" + actionPlan + "&version=" + measure.version() + csrf(editor))
			.statusCode()).isEqualTo(409);
		assertThat(items.all(plan).stream().filter(i -> i.title().equals(title))).hasSize(1);

		// the DPIA links to the action; the plan's page shows it to a reader
		String dpiaPage = editor.get(page(id)).body();
		assertThat(dpiaPage).contains("/" + SLUG + "/plan/items/" + action.id());
		PageSession reader = PageSession.login(port, "lezer." + SLUG);
		assertThat(reader.get("/" + SLUG + "/plan/items/" + action.id()).body()).contains(title);

		// a round that opens now asks for it like for any action
		StatusRound round = rounds.open(tenant, plan, DpiaTestData.unique("Ronde met DPIA-maatregel"), LocalDate.now(),
				LocalDate.now().plusDays(14), StatusRound.Scope.ALL, List.of(), "redacteur." + SLUG);
		try {
			assertThat(rounds.tasks(tenant, round)).extracting(t -> t.item().code()).contains(action.code());
			assertThat(reader.get("/" + SLUG + "/plan/rondes/" + round.id()).body()).contains(action.code());
		}
		finally {
			rounds.close(tenant, round.id());
		}
	}

	@Test
	void theSignedDocumentIsAPdfOnly() {
		Tenant tenant = tenants.require(SLUG);
		PageSession editor = PageSession.login(port, "redacteur." + SLUG);
		long id = required(editor, tenant, "Ondertekend");
		byte[] html = "<html><body>geen pdf</body></html>".getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> refused = editor.upload(page(id) + "/bijlage?_csrf=" + csrf(editor).substring(7),
				"dpia.pdf", html);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Alleen een PDF-bestand");
		assertThat(editor.get(page(id) + "/bijlage").statusCode()).isEqualTo(404);
		byte[] large = new byte[10 * 1024 * 1024 + 1];
		System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, large, 0, 9);
		// the page's upload limit in the test profile (5MB) answers first; the module's
		// own bound (10MB) too
		assertThat(editor.upload(page(id) + "/bijlage?_csrf=" + csrf(editor).substring(7), "groot.pdf", large)
			.statusCode()).isEqualTo(413);
		assertThatThrownBy(() -> attachments.attach(tenant, id, "groot.pdf", large, "redacteur." + SLUG))
			.isInstanceOf(RefusedValueException.class)
			.hasMessageContaining("groter dan 10 MB");
		assertThat(editor.get(page(id) + "/bijlage").statusCode()).isEqualTo(404);
		byte[] pdf = "%PDF-1.4\n% ondertekend\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		assertThat(editor.upload(page(id) + "/bijlage?_csrf=" + csrf(editor).substring(7), "../getekend.pdf", pdf)
			.statusCode()).isEqualTo(302);
		HttpResponse<String> download = editor.get(page(id) + "/bijlage");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("attachment")
			.contains("getekend.pdf")
			.doesNotContain("..");
		assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
	}

	@Test
	void anotherCityNeitherSeesNorReachesTheDpias() {
		Tenant tenant = tenants.require(SLUG);
		PageSession editor = PageSession.login(port, "redacteur." + SLUG);
		String title = DpiaTestData.unique("Geheim van Kortrijk");
		long id = dpias.start(tenant, DpiaTestData.activity(jdbc, tenant, title), DpiaModels.SMART_CITY, title, DUTCH,
				"redacteur." + SLUG);
		assertThat(editor.get("/" + SLUG + "/privacy/dpia").body()).contains(title);

		PageSession other = PageSession.login(port, "redacteur.hasselt");
		assertThat(other.get(page(id)).statusCode()).isEqualTo(403);
		assertThat(other.get("/" + SLUG + "/privacy/dpia").statusCode()).isEqualTo(403);
		assertThat(other.get("/hasselt/privacy/dpia/" + id).statusCode()).isEqualTo(404);
		assertThat(other.get("/hasselt/privacy/dpia/" + id + "/bijlage").statusCode()).isEqualTo(404);
		assertThat(other.get("/hasselt/privacy/dpia").body()).doesNotContain(title);
		int version = dpias.require(tenant, id).version();
		assertThat(other
			.post("/hasselt/privacy/dpia/" + id + "/voorscreening",
					"met=LARGE_SCALE&met=SENSITIVE_DATA&version=" + version + csrf(other))
			.statusCode()).isEqualTo(404);
		PageSession otherDpo = PageSession.login(port, "dpo.hasselt");
		assertThat(otherDpo
			.post("/hasselt/privacy/dpia/" + id + "/advies", "opinion=Nee&version=" + version + csrf(otherDpo))
			.statusCode()).isEqualTo(404);
		// starting a DPIA in Hasselt for Kortrijk's activity is refused
		long kortrijkActivity = dpias.require(tenant, id).activityId();
		HttpResponse<String> foreign = other.post("/hasselt/privacy/dpia",
				"activity=" + kortrijkActivity + "&model=ALGEMEEN&title=Overgenomen" + csrf(other));
		assertThat(foreign.statusCode()).isEqualTo(400);
		Dpia untouched = dpias.require(tenant, id);
		assertThat(untouched.version()).isEqualTo(version);
		assertThat(untouched.dpoOpinion()).isNull();
	}

	private long start(PageSession editor, Tenant tenant, String model, String name) {
		String title = DpiaTestData.unique(name);
		long activity = DpiaTestData.activity(jdbc, tenant, title);
		HttpResponse<String> response = editor.post("/" + SLUG + "/privacy/dpia",
				"activity=" + activity + "&model=" + model + "&title=" + enc(title) + csrf(editor));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		return dpias.all(tenant).stream().filter(d -> d.title().equals(title)).findFirst().orElseThrow().id();
	}

	private long required(PageSession editor, Tenant tenant, String name) {
		long id = start(editor, tenant, DpiaModels.GENERAL, name);
		assertThat(screen(editor, id, "met=MATCHING_DATASETS&met=EVALUATION_SCORING").statusCode()).isEqualTo(302);
		return id;
	}

	private HttpResponse<String> screen(PageSession session, long id, String form) {
		int version = dpias.require(tenants.require(SLUG), id).version();
		return session.post(page(id) + "/voorscreening", form + "&version=" + version + csrf(session));
	}

	private static Element cell(Document doc, String table, int likelihood, int severity) {
		return doc.selectFirst("#" + table + " td[data-likelihood=" + likelihood + "][data-severity=" + severity + "]");
	}

	private static String page(long id) {
		return "/" + SLUG + "/privacy/dpia/" + id;
	}

	private static String csrf(PageSession session) {
		return "&_csrf=" + session.csrf("/account");
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
