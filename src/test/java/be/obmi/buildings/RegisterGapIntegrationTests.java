package be.obmi.buildings;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import be.obmi.buildings.gap.GapLine;
import be.obmi.buildings.gap.RegisterGap;
import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The register-gap indicator (acceptance 4 of issue 19): Roeselare imports a list of
 * process records; the shares per process and in total follow, and the indicator appears
 * on Roeselare's public Stad in cijfers pages. A bad file is refused with every row error
 * (422) and changes nothing; the same file again changes nothing; undo brings back the
 * list before.
 */
@ObmiIntegrationTest
class RegisterGapIntegrationTests {

	static final String SLUG = "roeselare";

	@LocalServerPort
	int port;

	@Autowired
	RegisterGap gap;

	@Autowired
	Tenants tenants;

	@Test
	void anImportedListGivesTheSharesAndTheIndicatorAppearsOnStadInCijfers() {
		ApiClient redacteur = ApiClient.as(port, "redacteur." + SLUG);
		ApiClient.Response first = redacteur.upload("/api/v1/" + SLUG + "/schillenboek/procesrecords", "records.csv",
				file(12, 6, 4), Map.of());
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("published").asBoolean()).isTrue();

		GapLine vacant = line(gap.lines(tenants.require(SLUG)), "leegstaande-woningen");
		assertThat(vacant.total()).isEqualTo(12);
		assertThat(vacant.buildingUnitShare()).isEqualTo(50.0);
		assertThat(vacant.addressOnlyShare()).isEqualTo(33.3);
		assertThat(vacant.unlinkedShare()).isEqualTo(16.7);

		// the same file again: nothing changes
		ApiClient.Response again = redacteur.upload("/api/v1/" + SLUG + "/schillenboek/procesrecords", "records.csv",
				file(12, 6, 4), Map.of());
		assertThat(again.json().get("unchanged").asBoolean()).isTrue();

		// the public Stad in cijfers: the indicator with the city's share
		PageSession anonymous = PageSession.anonymous(port);
		var page = anonymous.get("/" + SLUG + "/cijfers/indicator/schillenboek-gebouweenheid");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Procesrecords gekoppeld aan een gebouweenheid").contains("50");
		assertThat(anonymous.get("/" + SLUG + "/cijfers?thema=Wonen%20en%20gebouwen").body())
			.contains("/" + SLUG + "/cijfers/indicator/schillenboek-gebouweenheid");
		ApiClient.Response api = ApiClient.anonymous(port)
			.get("/api/v1/" + SLUG + "/stats/observations?indicator=schillenboek-gebouweenheid&level=gemeente&period="
					+ LocalDate.now().getYear());
		assertThat(api.status()).as(api.body()).isEqualTo(200);
		assertThat(api.body()).contains("50");

		// a second list replaces the first; undo brings the first back
		ApiClient.Response second = redacteur.upload("/api/v1/" + SLUG + "/schillenboek/procesrecords", "records-2.csv",
				file(20, 20, 0), Map.of());
		long secondId = second.json().get("importId").asLong();
		assertThat(line(gap.lines(tenants.require(SLUG)), "leegstaande-woningen").buildingUnitShare()).isEqualTo(100.0);
		PageSession page2 = PageSession.login(port, "redacteur." + SLUG);
		String token = page2.csrf("/" + SLUG + "/schillenboek/registerkloof");
		var undo = page2.post("/" + SLUG + "/schillenboek/registerkloof/imports/" + secondId + "/ongedaan",
				"_csrf=" + token);
		assertThat(undo.statusCode()).isEqualTo(302);
		assertThat(line(gap.lines(tenants.require(SLUG)), "leegstaande-woningen").total()).isEqualTo(12);
	}

	@Test
	void aBadFileIsRefusedWithEveryRowErrorAndChangesNothing() {
		List<GapLine> before = gap.lines(tenants.require(SLUG));
		String bad = """
				proces;record_id;adres_id;gebouweenheid_id;gebouw_id;capakey;datum
				onbekend-proces;R1;123;;;;2025-01-01
				inschrijving;;https://data.vlaanderen.be/id/gebouw/12;;;;
				inschrijving;R3;;abc;;36015A0001/00X000;31/02/2025
				""";
		PageSession redacteur = PageSession.login(port, "redacteur." + SLUG);
		var page = redacteur.upload(
				"/" + SLUG + "/schillenboek/registerkloof/import?_csrf="
						+ redacteur.csrf("/" + SLUG + "/schillenboek/registerkloof"),
				"bad.csv", bad.getBytes(StandardCharsets.UTF_8));
		assertThat(page.statusCode()).isEqualTo(422);
		assertThat(page.body()).contains("onbekend-proces", "adres_id", "gebouweenheid_id", "capakey", "datum",
				"record_id");
		ApiClient.Response api = ApiClient.as(port, "redacteur." + SLUG)
			.upload("/api/v1/" + SLUG + "/schillenboek/procesrecords", "bad.csv", bad.getBytes(StandardCharsets.UTF_8),
					Map.of());
		assertThat(api.status()).isEqualTo(422);
		assertThat(gap.lines(tenants.require(SLUG))).isEqualTo(before);
		assertThat(ApiClient.as(port, "lezer." + SLUG)
			.upload("/api/v1/" + SLUG + "/schillenboek/procesrecords", "bad.csv", bad.getBytes(StandardCharsets.UTF_8),
					Map.of())
			.status()).isEqualTo(403);
	}

	/**
	 * {@code total} records of vacant dwellings: {@code unit} with a building unit,
	 * {@code address} with only an address.
	 */
	static byte[] file(int total, int unit, int address) {
		StringBuilder csv = new StringBuilder("proces;record_id;adres_id;gebouweenheid_id;gebouw_id;capakey;datum\n");
		for (int i = 0; i < total; i++) {
			String addressId = i < unit + address ? String.valueOf(3_000_000 + i) : "";
			String unitId = i < unit ? "https://data.vlaanderen.be/id/gebouweenheid/" + (40_000_000 + i) : "";
			csv.append("leegstaande-woningen;LW-%d-%d;%s;%s;;36015A%04d/00A000;2025-03-01\n".formatted(total, i,
					addressId, unitId, i + 1));
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	static GapLine line(List<GapLine> lines, String process) {
		return lines.stream().filter(l -> process.equals(l.processCode())).findFirst().orElseThrow();
	}

}
