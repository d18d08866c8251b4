package be.obmi.buildings;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import be.obmi.buildings.comparison.ComparisonEntries;
import be.obmi.buildings.comparison.ComparisonForm;
import be.obmi.buildings.comparison.ComparisonMatrices;
import be.obmi.buildings.comparison.LinkedObject;
import be.obmi.buildings.comparison.RegisterLink;
import be.obmi.knowledge.KnowledgeRound;
import be.obmi.knowledge.KnowledgeRounds;
import be.obmi.knowledge.housing.HousingRound;
import be.obmi.knowledge.housing.HousingRounds;
import be.obmi.shared.tabular.Table;
import be.obmi.shared.tabular.TableReader;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 3 of issue 19 through the pages: a baseline round closes with rows of four
 * cities for one process; in the next round three of them change their row on their city
 * page; the matrix and its CSV and XLSX exports show the new state, the previous round's
 * values of the changed fields, and the fourth city's row as carried over. Also: a stale
 * save is refused (409), the matrix needs a login, and a save outside a round is refused.
 */
@ObmiIntegrationTest
class BuildingsComparisonIntegrationTests {

	static final String PROCESS = "leegstaande-woningen";

	static final List<String> CHANGING = List.of("aalst", "genk", "kortrijk");

	static final String UNCHANGED = "oostende";

