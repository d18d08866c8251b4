package be.obmi.privacy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import be.obmi.audit.AuditTrail;
import be.obmi.identity.TenantMembers;
import be.obmi.identity.UserAccounts;
import be.obmi.privacy.domain.ActivityContent;
import be.obmi.privacy.domain.ActivityField;
import be.obmi.privacy.domain.ActivityState;
import be.obmi.privacy.domain.ContentDiff;
import be.obmi.privacy.domain.Completeness;
import be.obmi.privacy.domain.ProcessingActivities;
import be.obmi.privacy.domain.ProcessingActivities.Activity;
import be.obmi.privacy.domain.ProcessingActivities.Header;
import be.obmi.shared.RefusedStateException;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The register of processing activities (Mechelen): an incomplete record cannot be
 * published; an edit of the purpose makes version n+1 while n stays readable and the
 * history shows old → new; only the DPO checks and publishes; a stale save is refused
 * with 409.
 */
@ObmiIntegrationTest
class PrivacyRegisterIntegrationTests {

	static final String SLUG = "mechelen";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	ProcessingActivities activities;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	UserAccounts accounts;

	@Autowired
	TenantMembers members;

	@Autowired
	AuditTrail audit;

	Activity create(String name, boolean complete) {
		Tenant tenant = tenants.require(SLUG);
		ActivityContent content = complete
				? new ActivityContent(name, "Doel van " + name, List.of("A6-1-e"), List.of(), List.of("Inwoners"),
						List.of(new ActivityContent.DataCategory("Naam", false, null)), List.of("Niemand"), List.of(),
						"5 jaar", List.of("Toegang per rol"), "Testdienst", List.of(), null, "Stad Mechelen", null)
				: new ActivityContent(name, "Doel van " + name, List.of(), List.of(), List.of(), List.of(), List.of(),
						List.of(), null, List.of(), "Testdienst", List.of(), null, null, null);
		return transaction.execute(status -> activities.create(tenant, content, new Header(null, null, null, null),
				LocalDate.now(), null, null, false, "test"));
	}

	String path(Activity activity) {
		return "/" + SLUG + "/privacy/verwerkingen/" + activity.publicId();
	}

	Activity reload(Activity activity) {
		return activities.require(tenants.require(SLUG), activity.publicId());
	}

	@Test
	void anIncompleteRecordCannotBePublishedAndTheRefusalNamesTheMissingFields() {
		Activity draft = create("Onvolledige verwerking " + UUID.randomUUID(), false);
		assertThat(draft.missing()).contains(ActivityField.LEGAL_BASES, ActivityField.RETENTION);
		assertThat(draft.completeness()).isBetween(1, 99);
		assertThatThrownBy(() -> activities.publish(tenants.require(SLUG), draft.publicId(), draft.version(), true))
			.isInstanceOf(RefusedStateException.class)
			.satisfies(ex -> assertThat(((RefusedStateException) ex).reason().code())
				.isEqualTo("privacy.refused.publishIncomplete"));
		assertThatThrownBy(() -> activities.complete(tenants.require(SLUG), draft.publicId(), draft.version()))
			.isInstanceOf(RefusedStateException.class);

		PrivacyHttp dpo = PrivacyHttp.as(port, "dpo." + SLUG, "/" + SLUG + "/privacy");
		HttpResponse<String> refused = dpo.post(path(draft) + "/publiceren",
				Map.of("version", String.valueOf(draft.version())));
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("Een onvolledige verwerking kan niet gepubliceerd worden", "Bewaartermijn",
				"Rechtsgrond (art. 6)");
		assertThat(reload(draft).published()).isFalse();
		assertThat(dpo.get("/" + SLUG + "/privacy").body()).contains(draft.content().name(), "privacy-completeness");
	}

