package be.obmi.plan;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import be.obmi.audit.AuditEvent;
import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanArchive;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.Project;
import be.obmi.plan.domain.Projects;
import be.obmi.plan.domain.Release;
import be.obmi.plan.domain.Indicators;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.domain.StatusUpdate;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work management on the pages, as an editor does it (logged in, through the forms with
 * their CSRF token): an item is archived and restored (it leaves and comes back to the
 * tree, the public page, the API and the export; the history says who and when), an item
 * without history is deleted, one with status updates is not (with the reason), and
 * projects and releases are added, edited, archived and restored on the item page. In
 * Bruges, whose plan no other test class changes.
 */
@ObmiIntegrationTest
class PlanArchiveIntegrationTests {

	static final String SLUG = "brugge";

	static final String P = "/" + SLUG + "/plan";

	static final String EDITOR = "redacteur." + SLUG;

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
	PlanArchive archive;

	@Autowired
	Projects projects;

	@Autowired
	Indicators indicators;

	@Autowired
	AuditTrail audit;

	/** A logged-in editor and the CSRF token of the session. */
	record Editor(PlanHttp http, String token) {

		HttpResponse<byte[]> post(String path, String form) {
			return http.post(path, form + (form.isEmpty() ? "" : "&") + "_csrf=" + token);
		}

		String page(String path) {
			return http.getText(path);
		}

	}

	Editor editor() {
		PlanHttp http = PlanHttp.session(port, EDITOR);
		return new Editor(http, http.csrf(P + "/import"));
	}

	@Test
	void anArchivedItemLeavesThePlanAndComesBackWhenRestoredWithWhoAndWhenInItsHistory() {
		Tenant tenant = tenants.require(SLUG);
		Plan plan = plans.current(tenant).orElseThrow();
		Map<Long, StatusUpdate> published = rounds.latest(plan, true);
		PlanItem action = items.all(plan)
			.stream()
			.filter(i -> i.type().name().equals("AC") && published.containsKey(i.id()))
			.findFirst()
			.orElseThrow();
		String row = "id=\"row-" + action.id() + "\"";
		String publicRow = "id=\"pub-" + action.code() + "\"";
		String tree = P + "?open=" + action.parentId();
		Editor editor = editor();
		PlanHttp anonymous = PlanHttp.anonymous(port);
		assertThat(editor.page(tree)).contains(row);
		assertThat(anonymous.getText(P + "/publiek")).contains(publicRow);

		HttpResponse<byte[]> archived = editor.post(P + "/items/" + action.id() + "/archiveren", "");
		assertThat(archived.statusCode()).isEqualTo(302);
		assertThat(archived.headers().firstValue("Location").orElseThrow()).endsWith(P + "/archief");
		assertThat(editor.page(P + "/archief")).contains(action.code() + " is gearchiveerd.",
				"id=\"archived-" + action.code() + "\"", EDITOR);
		assertThat(editor.page(tree)).doesNotContain(row);
		assertThat(anonymous.getText(P + "/publiek")).doesNotContain(publicRow);
		assertThat(editor.http().getText("/api/v1/" + SLUG + "/plan/items")).doesNotContain(action.code());
		assertThat(editor.http().getText(P + "/export")).doesNotContain(action.code() + ";AC;");
		// kept with its history: the page still shows it, with who archived it
		assertThat(editor.page(P + "/items/" + action.id())).contains("Dit item is gearchiveerd op", EDITOR,
				"Herstellen");
		assertThat(rounds.history(tenant, action.id(), true)).isNotEmpty();
		// archived items cannot be edited
		HttpResponse<byte[]> edit = editor.post(P + "/items/" + action.id(),
				"title=Nieuw&_priority=on&weight=1&version=" + version(action));
		assertThat(edit.statusCode()).isEqualTo(409);
		assertThat(new String(edit.body(), StandardCharsets.UTF_8))
			.contains(action.code() + " is gearchiveerd en kan niet gewijzigd worden");

		HttpResponse<byte[]> restored = editor.post(P + "/archief/items/" + action.id() + "/herstellen", "");
		assertThat(restored.statusCode()).isEqualTo(302);
		assertThat(editor.page(P + "/items/" + action.id())).contains(action.code() + " is hersteld.")
			.doesNotContain("Dit item is gearchiveerd op");
		assertThat(editor.page(tree)).contains(row);
		assertThat(anonymous.getText(P + "/publiek")).contains(publicRow);
		assertThat(editor.http().getText("/api/v1/" + SLUG + "/plan/items")).contains(action.code());

		List<AuditEvent> history = audit.history(tenant.id(), "planitem", String.valueOf(action.id()), 2);
		assertThat(history).extracting(AuditEvent::actor).containsOnly(EDITOR);
		assertThat(history).allSatisfy(e -> assertThat(e.occurredAt()).isNotNull());
		assertThat(history.get(0).changes()).containsExactly(new FieldChange("archived", "true", "false"));
		assertThat(history.get(1).changes()).containsExactly(new FieldChange("archived", "false", "true"));
		assertThat(editor.page(P + "/items/" + action.id())).contains("Gearchiveerd", "nee", "ja");
	}

