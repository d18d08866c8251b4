package be.obmi.plan;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import be.obmi.audit.AuditEvent;
import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projects (PR) and releases (RL) in the plan file: imported under an existing action of
 * the demo plan they show on its page and in the export, a re-import with another date
 * updates them (with history) and cannot be undone, an unknown parent is refused with row
 * and column, and export, import, export is byte for byte the same. In Mechelen, whose
 * items no other test class changes; only rows with codes WERK-… are added.
 */
@ObmiIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanProjectReleaseImportIntegrationTests {

	static final String SLUG = "mechelen";

	static final String API = "/api/v1/" + SLUG + "/plan";

	static final String EDITOR = "redacteur." + SLUG;

	static final String HEADER = "code;type;bovenliggende_code;titel;omschrijving;prioritair;beleidsveld;"
			+ "politiek_verantwoordelijke;ambtelijk_verantwoordelijke;startdatum;einddatum;gerealiseerd_op;releasestatus\n";

	static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail audit;

	@Autowired
	Tenants tenants;

	PlanHttp api() {
		return PlanHttp.as(port, EDITOR);
	}

	HttpResponse<byte[]> upload(String rows) {
		return api().upload(API + "/import", "plan.csv", (HEADER + rows).getBytes(StandardCharsets.UTF_8));
	}

	JsonNode importRows(String rows) {
		HttpResponse<byte[]> response = upload(rows);
		assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		return json.readTree(response.body());
	}

	String export() {
		return api().getText(API + "/export?format=csv");
	}

	/** The first action of the demo plan. */
	JsonNode action() {
		for (JsonNode item : json.readTree(api().getText(API + "/items"))) {
			if ("AC".equals(item.get("type").asString())) {
				return item;
			}
		}
		throw new AssertionError("no action in the demo plan of " + SLUG);
	}

	static List<String> lines(String export) {
		return List.of(export.split("\r\n"));
	}

	static int indexOf(List<String> lines, String start) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith(start)) {
				return i;
			}
		}
		return -1;
	}

	@Test
	@Order(1)
	void importedProjectsAndReleasesShowOnTheItemPageAndInTheExport() {
		String code = action().get("code").asString();
		JsonNode summary = importRows("""
				WERK-PR1;PR;%1$s;Heraanleg Grote Markt;Fase 1 en 2;;;;;;2027-06-30;;
				WERK-RL1;RL;WERK-PR1;Oplevering fase 1;;;;;;;2026-12-31;;
				WERK-RL2;RL;%1$s;Infomoment buurt;;;;;;;2026-10-01;02/10/2026;
				""".formatted(code));
		assertThat(summary.get("created").asInt()).isEqualTo(3);
		assertThat(summary.get("updated").asInt()).isZero();

		String page = PlanHttp.session(port, EDITOR).getText("/" + SLUG + "/plan/items/" + action().get("id").asLong());
		assertThat(page).contains("Heraanleg Grote Markt", "Oplevering fase 1", "Infomoment buurt");

		List<String> lines = lines(export());
		assertThat(lines).contains("WERK-PR1;PR;" + code + ";Heraanleg Grote Markt;Fase 1 en 2;;;;;;2027-06-30;;;;;;",
				"WERK-RL1;RL;WERK-PR1;Oplevering fase 1;;;;;;;2026-12-31;;GEPLAND;;;;",
				"WERK-RL2;RL;" + code + ";Infomoment buurt;;;;;;;2026-10-01;2026-10-02;GEREALISEERD;;;;");
		int item = indexOf(lines, code + ";AC;");
		assertThat(item).isPositive();
		assertThat(List.of(indexOf(lines, "WERK-PR1;"), indexOf(lines, "WERK-RL1;"), indexOf(lines, "WERK-RL2;")))
			.allMatch(i -> i > item)
			.isSorted();
	}

	@Test
	@Order(2)
	void aReimportWithAnotherDateUpdatesTheReleaseWithHistoryAndCannotBeUndone() {
		JsonNode summary = importRows("WERK-RL1;RL;WERK-PR1;Oplevering fase 1;;;;;;;2027-03-31;;verschoven\n");
		assertThat(summary.get("updated").asInt()).isEqualTo(1);
		assertThat(summary.get("created").asInt()).isZero();
		assertThat(lines(export())).contains("WERK-RL1;RL;WERK-PR1;Oplevering fase 1;;;;;;;2027-03-31;;VERSCHOVEN;;;;");

		AuditEvent event = audit.history(tenants.require(SLUG).id(), "release", null, 20)
			.stream()
			.filter(e -> "Oplevering fase 1".equals(e.entityLabel()) && e.action() == AuditEvent.Action.UPDATE)
			.findFirst()
			.orElseThrow();
		assertThat(event.changes()).contains(new FieldChange("plannedDate", "2026-12-31", "2027-03-31"),
				new FieldChange("status", "GEPLAND", "VERSCHOVEN"));

		String before = export();
		HttpResponse<byte[]> undo = api().post(API + "/versies/" + summary.get("planVersion").asInt() + "/ongedaan",
				"");
		assertThat(undo.statusCode()).isEqualTo(409);
		assertThat(new String(undo.body(), StandardCharsets.UTF_8)).contains("projecten of releases");
		assertThat(export()).isEqualTo(before);
	}

	@Test
	@Order(3)
	void anUnknownParentIsRefusedWithRowAndColumnAndNothingChanges() {
		String before = export();
		HttpResponse<byte[]> response = upload("""
				WERK-PR2;PR;GEEN-ITEM;Een project nergens onder;;;;;;;;;
				WERK-RL1;RL;WERK-PR1;Oplevering fase 1;;;;;;;2028-01-31;;
				""");
		assertThat(response.statusCode()).isEqualTo(422);
		JsonNode error = json.readTree(response.body()).get("errors").get(0);
		assertThat(error.get("row").asInt()).isEqualTo(2);
		assertThat(error.get("column").asString()).isEqualTo("bovenliggende_code");
		assertThat(error.get("message").asString()).contains("GEEN-ITEM");
		assertThat(export()).isEqualTo(before);
	}

	@Test
	@Order(4)
	void exportImportExportIsTheSameByteForByte() {
		byte[] before = api().get(API + "/export?format=csv").body();
		HttpResponse<byte[]> response = api().upload(API + "/import", "plan.csv", before);
		assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		JsonNode summary = json.readTree(response.body());
		assertThat(summary.get("created").asInt()).isZero();
		assertThat(summary.get("updated").asInt()).isZero();
		assertThat(api().get(API + "/export?format=csv").body()).isEqualTo(before);
	}

}
