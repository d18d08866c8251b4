package be.obmi.plan;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import be.obmi.audit.AuditEvent;
import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.plan.domain.Indicators;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanArchive;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItemForm;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.PlanVersion;
import be.obmi.plan.domain.Plans;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Undoing a whole plan import, as statistics imports are undone: the plan is as before
 * (the export is the same byte for byte), the history says who undid it and when, items
 * the import created are deleted (or archived when they have measurements), and the undo
 * is refused when an item the import touched was edited since, and for the second of two
 * undos at once. In the VGC, whose plan no other test class changes.
 */
@ObmiIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanImportUndoIntegrationTests {

	static final String SLUG = "vgc";

	static final String API = "/api/v1/" + SLUG + "/plan";

	static final String EDITOR = "redacteur." + SLUG;

	static final String HEADER = "code;type;bovenliggende_code;titel;omschrijving;prioritair;beleidsveld;"
			+ "politiek_verantwoordelijke;ambtelijk_verantwoordelijke;startdatum;einddatum\n";

	static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Plans plans;

	@Autowired
	PlanItems items;

	@Autowired
	PlanArchive archive;

	@Autowired
	Indicators indicators;

	@Autowired
	AuditTrail audit;

	PlanHttp api() {
		return PlanHttp.as(port, EDITOR);
	}

	/** Imports plan rows (after the header) and returns the summary. */
	JsonNode importRows(String rows) {
		HttpResponse<byte[]> response = api().upload(API + "/import", "plan.csv",
				(HEADER + rows).getBytes(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		return json.readTree(response.body());
	}

	String export() {
		return api().getText(API + "/export?format=csv");
	}

	Tenant tenant() {
		return tenants.require(SLUG);
	}

	Plan plan() {
		return plans.current(tenant()).orElseThrow();
	}

	@Test
	@Order(1)
	void anUndoneImportLeavesThePlanAsItWasWithWhoAndWhenInTheHistory() {
		importRows("""
				UNDO-BD;BD;;Een doelstelling om ongedaan te maken;;nee;;;;;
				UNDO-AP;AP;UNDO-BD;Een actieplan;;nee;;;;;
				UNDO-AC1;AC;UNDO-AP;De eerste titel;;nee;;;;;
				""");
		String before = export();
		JsonNode summary = importRows("""
				UNDO-AC1;AC;UNDO-AP;Een gewijzigde titel;;ja;;;;;
				UNDO-AC2;AC;UNDO-AP;Een nieuwe actie;;nee;;;;;
				UNDO-AC3;AC;UNDO-AP;Nog een nieuwe actie;;nee;;;;;
				""");
		assertThat(summary.get("created").asInt()).isEqualTo(2);
		// the title, and the priority rule upwards (action plan and goal)
		assertThat(summary.get("updated").asInt()).isEqualTo(3);
		int version = summary.get("planVersion").asInt();
		long created = items.byCode(plan(), "UNDO-AC2").orElseThrow().id();
		assertThat(export()).isNotEqualTo(before);

		PlanHttp page = PlanHttp.session(port, EDITOR);
		String importPage = page.getText("/" + SLUG + "/plan/import");
		assertThat(importPage).contains("/plan/versies/" + version + "/ongedaan")
			.doesNotContain("/plan/versies/" + (version - 1) + "/ongedaan");
		String token = page.csrf("/" + SLUG + "/plan/import");
		HttpResponse<byte[]> undone = page.post("/" + SLUG + "/plan/versies/" + version + "/ongedaan",
				"_csrf=" + token);
		assertThat(undone.statusCode()).isEqualTo(302);

		assertThat(export()).isEqualTo(before);
		assertThat(items.byCode(plan(), "UNDO-AC1").orElseThrow().title()).isEqualTo("De eerste titel");
		assertThat(items.byId(tenant(), created)).as("created without history: deleted").isEmpty();
		assertThat(plan().currentVersion()).isEqualTo(version + 1);
		PlanVersion undo = plans.version(plan(), version + 1).orElseThrow();
		assertThat(undo.undo()).isTrue();
		assertThat(undo.undoes()).isEqualTo(version);
		assertThat(undo.createdBy()).isEqualTo(EDITOR);
		assertThat(plans.version(plan(), version).orElseThrow().undoneBy()).isEqualTo(EDITOR);
		assertThat(plans.snapshot(plan(), version + 1).orElseThrow()).isEqualTo(before.substring(1));

		String after = page.getText("/" + SLUG + "/plan/import");
		assertThat(after)
			.contains("De import van versie " + version + " is ongedaan gemaakt",
					"Ongedaan maken van versie " + version, "ongedaan gemaakt op", EDITOR)
			.doesNotContain("/plan/versies/" + version + "/ongedaan\"");
		AuditEvent planEvent = audit.history(tenant().id(), "meerjarenplan", null, 1).getFirst();
		assertThat(planEvent.actor()).isEqualTo(EDITOR);
		assertThat(planEvent.occurredAt()).isNotNull();
		assertThat(planEvent.changes())
			.contains(new FieldChange("versie", String.valueOf(version), String.valueOf(version + 1)), new FieldChange(
					"ongedaan gemaakt", null, "versie " + version + ": 3 hersteld, 0 gearchiveerd, 2 verwijderd"));
		long restoredId = items.byCode(plan(), "UNDO-AC1").orElseThrow().id();
		AuditEvent restored = audit.history(tenant().id(), "planitem", String.valueOf(restoredId), 1).getFirst();
		assertThat(restored.actor()).isEqualTo(EDITOR);
		assertThat(restored.changes()).contains(new FieldChange("title", "Een gewijzigde titel", "De eerste titel"));
		assertThat(audit.history(tenant().id(), "planitem", String.valueOf(created), 1).getFirst().action())
			.isEqualTo(AuditEvent.Action.DELETE);

		// undone once: a second time is refused
		HttpResponse<byte[]> again = api().post(API + "/versies/" + version + "/ongedaan", "");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(new String(again.body(), StandardCharsets.UTF_8)).contains("al ongedaan gemaakt");
	}

	@Test
	@Order(2)
	void anUndoIsRefusedWhenAnItemTheImportTouchedWasEditedSince() {
		JsonNode summary = importRows("""
				UNDO-AC1;AC;UNDO-AP;Een titel die later bewerkt wordt;;nee;;;;;
				UNDO-AC4;AC;UNDO-AP;Een actie van deze import;;nee;;;;;
				""");
		int version = summary.get("planVersion").asInt();
		PlanItem edited = items.byCode(plan(), "UNDO-AC1").orElseThrow();
		PlanItemForm form = PlanItemForm.of(edited);
		items.update(tenant(), edited.id(),
				new PlanItemForm(form.title(), "Later toegevoegde omschrijving", form.priority(), form.policyField(),
						form.politicalOwner(), form.administrativeOwner(), form.contributor(), form.startDate(),
						form.endDate(), form.tags(), form.wijk(), form.latitude(), form.longitude(), form.weight(),
						form.version()));
		String before = export();

		HttpResponse<byte[]> refused = api().post(API + "/versies/" + version + "/ongedaan", "");
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(json.readTree(refused.body()).get("detail").asString())
			.contains("kan niet ongedaan gemaakt worden", "na de import nog gewijzigd", "UNDO-AC1")
			.doesNotContain("UNDO-AC4");
		assertThat(export()).isEqualTo(before);
		assertThat(plan().currentVersion()).isEqualTo(version);
		assertThat(plans.version(plan(), version).orElseThrow().undone()).isFalse();
		assertThat(items.byCode(plan(), "UNDO-AC1").orElseThrow().description())
			.isEqualTo("Later toegevoegde omschrijving");
	}

	@Test
	@Order(3)
	void anItemTheImportCreatedIsArchivedWhenItHasMeasurements() {
		JsonNode summary = importRows("""
				UNDO-AC5;AC;UNDO-AP;Een actie die al gemeten is;;nee;;;;;
				UNDO-AC6;AC;UNDO-AP;Een actie zonder metingen;;nee;;;;;
				""");
		int version = summary.get("planVersion").asInt();
		PlanItem measured = items.byCode(plan(), "UNDO-AC5").orElseThrow();
		long indicator = indicators.create(tenant(), measured.id(), "UNDO-I", "Aantal", "OUTPUT", null, "HIGHER", null);
		indicators.measure(tenant(), indicator, LocalDate.of(2026, 6, 30), new BigDecimal("3"), null, "Telling", null);
		long bare = items.byCode(plan(), "UNDO-AC6").orElseThrow().id();

		JsonNode undone = json.readTree(api().post(API + "/versies/" + version + "/ongedaan", "").body());
		assertThat(undone.get("archived").asInt()).isEqualTo(1);
		assertThat(undone.get("deleted").asInt()).isEqualTo(1);
		assertThat(items.byId(tenant(), bare)).isEmpty();
		assertThat(items.byId(tenant(), measured.id())).as("kept with its measurement").isPresent();
		assertThat(archive.mark(tenant(), measured.id())).isPresent();
		assertThat(items.byCode(plan(), "UNDO-AC5")).isEmpty();
		assertThat(export()).doesNotContain("UNDO-AC5", "UNDO-AC6");
	}

	@Test
	@Order(4)
	void ofTwoUndosAtOnceExactlyOneSucceeds() throws Exception {
		int version = importRows("UNDO-AC7;AC;UNDO-AP;Een actie voor twee ongedaanmakers;;nee;;;;;\n")
			.get("planVersion")
			.asInt();
		PlanHttp first = api();
		PlanHttp second = PlanHttp.as(port, "beheerder." + SLUG);
		String path = API + "/versies/" + version + "/ongedaan";
		CyclicBarrier start = new CyclicBarrier(2);
		List<HttpResponse<byte[]>> answers;
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			answers = Arrays.stream(new PlanHttp[] { first, second }).map(http -> CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				return http.post(path, "");
			}, pool)).toList().stream().map(CompletableFuture::join).toList();
		}
		assertThat(answers.stream().map(HttpResponse::statusCode).sorted().toList()).containsExactly(200, 409);
		HttpResponse<byte[]> loser = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
		assertThat(new String(loser.body(), StandardCharsets.UTF_8)).contains("al ongedaan gemaakt");
		assertThat(plans.versions(plan()).stream().filter(v -> Integer.valueOf(version).equals(v.undoes()))).hasSize(1);
		assertThat(plan().currentVersion()).isEqualTo(version + 1);
		assertThat(items.byCode(plan(), "UNDO-AC7")).isEmpty();
	}

}