	@Test
	void anEditOfThePurposeMakesVersionTwoAndVersionOneStaysReadable() {
		String name = "Versies " + UUID.randomUUID();
		Activity activity = create(name, true);
		PrivacyHttp redacteur = PrivacyHttp.as(port, "redacteur." + SLUG, "/" + SLUG + "/privacy");
		Map<String, String> form = PrivacyHttp.completeForm(name, "Een nieuw doel", "5 jaar", activity.version());
		form.put("validFrom", "2026-03-01");
		HttpResponse<String> saved = redacteur.post(path(activity), form);
		assertThat(saved.statusCode()).isEqualTo(302);

		Activity after = reload(activity);
		assertThat(after.currentVersion()).isEqualTo(2);
		assertThat(after.content().purpose()).isEqualTo("Een nieuw doel");
		assertThat(after.validFrom()).isEqualTo(LocalDate.of(2026, 3, 1));
		ProcessingActivities.ActivityVersion first = activities.version(tenants.require(SLUG), activity.publicId(), 1);
		assertThat(first.content().purpose()).isEqualTo("Doel van " + name);
		List<ProcessingActivities.HistoryEntry> history = activities.history(tenants.require(SLUG),
				activity.publicId());
		assertThat(history.getFirst().changes()).extracting(ContentDiff.FieldDifference::field).contains("purpose");
		ContentDiff.FieldDifference purpose = history.getFirst()
			.changes()
			.stream()
			.filter(c -> c.field().equals("purpose"))
			.findFirst()
			.orElseThrow();
		assertThat(purpose.beforeText()).isEqualTo("Doel van " + name);
		assertThat(purpose.afterText()).isEqualTo("Een nieuw doel");

		String oldPage = redacteur.get(path(activity) + "/versies/1").body();
		assertThat(oldPage).contains("Doel van " + name, "older-version");
		String detail = redacteur.get(path(activity)).body();
		assertThat(detail).contains("Een nieuw doel", "Doel van " + name, "privacy-old", "version-2");
		// the same content again is no new version
		redacteur.post(path(activity),
				PrivacyHttp.completeForm(name, "Een nieuw doel", "5 jaar", reload(activity).version()));
		assertThat(reload(activity).currentVersion()).isEqualTo(2);
	}

	@Test
	void onlyTheDpoChecksAndPublishesAndAnEditAfterTheCheckReturnsItToCompleted() {
		Activity activity = create("DPO-stappen " + UUID.randomUUID(), true);
		PrivacyHttp redacteur = PrivacyHttp.as(port, "redacteur." + SLUG, "/" + SLUG + "/privacy");
		PrivacyHttp dpo = PrivacyHttp.as(port, "dpo." + SLUG, "/" + SLUG + "/privacy");
		assertThat(dpo.post(path(activity) + "/voltooien", Map.of("version", "0")).statusCode()).isEqualTo(403);
		assertThat(redacteur.post(path(activity) + "/voltooien", Map.of("version", String.valueOf(activity.version())))
			.statusCode()).isEqualTo(302);
		Activity completed = reload(activity);
		assertThat(completed.state()).isEqualTo(ActivityState.COMPLETED);
		Map<String, String> version = Map.of("version", String.valueOf(completed.version()));
		assertThat(redacteur.post(path(activity) + "/nazien", version).statusCode()).isEqualTo(403);
		assertThat(redacteur.post(path(activity) + "/publiceren", version).statusCode()).isEqualTo(403);
		// not yet checked: the DPO cannot publish either
		assertThat(dpo.post(path(activity) + "/publiceren", version).statusCode()).isEqualTo(409);
		assertThat(dpo.post(path(activity) + "/nazien", version).statusCode()).isEqualTo(302);
		Activity checked = reload(activity);
		assertThat(checked.state()).isEqualTo(ActivityState.CHECKED);
		assertThat(dpo.post(path(activity) + "/publiceren", Map.of("version", String.valueOf(checked.version())))
			.statusCode()).isEqualTo(302);
		assertThat(reload(activity).published()).isTrue();
		assertThat(redacteur
			.post(path(activity) + "/depubliceren", Map.of("version", String.valueOf(reload(activity).version())))
			.statusCode()).isEqualTo(403);

		redacteur.post(path(activity), PrivacyHttp.completeForm(activity.content().name(), "Gewijzigd doel", "5 jaar",
				reload(activity).version()));
		assertThat(reload(activity).state()).isEqualTo(ActivityState.COMPLETED);
		assertThat(Completeness.score(reload(activity).content())).isEqualTo(100);
	}

	@Test
	void aStaleSaveIsRefusedWith409AndChangesNothing() {
		String name = "Conflict " + UUID.randomUUID();
		Activity activity = create(name, true);
		PrivacyHttp redacteur = PrivacyHttp.as(port, "redacteur." + SLUG, "/" + SLUG + "/privacy");
		assertThat(redacteur
			.post(path(activity), PrivacyHttp.completeForm(name, "Eerste bewerking", "5 jaar", activity.version()))
			.statusCode()).isEqualTo(302);
		HttpResponse<String> stale = redacteur.post(path(activity),
				PrivacyHttp.completeForm(name, "Tweede bewerking op oude versie", "5 jaar", activity.version()));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("Iemand anders wijzigde dit intussen");
		assertThat(reload(activity).content().purpose()).isEqualTo("Eerste bewerking");
		assertThat(reload(activity).currentVersion()).isEqualTo(2);
	}

