package be.obmi.pirk;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.domain.RealEstateDraft;
import be.obmi.pirk.domain.RealEstateKind;
import be.obmi.pirk.domain.RealEstates;
import be.obmi.pirk.domain.VacancyClass;
import be.obmi.pirk.register.VacancyCases;
import be.obmi.pirk.screening.RuleForm;
import be.obmi.pirk.screening.Rules;
import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screening and leegstandsregister pages and the indications API against the whole
 * application, in Roeselare with objects of their own: members read, redacteurs write,
 * another city's object answers 404, the API imports a file idempotently and refuses a
 * wrong one with 422.
 */
@ObmiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PirkScreeningPagesIntegrationTests {

	static final String SLUG = "roeselare";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	RealEstates objects;

	@Autowired
	Rules rules;

	@Autowired
	VacancyCases cases;

	Tenant tenant;

	long object;

	@BeforeAll
	void fixture() {
		tenant = tenants.require(SLUG);
		object = object("Ooststraat", "91");
		if (rules.of(tenant).stream().noneMatch(r -> r.name().equals("Paginatest: geen inwoner"))) {
			rules.create(tenant, new RuleForm("Paginatest: geen inwoner", null, "AND", 40, "ADMINISTRATIVE", true,
					List.of("NO_RESIDENT"), List.of("GE"), List.of("12"), 0), false);
		}
		ApiClient.Response imported = ApiClient.as(port, "redacteur." + SLUG)
			.upload("/api/v1/" + SLUG + "/pirk/indicaties", "indicaties.csv", file(object, 18), Map.of());
		assertThat(imported.status()).isEqualTo(200);
	}

	long object(String street, String number) {
		return objects
			.create(tenant,
					new RealEstateDraft(RealEstateKind.BUILDING_UNIT, null, null, null, null, null,
							new RealEstate.Address(street, number, null, "8800", "Roeselare"), "WONEN", null, false))
			.id();
	}

	static byte[] file(long object, int months) {
		return """
				object_id;soort;van;tot;waarde;bron
				%d;GEEN_INWONER;01/01/2025;01/07/2026;%d;bevolkingsregister
				""".formatted(object, months).getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void membersReadEveryScreeningPageAndSeeTheRuleThatFired() {
		PageSession lezer = PageSession.login(port, "lezer." + SLUG);
		HttpResponse<String> queue = lezer.get("/" + SLUG + "/pirk/screening");
		assertThat(queue.statusCode()).isEqualTo(200);
		assertThat(queue.body()).contains("Ooststraat 91", "Paginatest: geen inwoner", "Administratieve leegstand");
		HttpResponse<String> page = lezer.get("/" + SLUG + "/pirk/screening/" + object);
		assertThat(page.statusCode()).isEqualTo(200);
		long months = ChronoUnit.MONTHS.between(LocalDate.of(2025, 1, 1), LocalDate.now());
		assertThat(page.body()).contains("Paginatest: geen inwoner", months + " maanden")
			.doesNotContain("Bezoek registreren");
		for (String path : List.of("/pirk/indicaties", "/pirk/regels", "/pirk/leegstandsregister", "/pirk/termijnen",
				"/pirk/indicaties/voorbeeld.csv")) {
			assertThat(lezer.get("/" + SLUG + path).statusCode()).as(path).isEqualTo(200);
		}
		assertThat(lezer.get("/" + SLUG + "/pirk/regels/nieuw").statusCode()).isEqualTo(403);
		assertThat(PageSession.login(port, "lezer.gent").get("/gent/pirk/screening/" + object).statusCode())
			.as("another city's object")
			.isEqualTo(404);
	}

	@Test
	void aRedacteurConfirmsAfterAVisitOnThePageAndALezerMayNot() {
		long visited = object("Ooststraat", "93");
		ApiClient.as(port, "redacteur." + SLUG)
			.upload("/api/v1/" + SLUG + "/pirk/indicaties", "b.csv", file(visited, 20), Map.of());
		RealEstate before = objects.find(tenant, visited).orElseThrow();
		assertThat(before.vacancyClass()).isEqualTo(VacancyClass.ADMINISTRATIVE);
		String form = "visitedOn=" + LocalDate.now() + "&visitor=Team+leegstand&outcome=CONFIRMED&note=Leeg&version="
				+ before.version();

		PageSession lezer = PageSession.login(port, "lezer." + SLUG);
		assertThat(lezer
			.post("/" + SLUG + "/pirk/screening/" + visited + "/bezoek",
					form + "&_csrf=" + lezer.csrf("/" + SLUG + "/pirk/screening"))
			.statusCode()).isEqualTo(403);

		PageSession redacteur = PageSession.login(port, "redacteur." + SLUG);
		HttpResponse<String> saved = redacteur.post("/" + SLUG + "/pirk/screening/" + visited + "/bezoek",
				form + "&_csrf=" + redacteur.csrf("/" + SLUG + "/pirk/screening/" + visited));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(objects.find(tenant, visited).orElseThrow().vacancyClass()).isEqualTo(VacancyClass.VERIFIED);

		HttpResponse<String> stale = redacteur.post("/" + SLUG + "/pirk/screening/" + visited + "/bezoek",
				form + "&_csrf=" + redacteur.csrf("/" + SLUG + "/pirk/screening/" + visited));
		assertThat(stale.statusCode()).as("the version seen before the first visit").isEqualTo(409);
	}

	@Test
	void theApiImportsAFileOnceAndRefusesAWrongOneWhole() {
		ApiClient redacteur = ApiClient.as(port, "redacteur." + SLUG);
		ApiClient.Response again = redacteur.upload("/api/v1/" + SLUG + "/pirk/indicaties", "indicaties.csv",
				file(object, 18), Map.of());
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("status").asText()).isEqualTo("UNCHANGED");

		ApiClient.Response refused = redacteur.upload("/api/v1/" + SLUG + "/pirk/indicaties", "fout.csv",
				"object_id;soort;van;tot\n999999999;WATER;x;01/01/2026\n".getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("object_id", "999999999");

		assertThat(ApiClient.as(port, "lezer." + SLUG)
			.upload("/api/v1/" + SLUG + "/pirk/indicaties", "indicaties.csv", file(object, 18), Map.of())
			.status()).isEqualTo(403);
	}

	@Test
	void theRegisterPagesShowTheAppealDeadlineFromReceiptAndARefusedRemoval() {
		long included = object("Ooststraat", "95");
		PageSession redacteur = PageSession.login(port, "redacteur." + SLUG);
		LocalDate today = LocalDate.now();
		HttpResponse<String> created = redacteur.post("/" + SLUG + "/pirk/leegstandsregister",
				"objectId=" + included + "&register=LEEGSTAND_WONINGEN&actReference=LR-PAGINA&actDate="
						+ today.minusDays(10) + "&vacantSince=" + today.minusMonths(14) + "&receiptDate="
						+ today.minusDays(5) + "&_csrf=" + redacteur.csrf("/" + SLUG + "/pirk/leegstandsregister"));
		assertThat(created.statusCode()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(cases.find(tenant, id).orElseThrow().appealDeadline()).isEqualTo(today.plusDays(25));

		HttpResponse<String> page = redacteur.get("/" + SLUG + "/pirk/leegstandsregister/" + id);
		assertThat(page.body()).contains(String.format("%02d/%02d/%d", today.plusDays(25).getDayOfMonth(),
				today.plusDays(25).getMonthValue(), today.plusDays(25).getYear()), "30 dagen na ontvangst");
		assertThat(redacteur.get("/" + SLUG + "/pirk/termijnen").body()).contains("Einde beroepstermijn eigenaar");

		HttpResponse<String> removal = redacteur.post("/" + SLUG + "/pirk/leegstandsregister/" + id + "/schrapping",
				"useSince=" + today.minusDays(8) + "&decidedOn=" + today + "&version="
						+ cases.find(tenant, id).orElseThrow().version() + "&_csrf="
						+ redacteur.csrf("/" + SLUG + "/pirk/leegstandsregister/" + id));
		assertThat(removal.statusCode()).isEqualTo(302);
		assertThat(redacteur.get("/" + SLUG + "/pirk/leegstandsregister/" + id).body())
			.contains("Schrapping geweigerd");
		assertThat(cases.find(tenant, id).orElseThrow().included()).isTrue();

		HttpResponse<String> tooEarly = redacteur.post("/" + SLUG + "/pirk/leegstandsregister",
				"objectId=" + object("Ooststraat", "97") + "&register=LEEGSTAND_WONINGEN&actReference=LR-KORT&actDate="
						+ today + "&vacantSince=" + today.minusMonths(3) + "&_csrf="
						+ redacteur.csrf("/" + SLUG + "/pirk/leegstandsregister"));
		assertThat(tooEarly.statusCode()).isEqualTo(409);
		assertThat(tooEarly.body()).contains("Opname kan pas na 12 maanden leegstand");
	}

	@Test
	void anIndicationEnteredByHandReevaluatesItsObjectAndNeverAnotherCitysObject() {
		long entered = object("Ooststraat", "99");
		String form = "kind=NO_RESIDENT&periodFrom=2025-01-01&periodTo=2026-07-01&value=14&source=bevolkingsregister";
		PageSession redacteur = PageSession.login(port, "redacteur." + SLUG);
		HttpResponse<String> saved = redacteur.post("/" + SLUG + "/pirk/indicaties",
				"objectId=" + entered + "&" + form + "&_csrf=" + redacteur.csrf("/" + SLUG + "/pirk/indicaties"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(objects.find(tenant, entered).orElseThrow().vacancyClass()).as("the rule fired on the object")
			.isEqualTo(VacancyClass.ADMINISTRATIVE);

		Tenant gent = tenants.require("gent");
		long elsewhere = objects
			.create(gent,
					new RealEstateDraft(RealEstateKind.BUILDING_UNIT, null, null, null, null, null,
							new RealEstate.Address("Veldstraat", "1", null, "9000", "Gent"), "WONEN", null, false))
			.id();
		HttpResponse<String> refused = redacteur.post("/" + SLUG + "/pirk/indicaties",
				"objectId=" + elsewhere + "&" + form + "&_csrf=" + redacteur.csrf("/" + SLUG + "/pirk/indicaties"));
		assertThat(refused.statusCode()).as("another city's object").isEqualTo(400);
		assertThat(objects.find(gent, elsewhere).orElseThrow().vacancyClass()).isEqualTo(VacancyClass.NONE);
	}

}