	@Test
	void anItemWithoutHistoryIsDeletedAndOneWithStatusUpdatesOnlyArchived() {
		Tenant tenant = tenants.require(SLUG);
		PlanHttp api = PlanHttp.as(port, EDITOR);
		String file = """
				code;type;bovenliggende_code;titel;omschrijving;prioritair;beleidsveld;politiek_verantwoordelijke;ambtelijk_verantwoordelijke;startdatum;einddatum
				WEG-BD;BD;;Een doelstelling die weg mag;;nee;;;;;
				WEG-AP;AP;WEG-BD;Een actieplan dat weg mag;;nee;;;;;
				WEG-AC;AC;WEG-AP;Een actie die weg mag;;nee;;;;;
				WEG-AC2;AC;WEG-AP;Nog een actie die weg mag;;nee;;;;;
				""";
		assertThat(api.upload("/api/v1/" + SLUG + "/plan/import", "weg.csv", file.getBytes(StandardCharsets.UTF_8))
			.statusCode()).isEqualTo(200);
		Plan plan = plans.current(tenant).orElseThrow();
		PlanItem ap = items.byCode(plan, "WEG-AP").orElseThrow();
		PlanItem ac = items.byCode(plan, "WEG-AC").orElseThrow();
		Editor editor = editor();

		// no status updates or measurements: deleting is offered, after a confirmation
		String page = editor.page(P + "/items/" + ac.id());
		assertThat(page).contains("/items/" + ac.id() + "/verwijderen", "data-confirm=\"WEG-AC met alle")
			.doesNotContain("delete-not-offered");
		HttpResponse<byte[]> deleted = editor.post(P + "/items/" + ac.id() + "/verwijderen", "");
		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(deleted.headers().firstValue("Location").orElseThrow()).endsWith(P + "/items/" + ap.id());
		assertThat(editor.page(P + "/items/" + ap.id())).contains("WEG-AC is definitief verwijderd.");
		assertThat(items.byId(tenant, ac.id())).isEmpty();
		AuditEvent event = audit.history(tenant.id(), "planitem", String.valueOf(ac.id()), 1).getFirst();
		assertThat(event.action()).isEqualTo(AuditEvent.Action.DELETE);
		assertThat(event.actor()).isEqualTo(EDITOR);
		assertThat(event.changes()).contains(new FieldChange("title", "Een actie die weg mag", null));

		// an archived goal with its action plan and action goes for good from the archive
		PlanItem bd = items.byCode(plan, "WEG-BD").orElseThrow();
		assertThat(editor.post(P + "/items/" + bd.id() + "/archiveren", "").statusCode()).isEqualTo(302);
		assertThat(editor.page(P + "/archief")).contains("WEG-BD is gearchiveerd, samen met 2 onderliggende items.",
				"(met 2 onderliggende items)", "/items/" + bd.id() + "/verwijderen");
		HttpResponse<byte[]> gone = editor.post(P + "/items/" + bd.id() + "/verwijderen", "");
		assertThat(gone.headers().firstValue("Location").orElseThrow()).endsWith(P + "/archief");
		assertThat(editor.page(P + "/archief")).contains("WEG-BD is definitief verwijderd, samen met 2")
			.doesNotContain("id=\"archived-WEG-BD\"");
		assertThat(items.byId(tenant, ap.id())).isEmpty();

		// an item with status updates: deleting is not offered, and refused with the
		// reason
		Map<Long, StatusUpdate> updates = rounds.latest(plan, false);
		PlanItem reported = items.all(plan)
			.stream()
			.filter(i -> updates.containsKey(i.id()))
			.skip(2)
			.findFirst()
			.orElseThrow();
		assertThat(editor.page(P + "/items/" + reported.id())).contains("id=\"delete-not-offered\"",
				"Definitief verwijderen kan niet");
		HttpResponse<byte[]> refused = editor.post(P + "/items/" + reported.id() + "/verwijderen", "");
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(editor.page(P + "/items/" + reported.id()))
			.contains(reported.code() + " kan niet definitief verwijderd worden");
		assertThat(items.byId(tenant, reported.id())).isPresent();
		assertThat(archive.hasHistory(tenant, reported.id())).isTrue();
	}

