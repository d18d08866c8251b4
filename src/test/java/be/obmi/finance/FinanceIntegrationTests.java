package be.obmi.finance;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import be.obmi.support.PageSession;

/**
 * A real-shaped BBC export for a city's demo plan (every item, six years, thousands of
 * lines, Windows-1252, Belgian decimals) through the API: the rolled-up totals equal
 * independent sums of the file; re-importing changes nothing; a corrupted file is refused
 * with row and column and changes nothing; undo restores the previous version.
 */
@ObmiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinanceIntegrationTests {

	static final String TENANT = "hasselt";

	static final String[] ACCOUNTS = { "REK2240000", "REK6130000", "6150000", "REK6400000", "REK7300000" };

	@LocalServerPort
	int port;

	ApiClient editor;

	/** item code → parent code, from the plan API (not from the finance module). */
	final Map<String, String> parents = new HashMap<>();

	record Line(String code, int year, String kind, String direction, BigDecimal estimate, BigDecimal realisation) {
	}

	final List<Line> lines = new ArrayList<>();

	byte[] file;

	@BeforeAll
	void generateAFileForTheDemoPlan() {
		editor = ApiClient.as(port, "redacteur." + TENANT);
		ApiClient.Response items = editor.get("/api/v1/" + TENANT + "/plan/items");
		assertThat(items.status()).isEqualTo(200);
		for (JsonNode item : items.json()) {
			parents.put(item.get("code").asString(),
					item.get("parentCode").isNull() ? null : item.get("parentCode").asString());
		}
		assertThat(parents).hasSizeGreaterThan(100);
		Random random = new Random(42);
		StringBuilder csv = new StringBuilder(
				"actie;boekjaar;beleidsveld;algemene_rekening;soort;richting;raming;realisatie\r\n");
		for (String code : parents.keySet().stream().sorted().toList()) {
			for (int year = 2026; year <= 2031; year++) {
				int count = 1 + random.nextInt(3);
				for (int i = 0; i < count; i++) {
					String kind = random.nextInt(4) == 0 ? "investering" : "exploitatie";
					String direction = random.nextInt(5) == 0 ? "ontvangst" : "uitgave";
					BigDecimal estimate = BigDecimal.valueOf(random.nextLong(10_000_000), 2);
					BigDecimal realisation = year <= 2027 ? BigDecimal.valueOf(random.nextLong(10_000_000), 2)
							: BigDecimal.ZERO.setScale(2);
					lines.add(new Line(code, year, kind, direction, estimate, realisation));
					csv.append(code)
						.append(';')
						.append(year)
						.append(";0200;")
						.append(ACCOUNTS[random.nextInt(ACCOUNTS.length)])
						.append(';')
						.append(kind)
						.append(';')
						.append(direction)
						.append(';')
						.append(belgian(estimate))
						.append(';')
						.append(belgian(realisation))
						.append("\r\n");
				}
			}
		}
		for (int i = 0; i < 20; i++) {
			BigDecimal amount = BigDecimal.valueOf(random.nextLong(100_000_000), 2);
			lines.add(new Line(null, 2026, "exploitatie", "ontvangst", amount, amount));
			csv.append(";2026;0020;REK7300000;exploitatie;ontvangst;")
				.append(belgian(amount))
				.append(';')
				.append(belgian(amount))
				.append("\r\n");
		}
		assertThat(lines).hasSizeGreaterThan(1000);
		file = csv.toString().getBytes(Charset.forName("windows-1252"));
		ApiClient.Response response = editor.upload("/api/v1/" + TENANT + "/finance/import", "bbc-export-hasselt.csv",
				file, Map.of("reportingDate", "2027-06-30", "label", "Realisatie 2027 S1"));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("status").asString()).isEqualTo("CREATED");
		assertThat(response.json().get("lines").asInt()).isEqualTo(lines.size());
	}

	static String belgian(BigDecimal amount) {
		return amount.toPlainString().replace('.', ',');
	}

	@Test
	void perItemAndRolledUpTotalsEqualIndependentSumsOfTheFile() {
		List<String> sample = new ArrayList<>();
		parents.forEach((code, parent) -> {
			if (parent == null) {
				sample.add(code);
			}
		});
		sample.addAll(parents.keySet().stream().filter(c -> parents.get(c) != null).sorted().limit(15).toList());
		for (String code : sample) {
			Set<String> subtree = subtree(code);
			for (Integer year : new Integer[] { 2026, 2027, 2031, null }) {
				JsonNode summary = editor
					.get("/api/v1/" + TENANT + "/finance/summary?code=" + code + (year == null ? "" : "&year=" + year))
					.json();
				assertThat(decimal(summary.get("expenditure").get("estimate"))).as(code + " " + year)
					.isEqualByComparingTo(sum(subtree, year, "uitgave", true));
				assertThat(decimal(summary.get("expenditure").get("realisation")))
					.isEqualByComparingTo(sum(subtree, year, "uitgave", false));
				assertThat(decimal(summary.get("receipts").get("estimate")))
					.isEqualByComparingTo(sum(subtree, year, "ontvangst", true));
				assertThat(decimal(summary.get("receipts").get("realisation")))
					.isEqualByComparingTo(sum(subtree, year, "ontvangst", false));
			}
		}
		JsonNode whole = editor.get("/api/v1/" + TENANT + "/finance/summary?year=2026").json();
		BigDecimal expected = lines.stream()
			.filter(l -> l.year() == 2026 && l.direction().equals("ontvangst"))
			.map(Line::estimate)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(decimal(whole.get("receipts").get("estimate"))).isEqualByComparingTo(expected);
	}

	@Test
	void theSameFileAgainChangesNothing() {
		ApiClient.Response again = editor.upload("/api/v1/" + TENANT + "/finance/import", "bbc-export-hasselt.csv",
				file, Map.of());
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("status").asString()).isEqualTo("UNCHANGED");
	}

	@Test
	void aCorruptedFileIsRefusedWithRowAndColumnAndChangesNothing() {
		String before = editor.get("/api/v1/" + TENANT + "/finance/summary").body();
		String text = new String(file, Charset.forName("windows-1252"));
		String[] rows = text.split("\r\n");
		rows[10] = rows[10].replaceFirst(";(uitgave|ontvangst);", ";uitgaaf;");
		rows[20] = rows[20].replaceFirst("^[^;]+;", "AC99.99.99;");
		byte[] corrupted = String.join("\r\n", rows).getBytes(Charset.forName("windows-1252"));
		ApiClient.Response response = editor.upload("/api/v1/" + TENANT + "/finance/import", "fout.csv", corrupted,
				Map.of());
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.body()).contains("\"row\":11")
			.contains("\"column\":\"richting\"")
			.contains("\"row\":21")
			.contains("\"column\":\"actie\"")
			.contains("AC99.99.99");
		assertThat(editor.get("/api/v1/" + TENANT + "/finance/summary").body()).isEqualTo(before);
	}

	@Test
	void undoRestoresThePreviousVersionAndReadersCannotImport() {
		String before = editor.get("/api/v1/" + TENANT + "/finance/summary?year=2026&code=" + firstGoal()).body();
		String text = new String(file, Charset.forName("windows-1252")).replaceFirst(";2026;0200;", ";2026;0210;");
		ApiClient.Response amended = editor.upload("/api/v1/" + TENANT + "/finance/import", "aanpassing.csv",
				(text + firstGoal() + ";2026;0200;REK6130000;exploitatie;uitgave;1000,00;0\r\n")
					.getBytes(Charset.forName("windows-1252")),
				Map.of());
		assertThat(amended.json().get("status").asString()).isEqualTo("CREATED");
		String after = editor.get("/api/v1/" + TENANT + "/finance/summary?year=2026&code=" + firstGoal()).body();
		assertThat(after).isNotEqualTo(before);
		long amendedId = amended.json().get("importId").asLong();
		assertThat(editor.post("/api/v1/" + TENANT + "/finance/imports/" + amendedId + "/undo").status())
			.isEqualTo(200);
		assertThat(editor.get("/api/v1/" + TENANT + "/finance/summary?year=2026&code=" + firstGoal()).body())
			.isEqualTo(before);
		assertThat(editor.post("/api/v1/" + TENANT + "/finance/imports/" + amendedId + "/undo").status())
			.as("already undone")
			.isEqualTo(409);
		// an unknown id, or another tenant's import, is 404 on the API and on the page
		// (issue 11, point 9)
		assertThat(editor.post("/api/v1/" + TENANT + "/finance/imports/999999999/undo").status()).isEqualTo(404);
		assertThat(ApiClient.as(port, "redacteur.gent")
			.post("/api/v1/gent/finance/imports/" + amendedId + "/undo")
			.status()).isEqualTo(404);
		PageSession page = PageSession.login(port, "redacteur." + TENANT);
		String csrf = page.csrf("/" + TENANT + "/financien");
		assertThat(page.post("/" + TENANT + "/financien/import/999999999/ongedaan", "_csrf=" + csrf).statusCode())
			.isEqualTo(404);
		PageSession gent = PageSession.login(port, "redacteur.gent");
		String gentCsrf = gent.csrf("/gent/financien");
		assertThat(gent.post("/gent/financien/import/" + amendedId + "/ongedaan", "_csrf=" + gentCsrf).statusCode())
			.isEqualTo(404);

		ApiClient reader = ApiClient.as(port, "lezer." + TENANT);
		assertThat(reader.upload("/api/v1/" + TENANT + "/finance/import", "x.csv", file, Map.of()).status())
			.isEqualTo(403);
		assertThat(ApiClient.as(port, "redacteur.gent").get("/api/v1/" + TENANT + "/finance/summary").status())
			.isEqualTo(403);
	}

	private String firstGoal() {
		return parents.entrySet()
			.stream()
			.filter(e -> e.getValue() == null)
			.map(Map.Entry::getKey)
			.sorted()
			.findFirst()
			.orElseThrow();
	}

	private Set<String> subtree(String code) {
		Set<String> result = new HashSet<>(Set.of(code));
		boolean grew = true;
		while (grew) {
			grew = false;
			for (Map.Entry<String, String> e : parents.entrySet()) {
				if (e.getValue() != null && result.contains(e.getValue()) && result.add(e.getKey())) {
					grew = true;
				}
			}
		}
		return result;
	}

	private BigDecimal sum(Set<String> codes, Integer year, String direction, boolean estimate) {
		return lines.stream()
			.filter(l -> l.code() != null && codes.contains(l.code()) && (year == null || l.year() == year)
					&& l.direction().equals(direction))
			.map(l -> estimate ? l.estimate() : l.realisation())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static BigDecimal decimal(JsonNode node) {
		return new BigDecimal(node.asString());
	}

}
