package be.obmi.privacy;

import java.util.List;
import java.util.Map;

import be.obmi.privacy.domain.LinkedOrganisations;
import be.obmi.privacy.domain.ProcessingActivities;
import be.obmi.privacy.domain.ProcessingActivities.Activity;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gent's register is closed to Mechelen's DPO and redacteur: every page and step of Gent
 * answers 403, and Gent's ids under Mechelen's address are not found (404), so no query
 * leaks across tenants; Mechelen's pages never show Gent's data.
 */
@ObmiIntegrationTest
class PrivacyTenantIsolationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	ProcessingActivities activities;

	@Autowired
	LinkedOrganisations organisations;

	@Test
	void anotherCitysDpoAndRedacteurGet403Or404AndNeverSeeTheData() {
		Tenant gent = tenants.require("gent");
		Activity activity = activities.list(gent, ProcessingActivities.Filter.none())
			.stream()
			.filter(a -> a.content().name().equals("Bevolkingsregister"))
			.findFirst()
			.orElseThrow();
		long organisation = organisations.all(gent).getFirst().id();
		String gentOrganisation = organisations.all(gent).getFirst().name();
		String id = activity.publicId().toString();
		int version = activity.version();
		for (String user : List.of("dpo.mechelen", "redacteur.mechelen")) {
			PrivacyHttp mechelen = PrivacyHttp.as(port, user, "/mechelen/privacy");
			for (String page : List.of("", "/verwerkingen/nieuw", "/verwerkingen/" + id,
					"/verwerkingen/" + id + "/bewerken", "/verwerkingen/" + id + "/versies/1", "/organisaties",
					"/sjablonen", "/sjablonen/verwerkingen/" + id)) {
				assertThat(mechelen.get("/gent/privacy" + page).statusCode()).as(user + " GET " + page).isEqualTo(403);
			}
			Map<String, String> step = Map.of("version", String.valueOf(version));
			for (String post : List.of("/verwerkingen/" + id, "/verwerkingen/" + id + "/voltooien",
					"/verwerkingen/" + id + "/nazien", "/verwerkingen/" + id + "/publiceren",
					"/verwerkingen/" + id + "/depubliceren", "/organisaties", "/organisaties/" + organisation,
					"/sjablonen/verwerkingen/" + id)) {
				assertThat(mechelen.post("/gent/privacy" + post, step).statusCode()).as(user + " POST " + post)
					.isEqualTo(403);
			}
			// Gent's ids under Mechelen's own address: not found
			assertThat(mechelen.get("/mechelen/privacy/verwerkingen/" + id).statusCode()).isEqualTo(404);
			assertThat(mechelen.get("/mechelen/privacy/verwerkingen/" + id + "/versies/1").statusCode()).isEqualTo(404);
			assertThat(mechelen.get("/mechelen/privacy/sjablonen/verwerkingen/" + id).statusCode()).isEqualTo(404);
			assertThat(mechelen.post("/mechelen/privacy/verwerkingen/" + id + "/nazien", step).statusCode()).isIn(403,
					404);
			assertThat(mechelen
				.post("/mechelen/privacy/organisaties/" + organisation,
						Map.of("version", "0", "kbo", "0207451227", "name", "Overname", "kind", "OCMW"))
				.statusCode()).isIn(403, 404);
			String register = mechelen.get("/mechelen/privacy").body()
					+ mechelen.get("/mechelen/privacy/organisaties").body();
			assertThat(register).doesNotContain(id, gentOrganisation);
		}
		assertThat(activities.require(gent, activity.publicId()).version()).isEqualTo(version);
		assertThat(organisations.find(gent, organisation).orElseThrow().name()).isEqualTo(gentOrganisation);
	}

}
