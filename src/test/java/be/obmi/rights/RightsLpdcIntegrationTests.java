package be.obmi.rights;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import be.obmi.rights.catalogue.RightEntry;
import be.obmi.rights.catalogue.Rights;
import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LPDC import through the real application (API and page, PostgreSQL): instances for
 * the Rechtenverkenner become draft rights keeping their LPDC id; a re-import updates
 * them, archives the one gone from the file (never deletes it) and brings back one that
 * returns; a bad file answers 422 in the user's language and changes nothing; a reader or
 * another city's editor cannot import.
 */
@ObmiIntegrationTest
class RightsLpdcIntegrationTests {

	static final String CITY = "kortrijk";

	static final String API = "/api/v1/" + CITY + "/rechten/lpdc";

	static final String ENERGY = "http://data.lblod.info/id/public-service/1e2f0a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b";

	static final String CHILDCARE = "http://data.lblod.info/id/public-service/9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";

	@LocalServerPort
	int port;

	@Autowired
	Rights rights;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	static byte[] fixture(String name) throws IOException {
		return RightsLpdcIntegrationTests.class.getResourceAsStream("/rights/lpdc/" + name).readAllBytes();
	}

	@Test
	void importReimportArchiveAndReturn() throws IOException {
		Tenant kortrijk = tenants.require(CITY);
		ApiClient editor = ApiClient.as(port, "redacteur." + CITY);
		ApiClient.Response first = editor.upload(API, "lpdc.jsonld", fixture("kortrijk-instances.jsonld"), Map.of());
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("created").asInt()).isEqualTo(2);
		assertThat(first.json().get("skipped").toString()).contains("Bewonersparkeerkaart");
		RightEntry energy = byLpdcId(kortrijk, ENERGY);
		assertThat(energy.state()).isEqualTo("DRAFT");
		assertThat(energy.title()).isEqualTo("Energiepremie voor huurders");
		assertThat(energy.ficheDocuments()).contains("Aanslagbiljet");
		assertThat(energy.legalUrl()).startsWith("https://kortrijk.lokaalbeslist.be/");
		assertThat(energy.tenantId()).isEqualTo(kortrijk.id());

		ApiClient.Response second = editor.upload(API, "lpdc-v2.jsonld", fixture("kortrijk-instances-v2.jsonld"),
				Map.of());
		assertThat(second.status()).as(second.body()).isEqualTo(200);
		assertThat(second.json().get("created").asInt()).isEqualTo(1);
		assertThat(second.json().get("updated").asInt()).isEqualTo(1);
		assertThat(second.json().get("archived").asInt()).isEqualTo(1);
		assertThat(byLpdcId(kortrijk, ENERGY).title()).isEqualTo("Energiepremie voor huurders en kamerbewoners");
		assertThat(byLpdcId(kortrijk, ENERGY).id()).isEqualTo(energy.id());
		assertThat(byLpdcId(kortrijk, CHILDCARE).state()).as("gone from the source: archived, not deleted")
			.isEqualTo("ARCHIVED");

		ApiClient.Response again = editor.upload(API, "lpdc.jsonld", fixture("kortrijk-instances.jsonld"), Map.of());
		assertThat(again.status()).isEqualTo(200);
		assertThat(byLpdcId(kortrijk, CHILDCARE).state()).isEqualTo("DRAFT");
		assertThat(jdbc.sql("select count(*) from rights.lpdc_import where tenant_id = ?")
			.param(kortrijk.id())
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(3);
		assertThat(jdbc.sql("select count(*) from audit.audit_event where tenant_id = ? and entity_type = ?")
			.params(kortrijk.id(), "right-lpdc-import")
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(3);

		String page = PageSession.login(port, "redacteur." + CITY).get("/" + CITY + "/rechten/lpdc").body();
		assertThat(page).contains("id=\"rights-lpdc-form\"").contains("id=\"rights-lpdc-history\"");
	}

	@Test
	void aBadFileAnswers422InTheUsersLanguageAndChangesNothing() throws IOException {
		Tenant kortrijk = tenants.require(CITY);
		ApiClient editor = ApiClient.as(port, "redacteur." + CITY);
		int before = count(kortrijk);
		ApiClient.Response broken = editor.upload(API, "kapot.jsonld", fixture("broken.jsonld"), Map.of());
		assertThat(broken.status()).isEqualTo(422);
		assertThat(broken.body()).contains("geen geldige JSON-LD");
		ApiClient.Response english = editor.upload(API + "?lang=en", "kapot.jsonld", fixture("broken.jsonld"),
				Map.of());
		assertThat(english.status()).isEqualTo(422);
		assertThat(english.body()).contains("not valid JSON-LD");
		ApiClient.Response untitled = editor.upload(API, "zonder-titel.jsonld", fixture("missing-title.jsonld"),
				Map.of());
		assertThat(untitled.status()).isEqualTo(422);
		assertThat(untitled.body()).contains(CHILDCARE).contains("dct:title");
		ApiClient.Response elsewhere = editor.upload(API, "gent.jsonld", fixture("other-territory.jsonld"), Map.of());
		assertThat(elsewhere.status()).isEqualTo(422);
		assertThat(elsewhere.body()).contains("44021");
		assertThat(count(kortrijk)).isEqualTo(before);
		PageSession page = PageSession.login(port, "redacteur." + CITY);
		page.get("/" + CITY + "/rechten/lpdc");
		assertThat(page
			.upload("/" + CITY + "/rechten/lpdc?_csrf=" + page.csrf("/" + CITY + "/rechten/lpdc"), "kapot.jsonld",
					fixture("broken.jsonld"))
			.statusCode()).isEqualTo(422);
	}

	@Test
	void aReaderAndAnotherCitysEditorCannotImport() throws IOException {
		assertThat(ApiClient.as(port, "lezer." + CITY)
			.upload(API, "lpdc.jsonld", fixture("kortrijk-instances.jsonld"), Map.of())
			.status()).isEqualTo(403);
		assertThat(ApiClient.as(port, "redacteur.gent")
			.upload(API, "lpdc.jsonld", fixture("kortrijk-instances.jsonld"), Map.of())
			.status()).isEqualTo(403);
		assertThat(PageSession.login(port, "lezer." + CITY).get("/" + CITY + "/rechten/lpdc").statusCode())
			.isEqualTo(403);
	}

	private RightEntry byLpdcId(Tenant tenant, String lpdcId) {
		long id = jdbc.sql("select id from rights.right_entry where tenant_id = ? and lpdc_id = ?")
			.params(tenant.id(), lpdcId)
			.query(Long.class)
			.single();
		return rights.find(id).orElseThrow();
	}

	private int count(Tenant tenant) {
		List<RightEntry> visible = rights.visibleTo(tenant.id());
		return (int) visible.stream().filter(right -> !right.shared()).count();
	}

}
