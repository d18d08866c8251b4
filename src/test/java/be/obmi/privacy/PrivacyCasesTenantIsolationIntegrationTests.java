package be.obmi.privacy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import be.obmi.privacy.domain.AgreementForm;
import be.obmi.privacy.domain.Agreements;
import be.obmi.privacy.domain.BreachForm;
import be.obmi.privacy.domain.Breaches;
import be.obmi.privacy.domain.SubjectRequestForm;
import be.obmi.privacy.domain.SubjectRequests;
import be.obmi.shared.RefusedValueException;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mechelen's agreements, breaches and requests stay Mechelen's: Gent's DPO and redacteur
 * get 403 on Mechelen's pages and 404 when they ask for Mechelen's ids under Gent, and
 * never see the data; an agreement cannot link another city's activity. Within Mechelen
 * the breach register and the requests are confidential: the lezer gets 403.
 */
@ObmiIntegrationTest
class PrivacyCasesTenantIsolationIntegrationTests {

	static final String SECRET_BREACH = "Isolatietest: lek bij de dienst Wonen";

	static final String SECRET_AGREEMENT = "Isolatietest Verwerker nv";

	static final String SECRET_REQUEST = "ISO-REF-42";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Agreements agreements;

	@Autowired
	Breaches breaches;

	@Autowired
	SubjectRequests requests;

	@Autowired
	JdbcClient jdbc;

	long agreement;

	long breach;

	long request;

	@BeforeEach
	void mechelenData() {
		Tenant mechelen = tenants.require("mechelen");
		agreement = agreements.create(mechelen, new AgreementForm(SECRET_AGREEMENT, null, "CONTROLLER", null, null,
				null, null, null, null, null, null, List.of(), 0), false);
		agreements.attach(mechelen, agreement, "getekend.pdf", PrivacyAgreementDocumentSamples.PDF);
		breach = breaches.create(mechelen,
				new BreachForm(LocalDateTime.now(Breaches.BELGIUM).truncatedTo(ChronoUnit.MINUTES).minusHours(1),
						SECRET_BREACH, "INTEGRITY", null, null, null, null, null, null, null, null, null, null, false,
						List.of(), 0),
				false);
		request = requests.create(mechelen,
				new SubjectRequestForm(SECRET_REQUEST, "ERASURE", LocalDate.now(), false, 0, null, null, null, 0),
				false);
	}

	@Test
	void anotherCitysUsersGet403On404AndNeverSeeTheData() {
		for (String user : List.of("dpo.gent", "redacteur.gent", "beheerder.gent")) {
			PageSession session = PageSession.login(port, user);
			for (String path : List.of("/mechelen/privacy/overeenkomsten",
					"/mechelen/privacy/overeenkomsten/" + agreement,
					"/mechelen/privacy/overeenkomsten/" + agreement + "/document", "/mechelen/privacy/datalekken",
					"/mechelen/privacy/datalekken/" + breach, "/mechelen/privacy/verzoeken",
					"/mechelen/privacy/verzoeken/" + request, "/mechelen/privacy/termijnen")) {
				HttpResponse<String> response = session.get(path);
				assertThat(response.statusCode()).as(user + " " + path).isEqualTo(403);
				assertThat(response.body()).doesNotContain(SECRET_AGREEMENT, SECRET_BREACH, SECRET_REQUEST);
			}
			for (String path : List.of("/gent/privacy/overeenkomsten/" + agreement,
					"/gent/privacy/overeenkomsten/" + agreement + "/document", "/gent/privacy/datalekken/" + breach,
					"/gent/privacy/verzoeken/" + request)) {
				HttpResponse<String> response = session.get(path);
				assertThat(response.statusCode()).as(user + " " + path).isEqualTo(404);
				assertThat(response.body()).doesNotContain(SECRET_AGREEMENT, SECRET_BREACH, SECRET_REQUEST);
			}
			for (String path : List.of("/gent/privacy/overeenkomsten", "/gent/privacy/datalekken",
					"/gent/privacy/verzoeken", "/gent/privacy/termijnen")) {
				HttpResponse<String> response = session.get(path);
				assertThat(response.body()).as(user + " " + path)
					.doesNotContain(SECRET_AGREEMENT, SECRET_BREACH, SECRET_REQUEST);
			}
		}
		PageSession gentRedacteur = PageSession.login(port, "redacteur.gent");
		String token = gentRedacteur.csrf("/gent/privacy/verzoeken/nieuw");
		HttpResponse<String> edit = gentRedacteur.post("/gent/privacy/verzoeken/" + request,
				"reference=GEHACKT&kind=ACCESS&receivedOn=2026-01-01&extensionMonths=0&version=0&_csrf=" + token);
		assertThat(edit.statusCode()).isEqualTo(404);
		assertThat(requests.byId(tenants.require("mechelen"), request).orElseThrow().reference())
			.isEqualTo(SECRET_REQUEST);
	}

	@Test
	void aLezerReadsAgreementsButNotBreachesOrRequests() {
		PageSession lezer = PageSession.login(port, "lezer.mechelen");
		assertThat(lezer.get("/mechelen/privacy/overeenkomsten").body()).contains(SECRET_AGREEMENT);
		for (String path : List.of("/mechelen/privacy/datalekken", "/mechelen/privacy/datalekken/" + breach,
				"/mechelen/privacy/datalekken/nieuw", "/mechelen/privacy/verzoeken",
				"/mechelen/privacy/verzoeken/" + request, "/mechelen/privacy/termijnen")) {
			HttpResponse<String> response = lezer.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(403);
			assertThat(response.body()).doesNotContain(SECRET_BREACH, SECRET_REQUEST);
		}
		assertThat(lezer.get("/mechelen/privacy/overeenkomsten").body()).doesNotContain("/privacy/datalekken\"");
		HttpResponse<String> dpo = PageSession.login(port, "dpo.mechelen").get("/mechelen/privacy/datalekken");
		assertThat(dpo.statusCode()).isEqualTo(200);
		assertThat(dpo.body()).contains(SECRET_BREACH);
		HttpResponse<String> redacteur = PageSession.login(port, "redacteur.mechelen")
			.get("/mechelen/privacy/verzoeken");
		assertThat(redacteur.statusCode()).isEqualTo(200);
		assertThat(redacteur.body()).contains(SECRET_REQUEST);
	}

	@Test
	void anAgreementCannotLinkAnotherCitysActivity() {
		Tenant gent = tenants.require("gent");
		long gentActivity = jdbc.sql("insert into privacy.processing_activity (tenant_id) values (?) returning id")
			.param(gent.id())
			.query(Long.class)
			.single();
		assertThatThrownBy(
				() -> agreements
					.create(tenants.require("mechelen"),
							new AgreementForm("Koppeltest nv", null, "CONTROLLER", null, null, null, null, null, null,
									null, null, List.of(gentActivity), 0),
							false))
			.isInstanceOf(RefusedValueException.class);
	}

}
