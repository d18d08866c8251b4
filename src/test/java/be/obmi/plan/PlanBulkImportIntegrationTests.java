package be.obmi.plan;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import be.obmi.plan.domain.Indicator;
import be.obmi.plan.domain.Indicators;
import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.domain.UpdateState;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk status update file goes into an open round matched on code, all or nothing;
 * the indicator file defines indicators, targets and measurements, all or nothing. In
 * Roeselare, on its demo plan.
 */
@ObmiIntegrationTest
class PlanBulkImportIntegrationTests {

	static final String SLUG = "roeselare";

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
	StatusRounds rounds;

	@Autowired
	Indicators indicators;

	@Test
	void statusFileUpdatesTheOpenRoundAndRefusesBadRows() {
		Tenant tenant = tenants.require(SLUG);
		Plan plan = plans.current(tenant).orElseThrow();
		StatusRound open = rounds.rounds(plan).stream().filter(StatusRound::open).findFirst().orElseThrow();
		List<StatusRounds.Task> free = rounds.tasks(tenant, open)
			.stream()
			.filter(t -> t.update() == null || t.update().state() == UpdateState.CONCEPT)
			.limit(2)
			.toList();
		String a = free.get(0).item().code();
		String b = free.get(1).item().code();
		String file = """
				code;status;voortgang;toelichting;knelpunten
				%s;op schema;60;"Loopt goed; volgende fase start in januari.";
				%s;Vertraagd;35%%;Aanbesteding opnieuw gelanceerd.;Geen geldige offertes.
				""".formatted(a, b);
		PlanHttp redacteur = PlanHttp.as(port, "redacteur." + SLUG);
		String path = "/api/v1/" + SLUG + "/plan/rondes/" + open.id() + "/import";

		HttpResponse<byte[]> response = redacteur.upload(path, "status.csv", file.getBytes(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
		JsonNode summary = json.readTree(response.body());
		assertThat(summary.get("created").asInt() + summary.get("updated").asInt()).isEqualTo(2);
		StatusRounds.Task first = rounds.task(tenant, open.id(), free.get(0).item().id()).orElseThrow();
		assertThat(first.update().status()).isEqualTo(ItemStatus.OP_SCHEMA);
		assertThat(first.update().progress()).isEqualTo(60);
		assertThat(first.update().narrative()).isEqualTo("Loopt goed; volgende fase start in januari.");
		assertThat(first.update().state()).isEqualTo(UpdateState.INGEDIEND);
		assertThat(rounds.task(tenant, open.id(), free.get(1).item().id()).orElseThrow().update().status())
			.isEqualTo(ItemStatus.VERTRAAGD);

		JsonNode again = json
			.readTree(redacteur.upload(path, "status.csv", file.getBytes(StandardCharsets.UTF_8)).body());
		assertThat(again.get("unchanged").asInt()).isEqualTo(2);

		String bad = """
				code;status;voortgang;toelichting;knelpunten
				ONBESTAAND;op schema;10;;
				%s;half klaar;10;;
				%s;op schema;150;;
				""".formatted(a, b);
		HttpResponse<byte[]> rejected = redacteur.upload(path, "kapot.csv", bad.getBytes(StandardCharsets.UTF_8));
		assertThat(rejected.statusCode()).isEqualTo(422);
		JsonNode errors = json.readTree(rejected.body()).get("errors");
		assertThat(errors).hasSize(3);
		assertThat(errors.get(0).get("row").asInt()).isEqualTo(2);
		assertThat(errors.get(1).get("column").asString()).isEqualTo("status");
		assertThat(errors.get(2).get("message").asString()).contains("tussen 0 en 100");
		assertThat(rounds.task(tenant, open.id(), free.get(0).item().id()).orElseThrow().update().progress())
			.isEqualTo(60);
	}

	@Test
	void indicatorFileDefinesIndicatorsTargetsAndMeasurements() {
		Tenant tenant = tenants.require(SLUG);
		Plan plan = plans.current(tenant).orElseThrow();
		PlanItem ap = items.byCode(plan, "ST01BD02AP01").orElseThrow();
		PlanItem ac = items.byCode(plan, "ST01BD02AP01AC01").orElseThrow();
		String file = """
				item_code;indicator_code;naam;soort;eenheid;richting;basiswaarde;jaar;streefwaarde;meetdatum;waarde;bron;opmerking
				ST01BD02AP01;EI-SCHOOL;Aandeel ouders dat de schoolomgeving veilig vindt;effect;%;hoger;48;2027;55;;;;
				ST01BD02AP01;EI-SCHOOL;;;;;;2031;70;2026-06-30;51,5;Schoolbevraging 2026;
				ST01BD02AP01AC01;TI-STAP;Stappenplan schoolstraten;output;tekst;geen;;2027;Stap 4: uitvoering;30/09/2026;Stap 2: ontwerp goedgekeurd;Projectteam;
				""";
		PlanHttp redacteur = PlanHttp.as(port, "redacteur." + SLUG);
		String path = "/api/v1/" + SLUG + "/plan/indicatoren/import";

		HttpResponse<byte[]> response = redacteur.upload(path, "indicatoren.csv",
				file.getBytes(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
		assertThat(json.readTree(response.body()).get("created").asInt()).isEqualTo(2);
		Indicator.Details school = indicators.of(tenant, ap.id())
			.stream()
			.filter(d -> d.indicator().code().equals("EI-SCHOOL"))
			.findFirst()
			.orElseThrow();
		assertThat(school.targets()).extracting(Indicator.Target::year).containsExactly(2027, 2031);
		assertThat(school.latest().value()).isEqualByComparingTo("51.5");
		Indicator.Details steps = indicators.of(tenant, ac.id())
			.stream()
			.filter(d -> d.indicator().code().equals("TI-STAP"))
			.findFirst()
			.orElseThrow();
		assertThat(steps.text()).isTrue();
		assertThat(steps.latest().textValue()).isEqualTo("Stap 2: ontwerp goedgekeurd");

		JsonNode again = json
			.readTree(redacteur.upload(path, "indicatoren.csv", file.getBytes(StandardCharsets.UTF_8)).body());
		assertThat(again.get("created").asInt()).isZero();
		assertThat(again.get("updated").asInt()).isZero();

		String bad = """
				item_code;indicator_code;naam;soort;eenheid;richting;basiswaarde;jaar;streefwaarde;meetdatum;waarde;bron;opmerking
				ONBEKEND;X1;Iets;effect;;;;;;;;;
				ST01BD02AP01;X2;Iets;soortloos;;;;;;;;;
				ST01BD02AP01;X3;Iets;output;;;;;;31/13/2026;4;;
				""";
		HttpResponse<byte[]> rejected = redacteur.upload(path, "kapot.csv", bad.getBytes(StandardCharsets.UTF_8));
		assertThat(rejected.statusCode()).isEqualTo(422);
		assertThat(json.readTree(rejected.body()).get("errors")).hasSize(3);
		assertThat(indicators.of(tenant, ap.id()).stream().map(d -> d.indicator().code())).doesNotContain("X2", "X3");
	}

	@Test
	void aNumericIndicatorRefusesTextInTheFileAndTheStatisticsCodeIsKept() {
		Tenant tenant = tenants.require(SLUG);
		Plan plan = plans.current(tenant).orElseThrow();
		PlanItem ap = items.byCode(plan, "ST01BD03AP01").orElseThrow();
		PlanHttp redacteur = PlanHttp.as(port, "redacteur." + SLUG);
		String path = "/api/v1/" + SLUG + "/plan/indicatoren/import";
		String text = """
				item_code;indicator_code;naam;soort;eenheid;richting;basiswaarde;jaar;streefwaarde;meetdatum;waarde;bron;opmerking
				ST01BD03AP01;EI-GROEN;Oppervlakte onthard;effect;m²;hoger;1.234,5;2027;veel;2026-06-30;ongeveer 1500;Eigen meting;
				""";

		HttpResponse<byte[]> rejected = redacteur.upload(path, "tekst.csv", text.getBytes(StandardCharsets.UTF_8));

		assertThat(rejected.statusCode()).isEqualTo(422);
		JsonNode errors = json.readTree(rejected.body()).get("errors");
		assertThat(errors).hasSize(2);
		assertThat(errors.get(0).get("column").asString()).isEqualTo("streefwaarde");
		assertThat(errors.get(1).get("column").asString()).isEqualTo("waarde");
		assertThat(indicators.of(tenant, ap.id()).stream().map(d -> d.indicator().code())).doesNotContain("EI-GROEN");

		String linked = """
				item_code;indicator_code;naam;soort;eenheid;richting;basiswaarde;jaar;streefwaarde;meetdatum;waarde;bron;opmerking;stad_in_cijfers
				ST01BD03AP01;EI-GROEN;Oppervlakte onthard;context;m²;geen;1.234,5;;;2026-06-30;1500;Eigen meting;;oppervlakte
				""";
		HttpResponse<byte[]> response = redacteur.upload(path, "gekoppeld.csv",
				linked.getBytes(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
		Indicator.Details green = indicators.of(tenant, ap.id())
			.stream()
			.filter(d -> d.indicator().code().equals("EI-GROEN"))
			.findFirst()
			.orElseThrow();
		assertThat(green.indicator().baseline()).isEqualByComparingTo("1234.5");
		assertThat(green.indicator().statsCode()).isEqualTo("oppervlakte");
		assertThat(green.latest().value()).isEqualByComparingTo("1500");
	}

}