	@Test
	void projectsAndReleasesAreAddedEditedArchivedAndRestoredOnTheItemPage() {
		Tenant tenant = tenants.require(SLUG);
		Plan plan = plans.current(tenant).orElseThrow();
		PlanItem item = items.all(plan)
			.stream()
			.filter(i -> i.type().name().equals("AC"))
			.skip(7)
			.findFirst()
			.orElseThrow();
		String path = P + "/items/" + item.id();
		Editor editor = editor();

		// a project: refused without a name (the error at its field), then added
		HttpResponse<byte[]> nameless = editor.post(path + "/projecten",
				"name=&description=&plannedDate=2026-09-01&actualDate=&version=0");
		assertThat(nameless.statusCode()).isEqualTo(400);
		assertThat(new String(nameless.body(), StandardCharsets.UTF_8)).contains(
				"Het project is niet bewaard: zie de fout bij het formulier.", "id=\"project-new-name-error\"",
				"aria-describedby=\"project-new-name-error\"", "Geef het project een naam.");
		HttpResponse<byte[]> added = editor.post(path + "/projecten",
				"name=Heraanleg+Zandstraat&description=Met+de+buurt&plannedDate=2026-09-01&actualDate=&version=0");
		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(added.headers().firstValue("Location").orElseThrow()).endsWith(path + "#projecten");
		Project project = projects.of(tenant, item.id())
			.stream()
			.filter(p -> p.name().equals("Heraanleg Zandstraat"))
			.findFirst()
			.orElseThrow();
		assertThat(editor.page(path)).contains("Het project is bewaard.", "Heraanleg Zandstraat", "01/09/2026");

		// edited, and a stale edit is refused with 409
		String edit = "name=Heraanleg+Zandstraat+fase+1&description=Met+de+buurt&plannedDate=2026-09-01"
				+ "&actualDate=2026-10-15&version=" + project.version();
		assertThat(editor.post(path + "/projecten/" + project.id(), edit).statusCode()).isEqualTo(302);
		assertThat(editor.page(path)).contains("Heraanleg Zandstraat fase 1", "15/10/2026");
		HttpResponse<byte[]> stale = editor.post(path + "/projecten/" + project.id(), edit);
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(new String(stale.body(), StandardCharsets.UTF_8))
			.contains("Iemand anders heeft het project Heraanleg Zandstraat fase 1 intussen gewijzigd");

		// a release of that project, then realised by an edit
		assertThat(editor
			.post(path + "/releases",
					"title=Oplevering+Zandstraat&plannedDate=2026-11-01&actualDate=&projectId=" + project.id()
							+ "&version=0")
			.statusCode()).isEqualTo(302);
		Release release = indicators.releases(tenant, item.id())
			.stream()
			.filter(r -> r.title().equals("Oplevering Zandstraat"))
			.findFirst()
			.orElseThrow();
		assertThat(release.projectName()).isEqualTo("Heraanleg Zandstraat fase 1");
		assertThat(release.status()).isEqualTo("GEPLAND");
		assertThat(editor.post(path + "/releases/" + release.id(),
				"title=Oplevering+Zandstraat&plannedDate=2026-11-01&actualDate=2026-11-20&projectId=" + project.id()
						+ "&version=" + release.version())
			.statusCode()).isEqualTo(302);
		assertThat(indicators.releases(tenant, item.id())).filteredOn(r -> r.id() == release.id())
			.singleElement()
			.satisfies(r -> {
				assertThat(r.status()).isEqualTo("GEREALISEERD");
				assertThat(r.actualDate()).hasToString("2026-11-20");
			});
		// a project of another item cannot be linked
		assertThat(editor
			.post(path + "/releases", "title=Fout&plannedDate=2026-11-01&actualDate=&projectId=999999999&version=0")
			.statusCode()).isEqualTo(400);

		// archived: gone from the item page, listed in the archive; restored: back
		assertThat(editor.post(path + "/releases/" + release.id() + "/archiveren", "").statusCode()).isEqualTo(302);
		assertThat(editor.post(path + "/projecten/" + project.id() + "/archiveren", "").statusCode()).isEqualTo(302);
		assertThat(editor.page(path)).doesNotContain("id=\"release-" + release.id() + "\"",
				"id=\"project-" + project.id() + "\"");
		assertThat(editor.page(P + "/archief")).contains("Oplevering Zandstraat", "Heraanleg Zandstraat fase 1",
				"/archief/releases/" + release.id() + "/herstellen");
		HttpResponse<byte[]> back = editor.post(P + "/archief/releases/" + release.id() + "/herstellen", "");
		assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith(path + "#releases");
		assertThat(editor.page(path)).contains("id=\"release-" + release.id() + "\"")
			.doesNotContain("id=\"project-" + project.id() + "\"");

		// every step in the history, by the editor
		assertThat(audit.history(tenant.id(), "project", String.valueOf(project.id()), 10))
			.extracting(e -> e.action() + " " + e.actor())
			.containsExactly("UPDATE " + EDITOR, "UPDATE " + EDITOR, "CREATE " + EDITOR);
		assertThat(audit.history(tenant.id(), "release", String.valueOf(release.id()), 10)).hasSize(4)
			.allSatisfy(e -> assertThat(e.actor()).isEqualTo(EDITOR));
		// readers may not
		PlanHttp reader = PlanHttp.session(port, "lezer." + SLUG);
		String readerToken = reader.csrf(P + "/items/" + item.id());
		assertThat(reader.post(path + "/projecten", "name=X&version=0&_csrf=" + readerToken).statusCode())
			.isEqualTo(403);
	}

	private int version(PlanItem item) {
		return items.byId(tenants.require(SLUG), item.id()).orElseThrow().version();
	}

}
