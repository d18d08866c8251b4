package be.obmi.plan;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import be.obmi.audit.AuditTrail;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * Acceptance 1, 2 and 4 for the plan file: a real-looking city plan (Windows-1252,
 * {@code ;}, Dutch accents, empty optional columns) imports through the API with the
 * right counts and hierarchy; export and re-import change nothing (CSV and XLSX); a
 * corrupted file is refused with every error and the plan stays as it was. Works in
 * Roeselare, a tenant no other test class changes.
 */
@ObmiIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanImportIntegrationTests {

	static final String SLUG = "roeselare";

	static final String API = "/api/v1/" + SLUG + "/plan";

	static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail audit;

	@Autowired
	Tenants tenants;

	PlanHttp redacteur() {
		return PlanHttp.as(port, "redacteur." + SLUG);
	}

	static byte[] realPlan() throws IOException {
		return new ClassPathResource("plan/roeselare-meerjarenplan-cp1252.csv").getContentAsByteArray();
	}

	Map<String, JsonNode> items() {
		JsonNode array = json.readTree(redacteur().getText(API + "/items"));
		Map<String, JsonNode> byCode = new LinkedHashMap<>();
		array.forEach(node -> byCode.put(node.get("code").asString(), node));
		return byCode;
	}

	@Test
	@Order(1)
	void importsARealCityPlanInWindows1252WithCorrectCountsAndHierarchy() throws IOException {
		HttpResponse<byte[]> response = redacteur().upload(API + "/import", "meerjarenplan.csv", realPlan());

		assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		JsonNode summary = json.readTree(response.body());
		assertThat(summary.get("created").asInt()).isEqualTo(18);
		assertThat(summary.get("updated").asInt()).isZero();
		assertThat(summary.get("unchanged").asInt()).isZero();

		Map<String, JsonNode> items = items();
		assertThat(items.get("BD06").get("type").asString()).isEqualTo("BD");
		assertThat(items.get("BD06").get("parentCode").isNull()).isTrue();
		assertThat(items.get("AP06.01").get("parentCode").asString()).isEqualTo("BD06");
		assertThat(items.get("AC06.01.01").get("parentCode").asString()).isEqualTo("AP06.01");
		assertThat(items.get("AC06.01.01").get("policyField").asString()).isEqualTo("0200");
		assertThat(items.get("AC07.01.01").get("title").asString())
			.isEqualTo("Vernieuwing van De Spil tot cultuurhuis");
		assertThat(items.get("AP01.02").get("title").asString()).isEqualTo("Zorg dichtbij voor kwetsbare inwoners");
		assertThat(items.get("AC01.02.02").get("title").asString()).contains("Beveren en Oekene");
		assertThat(items.values()
			.stream()
			.filter(i -> i.get("code").asString().matches("(BD|AP|AC)0[167].*"))
			.collect(Collectors.groupingBy(i -> i.get("type").asString(), Collectors.counting())))
			.containsEntry("BD", 3L)
			.containsEntry("AP", 5L)
			.containsEntry("AC", 10L);
		// Accents survived the Windows-1252 decoding.
		assertThat(redacteur().getText(API + "/items")).contains("Michèle Hostekint", "Élise Verhaeghe",
				"Wijkcoördinatoren");
		// The priority rule: a priority action makes its action plan and goal priority.
		assertThat(items.get("AC01.01.01").get("priority").asBoolean()).isTrue();
		assertThat(items.get("AP01.01").get("priority").asBoolean()).isTrue();
		assertThat(items.get("BD01").get("priority").asBoolean()).isTrue();
		assertThat(items.get("AC01.01.02").get("priority").asBoolean()).isFalse();

		long tenantId = tenants.require(SLUG).id();
		assertThat(audit.history(tenantId, "planitem", null, 500))
			.anySatisfy(event -> assertThat(event.entityLabel()).isEqualTo("AC06.01.01"));
		assertThat(audit.history(tenantId, "meerjarenplan", null, 10)).isNotEmpty();
		// The import made a new plan version that keeps the content.
		int version = summary.get("planVersion").asInt();
		String kept = new String(redacteur().get("/" + SLUG + "/plan/versies/" + version).body(),
				StandardCharsets.UTF_8);
		assertThat(kept).contains("AC06.01.01;AC;AP06.01;Schoolstraten aan alle basisscholen die dat wensen");
	}

	@Test
	@Order(2)
	void reimportingTheSameFileOrTheExportChangesNothing() {
		JsonNode again = json
			.readTree(redacteur().upload(API + "/import", "meerjarenplan.csv", uncheckedRealPlan()).body());
		assertThat(again.get("created").asInt()).isZero();
		assertThat(again.get("updated").asInt()).isZero();
		assertThat(again.get("unchanged").asInt()).isEqualTo(18);

		HttpResponse<byte[]> export = redacteur().get(API + "/export?format=csv");
		assertThat(export.statusCode()).isEqualTo(200);
		String csv = new String(export.body(), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFcode;type;bovenliggende_code;titel;omschrijving;prioritair;beleidsveld;"
				+ "politiek_verantwoordelijke;ambtelijk_verantwoordelijke;startdatum;einddatum");
		assertThat(csv).contains("AC06.01.01;AC;AP06.01;");

		HttpResponse<byte[]> response = redacteur().upload(API + "/import", "export.csv", export.body());
		JsonNode summary = json.readTree(response.body());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(summary.get("created").asInt()).isZero();
		assertThat(summary.get("updated").asInt()).isZero();
		assertThat(summary.get("unchanged").asInt()).isEqualTo(summary.get("rows").asInt());
	}

	@Test
	@Order(3)
	void xlsxExportReimportsWithZeroChanges() {
		HttpResponse<byte[]> export = redacteur().get(API + "/export?format=xlsx");
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.body()[0]).isEqualTo((byte) 'P');
		JsonNode summary = json.readTree(redacteur().upload(API + "/import", "export.xlsx", export.body()).body());
		assertThat(summary.get("created").asInt()).isZero();
		assertThat(summary.get("updated").asInt()).isZero();
		assertThat(summary.get("unchanged").asInt()).isEqualTo(summary.get("rows").asInt());
	}

	@Test
	@Order(4)
	void aCorruptedFileIsRefusedWithEveryErrorAndChangesNothing() {
		String before = redacteur().getText(API + "/items");
		String corrupted = """
				code;type;bovenliggende_code;titel;omschrijving;prioritair;beleidsveld;politiek_verantwoordelijke;ambtelijk_verantwoordelijke;startdatum;einddatum
				BD06;BD;;Roeselare zet in op duurzame mobiliteit – gewijzigd;;nee;0200;;;2026-01-01;2031-12-31
				AP06.09;AP;BD99;Een actieplan onder een onbestaande doelstelling;;nee;0200;;;;
				AC06.01.01;AC;AP06.01;Dubbele code één;;ja;0200;;;;
				AC06.01.01;AC;AP06.01;Dubbele code twee;;ja;0200;;;;
				AC06.09.09;AC;BD06;Een actie rechtstreeks onder een doelstelling;;nee;0200;;;;
				AC06.09.10;AC;AP06.01;Onbekend beleidsveld;;nee;9999;;;;
				AC06.09.11;AC;AP06.01;Ongeldige datum;;nee;0200;;;31/02/2026;
				AC06.09.12;XX;AP06.01;Verkeerd type;;nee;0200;;;;
				AC06.09.13;AC;AP06.01;;;nee;0200;;;;
				""";
		HttpResponse<byte[]> response = redacteur().upload(API + "/import", "kapot.csv",
				corrupted.getBytes(Charset.forName("windows-1252")));

		assertThat(response.statusCode()).isEqualTo(422);
		JsonNode errors = json.readTree(response.body()).get("errors");
		List<String> found = new ArrayList<>();
		errors.forEach(e -> found
			.add(e.get("row").asInt() + "|" + e.get("column").asString() + "|" + e.get("message").asString()));
		assertThat(found).anyMatch(e -> e.startsWith("3|bovenliggende_code|Onbekende bovenliggende code 'BD99'"));
		assertThat(found).anyMatch(e -> e.startsWith("5|code|De code AC06.01.01 komt meer dan eens voor"));
		assertThat(found)
			.anyMatch(e -> e.startsWith("6|bovenliggende_code|Een actie (AC) moet onder een actieplan (AP) staan"));
		assertThat(found).anyMatch(e -> e.startsWith("7|beleidsveld|Onbekend beleidsveld '9999'"));
		assertThat(found).anyMatch(e -> e.startsWith("8|startdatum|Ongeldige datum '31/02/2026'"));
		assertThat(found).anyMatch(e -> e.startsWith("9|type|Ongeldig type 'XX'"));
		assertThat(found).anyMatch(e -> e.startsWith("10|titel|Verplicht veld 'titel' is leeg"));
		assertThat(found).hasSize(7);
		assertThat(redacteur().getText(API + "/items")).isEqualTo(before);
	}

	@Test
	@Order(5)
	void anUpdatedFileUpdatesMatchedItemsWithoutDuplicates() {
		String file = new String(uncheckedRealPlan(), Charset.forName("windows-1252")).replace(
				"Heraanleg van de Zuidstraat als fietsstraat",
				"Heraanleg van de Zuidstraat en de Noordstraat als fietsstraat");
		JsonNode summary = json.readTree(
				redacteur().upload(API + "/import", "aanpassing.csv", file.getBytes(Charset.forName("windows-1252")))
					.body());
		assertThat(summary.get("created").asInt()).isZero();
		assertThat(summary.get("updated").asInt()).isEqualTo(1);
		assertThat(summary.get("unchanged").asInt()).isEqualTo(17);
		Map<String, JsonNode> items = items();
		assertThat(items.get("AC06.01.02").get("title").asString()).contains("Noordstraat");
		assertThat(items.keySet().stream().filter("AC06.01.02"::equals).count()).isEqualTo(1);
	}

	@Test
	@Order(6)
	void aLezerMayNotImport() {
		HttpResponse<byte[]> response = PlanHttp.as(port, "lezer." + SLUG)
			.upload(API + "/import", "x.csv", uncheckedRealPlan());
		assertThat(response.statusCode()).isEqualTo(403);
	}

	static byte[] uncheckedRealPlan() {
		try {
			return realPlan();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
