package be.obmi.rights;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import be.obmi.rights.catalogue.RightEntry;
import be.obmi.rights.catalogue.RightForm;
import be.obmi.rights.catalogue.Rights;
import be.obmi.rights.catalogue.RuleVersion;
import be.obmi.rights.catalogue.RuleVersions;
import be.obmi.rights.nontakeup.NonTakeUp;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.stats.TenantFigures;
import be.obmi.support.PageSession;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Acceptance 5 of issue #18: the non-take-up batch over the fictitious, seeded household
 * file of Hasselt counts the eligible households per right and sector exactly as an
 * independent count over the file does, publishes them to Stad in cijfers where a small
 * cell is hidden from the public, and refuses a bad file with 422 (row, column, reason)
 * without changing anything.
 */
@ObmiIntegrationTest
class RightsNonTakeUpIntegrationTests {

	static final String CITY = "hasselt";

	static final int CEILING = 25_000;

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Rights rights;

	@Autowired
	RuleVersions versions;

	@Autowired
	NonTakeUp nonTakeUp;

	@Autowired
	TenantFigures figures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFixtureFileIsTheSeededGeneratorsOutput() throws IOException {
		assertThat(fixture()).isEqualTo(HouseholdFixtures.hasselt());
	}

	@Test
	void theBatchCountsPerSectorAsAnIndependentCountAndTheSmallCellIsHiddenFromThePublic() throws IOException {
		Tenant hasselt = tenants.require(CITY);
		RightEntry right = published(hasselt.id(), "nto-" + UUID.randomUUID().toString().substring(0, 8));
		String csv = fixture();
		Map<String, Long> expected = independentCount(csv);
		assertThat(expected.get("71022A021")).as("the small sector").isBetween(1L, 4L);

		NonTakeUp.Result result = nonTakeUp.run(hasselt, "households-hasselt.csv", csv.getBytes(StandardCharsets.UTF_8),
				"2025", "test");
		long total = expected.values().stream().mapToLong(Long::longValue).sum();
		assertThat(result.households()).isEqualTo(83);
		NonTakeUp.RightCount count = result.rights()
			.stream()
			.filter(r -> r.code().equals(right.code()))
			.findFirst()
			.orElseThrow();
		assertThat(count.eligible()).isEqualTo(total);

		String indicator = NonTakeUp.indicator(right);
		List<TenantFigures.PublicCell> cells = figures.publicCells(hasselt, indicator, "statsec", "2025");
		Map<String, TenantFigures.PublicCell> bySector = new TreeMap<>();
		cells.stream().filter(c -> expected.containsKey(c.areaCode())).forEach(c -> bySector.put(c.areaCode(), c));
		assertThat(bySector).containsOnlyKeys(expected.keySet());
		assertThat(bySector.get("71022A021").suppressed())
			.as("%s households, threshold %s", expected.get("71022A021"), nonTakeUp.threshold())
			.isTrue();
		assertThat(bySector.get("71022A021").value()).isNull();
		bySector.values()
			.stream()
			.filter(c -> !c.suppressed())
			.forEach(c -> assertThat(c.value()).as(c.areaCode()).isEqualTo(expected.get(c.areaCode()).doubleValue()));
		assertThat(figures.publicCells(hasselt, indicator, "gemeente", "2025")).singleElement()
			.satisfies(city -> assertThat(city.value()).isEqualTo((double) total));

		String page = PageSession.anonymous(port)
			.get("/" + CITY + "/cijfers/indicator/" + indicator + "?niveau=statsec&periode=2025")
			.body();
		int row = page.indexOf(">71022A021<");
		assertThat(row).as("the small sector's row on the public page").isPositive();
		assertThat(page.substring(row, page.indexOf("</tr>", row))).contains("geheim")
			.doesNotContain(">" + expected.get("71022A021") + "<");
		assertThat(page).doesNotContain("H14AFD245");
	}

	@Test
	void aBadFileIsRefusedWith422NamingRowColumnAndReasonAndChangesNothing() {
		Tenant hasselt = tenants.require(CITY);
		long runs = runs(hasselt);
		String bad = HouseholdFixtures.HEADER + "\n" + "H1;71022A001;;40;2;3|5;nee;veel;;eigenaar\n"
				+ "H2;12025A001;;40;2;;nee;20000;;eigenaar\n" + "85010112345;71022A001;;40;1;;nee;20000;;eigenaar\n";
		assertThatThrownBy(
				() -> nonTakeUp.run(hasselt, "bad.csv", bad.getBytes(StandardCharsets.UTF_8), "2025", "test"))
			.isInstanceOf(ImportRejectedException.class);
		PageSession editor = PageSession.login(port, "redacteur." + CITY);
		String token = editor.csrf("/" + CITY + "/rechten/niet-gebruik");
		HttpResponse<String> refused = editor.upload("/" + CITY + "/rechten/niet-gebruik?periode=2025&_csrf=" + token,
				"bad.csv", bad.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"non-take-up-errors\"")
			.contains("veel is geen geheel getal van 0 tot 10000000.")
			.contains("12025A001 is geen statistische sector van deze gemeente.")
			.contains("Deze sleutel lijkt een rijksregisternummer.")
			.contains(">inkomen<")
			.contains(">3<");
		assertThat(runs(hasselt)).isEqualTo(runs);
		assertThat(editor.get("/" + CITY + "/rechten/niet-gebruik").statusCode()).isEqualTo(200);
		assertThat(PageSession.login(port, "lezer." + CITY).get("/" + CITY + "/rechten/niet-gebruik").statusCode())
			.isEqualTo(403);
	}

	private long runs(Tenant tenant) {
		return jdbc.sql("select count(*) from rights.non_take_up_run where tenant_id = ?")
			.param(tenant.id())
			.query(Long.class)
			.single();
	}

	/** Eligible households per sector by the rule of the test's right, counted here. */
	private static Map<String, Long> independentCount(String csv) {
		Map<String, Long> counts = new TreeMap<>();
		for (String line : csv.split("\n")) {
			if (line.startsWith("huishouden")) {
				continue;
			}
			String[] cells = line.split(";", -1);
			counts.putIfAbsent(cells[1], 0L);
			if (Integer.parseInt(cells[3]) >= 18 && Integer.parseInt(cells[7]) <= CEILING) {
				counts.merge(cells[1], 1L, Long::sum);
			}
		}
		return counts;
	}

	private static String fixture() throws IOException {
		try (InputStream in = new ClassPathResource("rights/households-hasselt.csv").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private RightEntry published(long tenantId, String code) {
		RightEntry right = rights.create(tenantId,
				new RightForm(code, "Test " + code, "", "LOKAAL", "", "", "", "", "", "", "", "", "", null, null),
				false);
		RuleVersion version = versions.draft(right, LocalDate.of(2024, 1, 1), null, """
				{"all": [{"type": "age", "min": 18},
				  {"type": "income", "ceiling": {"parameter": "plafond"}, "equivalised": false}],
				 "parameters": {"plafond": %d}}""".formatted(CEILING), "", "test");
		versions.publish(right, version.id());
		return rights.publish(right);
	}

}