	static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(-?\\d+)\"");

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	HousingRounds housingRounds;

	@Autowired
	KnowledgeRounds rounds;

	@Autowired
	ComparisonEntries entries;

	@Autowired
	ComparisonMatrices matrices;

	@Test
	void threeCitiesUpdateTheirRowInARoundAndTheMatrixAndExportsShowTheNewStateAndThePreviousRoundsDiff() {
		housingRounds.openRound().ifPresent(r -> housingRounds.close(r.id(), "test"));
		String suffix = String.valueOf(System.nanoTime() % 1_000_000_000L);
		HousingRound baseline = housingRounds.open("SB basis " + suffix, LocalDate.now().plusDays(10), LocalDate.now(),
				"kenniscentrum", false);
		KnowledgeRound base = rounds.byId(baseline.id()).orElseThrow();
		for (String slug : concat(CHANGING, UNCHANGED)) {
			entries.save(tenants.require(slug), base.id(), new ComparisonForm(PROCESS, "Oud systeem " + slug,
					"Oude leverancier", RegisterLink.MANUAL, LinkedObject.ADDRESS, null, 2, version(slug, base)),
					"test", false);
		}
		housingRounds.close(baseline.id(), "test");
		HousingRound next = housingRounds.open("SB ronde " + suffix, LocalDate.now().plusDays(10), LocalDate.now(),
				"kenniscentrum", false);
		try {
			for (String slug : CHANGING) {
				PageSession redacteur = PageSession.login(port, "redacteur." + slug);
				String page = redacteur.get("/" + slug + "/schillenboek/vergelijking").body();
				assertThat(page).contains("SB ronde " + suffix);
				HttpResponse<String> saved = redacteur.post("/" + slug + "/schillenboek/vergelijking",
						form(redacteur, slug, next.id(), "-1", "Nieuw systeem " + slug, "API", "BUILDING_UNIT", "4"));
				assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
			}

			// a form read before another save is refused and changes nothing
			PageSession aalst = PageSession.login(port, "redacteur.aalst");
			HttpResponse<String> stale = aalst.post("/aalst/schillenboek/vergelijking",
					form(aalst, "aalst", next.id(), "-1", "Te laat", "NONE", "NONE", "1"));
			assertThat(stale.statusCode()).isEqualTo(409);

			PageSession member = PageSession.login(port, "lezer.mechelen");
			HttpResponse<String> matrix = member.get("/schillenboek/vergelijking?proces=" + PROCESS);
			assertThat(matrix.statusCode()).isEqualTo(200);
			String html = matrix.body();
			for (String slug : CHANGING) {
				String row = row(html, slug);
				assertThat(row).contains("Nieuw systeem " + slug, "Oud systeem " + slug, "cmp-changed");
			}
			assertThat(row(html, UNCHANGED)).contains("Oud systeem " + UNCHANGED).doesNotContain("cmp-changed");
			assertThat(html).contains("SB basis " + suffix);

			byte[] csv = member.get("/schillenboek/vergelijking/matrix.csv?ronde=" + next.id())
				.body()
				.getBytes(StandardCharsets.UTF_8);
			assertExport(TableReader.read(csv), suffix);
			var xlsx = httpBytes(member, "/schillenboek/vergelijking/matrix.xlsx?ronde=" + next.id());
			assertExport(TableReader.read(xlsx), suffix);
		}
		finally {
			housingRounds.close(next.id(), "test");
		}
		// no round open: a save is refused
		PageSession genk = PageSession.login(port, "redacteur.genk");
		String token = genk.csrf("/genk/schillenboek/registerkloof");
		HttpResponse<String> closed = genk.post("/genk/schillenboek/vergelijking", "_csrf=" + token + "&proces="
				+ PROCESS + "&ronde=" + next.id() + "&version=-1&koppeling=API&object=ADDRESS");
		assertThat(closed.statusCode()).isEqualTo(409);
	}

	@Test
	void theMatrixIsForMembersOnly() {
		HttpResponse<String> anonymous = PageSession.anonymous(port).get("/schillenboek/vergelijking");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");
		assertThat(PageSession.anonymous(port).get("/schillenboek/vergelijking/matrix.csv").statusCode())
			.isEqualTo(302);
		assertThat(PageSession.login(port, "lezer.gent").get("/schillenboek/vergelijking").statusCode()).isEqualTo(200);
		assertThat(PageSession.login(port, "lezer.gent").get("/gent/schillenboek/vergelijking").statusCode())
			.isEqualTo(200);
		assertThat(PageSession.login(port, "lezer.gent").get("/mechelen/schillenboek/vergelijking").statusCode())
			.isEqualTo(403);
		HttpResponse<String> overview = PageSession.login(port, "kenniscentrum")
			.get("/kenniscentrum/schillenboek/vergelijking");
		assertThat(overview.statusCode()).isEqualTo(200);
		assertThat(overview.body()).contains("id=\"cmp-overview\"", "id=\"gap-overview\"",
				"/gent/schillenboek/registerkloof");
	}

	private void assertExport(Table table, String suffix) {
		Map<String, Table.Row> rows = table.rows()
			.stream()
			.filter(r -> r.get("proces").equals(PROCESS))
			.collect(Collectors.toMap(r -> r.get("stad"), r -> r));
		for (String slug : CHANGING) {
			Table.Row row = rows.get(tenants.require(slug).name());
			assertThat(row.get("ronde")).isEqualTo("SB ronde " + suffix);
			assertThat(row.get("systeem")).isEqualTo("Nieuw systeem " + slug);
			assertThat(row.get("koppeling")).isEqualTo("API");
			assertThat(row.get("object")).isEqualTo("BUILDING_UNIT");
			assertThat(row.get("maturiteit")).isEqualTo("4");
			assertThat(row.get("vorige_ronde")).isEqualTo("SB basis " + suffix);
			assertThat(row.get("wijziging")).isEqualTo("CHANGED");
			assertThat(row.get("gewijzigde_velden")).isEqualTo("systeem,koppeling,object,maturiteit");
			assertThat(row.get("vorig_systeem")).isEqualTo("Oud systeem " + slug);
			assertThat(row.get("vorige_koppeling")).isEqualTo("MANUAL");
			assertThat(row.get("vorige_maturiteit")).isEqualTo("2");
		}
		Table.Row carried = rows.get(tenants.require(UNCHANGED).name());
		assertThat(carried.get("wijziging")).isEqualTo("CARRIED");
		assertThat(carried.get("systeem")).isEqualTo("Oud systeem " + UNCHANGED);
	}

	private int version(String slug, KnowledgeRound round) {
		var row = entries.current(tenants.require(slug)).get(PROCESS);
		return row != null && row.roundId() == round.id() ? row.version() : -1;
	}

	private static String form(PageSession session, String slug, long round, String version, String system, String link,
			String object, String maturity) {
		String token = session.csrf("/" + slug + "/schillenboek/vergelijking");
		return "_csrf=" + token + "&proces=" + PROCESS + "&ronde=" + round + "&version=" + version + "&systeem="
				+ URLEncoder.encode(system, StandardCharsets.UTF_8) + "&leverancier="
				+ URLEncoder.encode("Oude leverancier", StandardCharsets.UTF_8) + "&koppeling=" + link + "&object="
				+ object + "&kwaliteit=&maturiteit=" + maturity;
	}

	private static String row(String html, String slug) {
		Matcher m = Pattern.compile("<tr data-city=\"" + slug + "\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
		assertThat(m.find()).as("row of " + slug).isTrue();
		return m.group(1);
	}

	private byte[] httpBytes(PageSession session, String path) {
		try {
			var client = HttpClient.newHttpClient();
			var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Cookie", session.cookieHeader())
				.build();
			var response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).isEqualTo(200);
			return response.body();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> concat(List<String> list, String one) {
		return Stream.concat(list.stream(), Stream.of(one)).toList();
	}

}