	@Test
	void badLinesAreRefusedInTheUsersLanguageAndNothingIsSaved() {
		String name = "Slechte regels " + UUID.randomUUID();
		Activity activity = create(name, true);
		PrivacyHttp redacteur = PrivacyHttp.as(port, "redacteur." + SLUG, "/" + SLUG + "/privacy");
		Map<String, String> form = PrivacyHttp.completeForm(name, "Ander doel", "5 jaar", activity.version());
		form.put("transfers", "XX;standaardcontractbepalingen");
		HttpResponse<String> refused = redacteur.post(path(activity), form);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("XX is geen ISO-landcode");
		form.put("transfers", "US;standaardcontractbepalingen");
		form.put("dataCategories", "Naam;misschien;5 jaar");
		assertThat(redacteur.post(path(activity), form).body()).contains("Regel 1 van de persoonsgegevens");
		assertThat(reload(activity).currentVersion()).isEqualTo(1);
	}

	@Test
	void theDemoRegisterHasTheTwoRegistersAndCheckedPublishedActivities() {
		List<Activity> all = activities.list(tenants.require("gent"), ProcessingActivities.Filter.none());
		assertThat(all).hasSizeGreaterThanOrEqualTo(6);
		assertThat(all).anyMatch(a -> a.register().name().equals("PROCESSOR"));
		assertThat(all).anyMatch(a -> a.published() && a.state() == ActivityState.CHECKED);
		assertThat(all).anyMatch(a -> a.state() == ActivityState.DRAFT && !a.complete());
		assertThat(all).anyMatch(a -> !a.content().specialCategoryConditions().isEmpty());
		assertThat(all).anyMatch(a -> a.content().name().startsWith("OBMi"));
		PrivacyHttp lezer = PrivacyHttp.as(port, "lezer.gent", "/gent/privacy");
		assertThat(lezer.get("/gent/privacy?register=PROCESSOR").body()).contains("Personeelsadministratie");
		assertThat(lezer.get("/gent/privacy?state=DRAFT").body()).doesNotContain("Bevolkingsregister");
	}

	@Test
	void theTenantAdminMarksAMemberAsDpoAndTheOpenSessionGetsTheRight() {
		long id = accounts.loadUserByUsername("bijdrager.gent").id();
		PrivacyHttp admin = PrivacyHttp.as(port, "beheerder.gent", "/gent/beheer/gebruikers/" + id);
		PrivacyHttp member = PrivacyHttp.as(port, "bijdrager.gent", "/gent/privacy");
		Tenant gent = tenants.require("gent");
		try {
			assertThat(admin.get("/gent/beheer/gebruikers/" + id).body()).contains("id=\"dpo-form\"");
			String unknown = "/gent/privacy/verwerkingen/" + UUID.randomUUID() + "/nazien";
			assertThat(member.post(unknown, Map.of("version", "0")).statusCode()).isEqualTo(403);
			String version = String.valueOf(accounts.details(id).orElseThrow().version());
			assertThat(admin.post("/gent/beheer/gebruikers/" + id + "/dpo", Map.of("dpo", "true", "version", version))
				.statusCode()).isEqualTo(302);
			assertThat(members.dpo(gent, id)).isTrue();
			// the open session passes the DPO check now: the unknown activity is not
			// found
			assertThat(member.post(unknown, Map.of("version", "0")).statusCode()).isEqualTo(404);
			assertThat(accounts.loadUserByUsername("bijdrager.gent").dpo("gent")).isTrue();
			assertThat(audit.history(gent.id(), null, null, 50))
				.anyMatch(e -> e.changes().stream().anyMatch(c -> c.field().equals("DPO in gent")));
			// a stale version is refused and changes nothing
			admin.post("/gent/beheer/gebruikers/" + id + "/dpo", Map.of("dpo", "false", "version", version));
			assertThat(members.dpo(gent, id)).isTrue();
		}
		finally {
			transaction.executeWithoutResult(
					status -> members.changeDpo(gent, id, false, accounts.details(id).orElseThrow().version()));
		}
		assertThat(members.dpo(gent, id)).isFalse();
	}

}
