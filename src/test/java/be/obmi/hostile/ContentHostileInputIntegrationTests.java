package be.obmi.hostile;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.UserAccounts;
import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenants;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import java.util.stream.Collectors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Script payloads and spreadsheet formulas in every text a user can put in through the
 * imports and forms (plan item titles, descriptions, owners, indicator names and sources,
 * status texts and problems, round names, statistics catalogue names, themes, definitions
 * and sources) of a fresh tenant (Poperinge), then:
 * <ul>
 * <li>every page that shows them (plan tree, item, dashboard, public plan, rounds, tasks,
 * council report, history, statistics dashboard, indicator, area profile) has them
 * escaped: no raw {@code <script>}, {@code <img onerror>} or {@code javascript:} link,
 * and the escaped text is there;</li>
 * <li>the council report PDF and the area-profile PDF show the literal text (PDFBox text
 * extraction);</li>
 * <li>the CSV exports (plan, catalogue, indicator download, open-data CSV) neutralise
 * formulas with a leading apostrophe but keep negative numbers; the XLSX exports hold
 * them as literal string cells, never formula cells;</li>
 * <li>an exported plan CSV and XLSX, and an exported catalogue CSV, import again with no
 * changes (round trip).</li>
 * </ul>
 */
@ObmiIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContentHostileInputIntegrationTests {

	static final String NIS = HostileContent.NIS;

	static final String SCRIPT = HostileContent.SCRIPT;

	static final String IMG = HostileContent.IMG;

	static final String JS = HostileContent.JS;

	static final String HYPERLINK = HostileContent.HYPERLINK;

	static final String AT = HostileContent.AT;

	static final String PLUS = HostileContent.PLUS;

	static final String MINUS = HostileContent.MINUS;

	static String slug;

	static long roundId;

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	UserAccounts accounts;

	@Autowired
	TransactionTemplate transaction;

	@BeforeEach
	void hostileTextsGoInThroughEveryImport() throws Exception {
		HostileContent.Seeded seeded = HostileContent.seed(port, mvc, tenants, transaction, accounts);
		slug = seeded.slug();
		roundId = seeded.roundId();
	}

	@Test
	@Order(2)
	void everyPageShowsThePayloadsAsTextNeverAsMarkup() throws Exception {
		ApiClient admin = ApiClient.as(port, "platformbeheerder");
		long itemId = admin.get("/api/v1/" + slug + "/plan/items").json().get(0).get("id").asLong();
		List<String> pages = List.of("/" + slug + "/plan", "/" + slug + "/plan/items/" + itemId,
				"/" + slug + "/plan/dashboard", "/" + slug + "/plan/publiek", "/" + slug + "/plan/rondes",
				"/" + slug + "/plan/rondes/" + roundId, "/" + slug + "/plan/rondes/" + roundId + "/rapport",
				"/" + slug + "/plan/taken", "/" + slug + "/beheer/historiek", "/" + slug + "/cijfers",
				"/" + slug + "/cijfers/indicator/xss_ind", "/" + slug + "/cijfers/gebied/gemeente/" + NIS,
				"/" + slug + "/cijfers/beheer");
		List<String> problems = new ArrayList<>();
		int escaped = 0;
		for (String page : pages) {
			var response = admin.get(page);
			if (response.status() != 200) {
				problems.add(page + " gave " + response.status());
				continue;
			}
			String html = response.body().toLowerCase(Locale.ROOT);
			for (String raw : List.of("<script>alert(1)", "<img src=x", "href=\"javascript:", "src=\"javascript:")) {
				if (html.contains(raw)) {
					problems.add(page + " contains raw " + raw);
				}
			}
			if (html.contains("&lt;script&gt;alert(1)&lt;/script&gt;")) {
				escaped++;
			}
		}
		assertThat(problems).isEmpty();
		assertThat(escaped).as("pages that show the escaped script text").isGreaterThanOrEqualTo(8);
	}

	@Test
	@Order(3)
	void pdfsShowTheLiteralText() throws Exception {
		byte[] report = mvc
			.perform(get("/" + slug + "/plan/rondes/" + roundId + "/rapport.pdf").with(as("platformbeheerder")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String reportText = text(report);
		assertThat(reportText).contains("<script>alert(1)</script>").contains("Doel <script>");
		byte[] profile = mvc
			.perform(get("/" + slug + "/cijfers/gebied/gemeente/" + NIS + "/pdf").with(as("platformbeheerder")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(text(profile)).contains("Naam <script>alert(1)</script>");
	}

	@Test
	@Order(4)
	void csvExportsNeutraliseFormulasButKeepNumbersAndXlsxHoldsNoFormulas() throws Exception {
		ApiClient admin = ApiClient.as(port, "platformbeheerder");
		String planCsv = admin.get("/api/v1/" + slug + "/plan/export?format=csv").body();
		List<String> fields = fields(planCsv, ';');
		assertThat(fields)
			.contains("'" + HYPERLINK, "'" + AT, "'" + PLUS, "'" + MINUS, "'=1+1", "-12", "Doel " + SCRIPT)
			.doesNotContain(HYPERLINK, AT, PLUS, MINUS);
		assertThat(fields.stream().filter(f -> !f.isEmpty() && "=+-@\t\r".indexOf(f.charAt(0)) >= 0))
			.containsOnly("-12");

		String catalogueCsv = admin.get("/api/v1/" + slug + "/stats/catalogue?format=csv").body();
		assertThat(fields(catalogueCsv.replace("\uFEFF", ""), ';')).contains("'" + HYPERLINK, "'" + AT,
				"Naam " + SCRIPT);

		String jsonStat = admin.get("/api/v1/" + slug + "/stats/indicators/xss_ind/data?format=jsonstat&level=gemeente")
			.body();
		assertThat(jsonStat).as("JSON-stat holds the literal name").contains("Naam " + SCRIPT);
		String openCsv = admin.get("/api/v1/" + slug + "/stats/indicators/xss_ind/data?format=csv&level=gemeente")
			.body();
		assertThat(fields(openCsv.replace("\uFEFF", ""), ',')).as("open-data CSV")
			.contains("-15")
			.doesNotContain("'-15");

		String download = admin.get("/" + slug + "/cijfers/indicator/xss_ind/download?formaat=csv&niveau=gemeente")
			.body();
		assertThat(fields(download.replace("\uFEFF", ""), ';')).as("a negative value stays a number")
			.contains("-15")
			.doesNotContain("'-15");

		for (String xlsx : List.of("/api/v1/" + slug + "/plan/export?format=xlsx",
				"/api/v1/" + slug + "/stats/catalogue?format=xlsx",
				"/" + slug + "/cijfers/indicator/xss_ind/download?formaat=xlsx&niveau=gemeente")) {
			byte[] bytes = mvc.perform(get(xlsx).with(as("platformbeheerder")))
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			List<String> texts = new ArrayList<>();
			try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
				for (Row row : workbook.getSheetAt(0)) {
					for (Cell cell : row) {
						assertThat(cell.getCellType()).as(xlsx + " " + cell.getAddress())
							.isNotEqualTo(CellType.FORMULA);
						if (cell.getCellType() == CellType.STRING) {
							texts.add(cell.getStringCellValue());
						}
					}
				}
			}
			if (!xlsx.contains("download")) {
				assertThat(String.join("\n", texts)).as(xlsx).contains(SCRIPT, HYPERLINK);
			}
		}
	}

	@Test
	@Order(5)
	void exportedFilesImportAgainWithoutChanges() throws Exception {
		ApiClient admin = ApiClient.as(port, "platformbeheerder");
		byte[] csv = admin.get("/api/v1/" + slug + "/plan/export?format=csv").body().getBytes(StandardCharsets.UTF_8);
		var again = admin.upload("/api/v1/" + slug + "/plan/import", "plan.csv", csv, Map.of());
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("created").asInt() + again.json().get("updated").asInt()).as(again.body()).isZero();
		byte[] xlsx = mvc.perform(get("/api/v1/" + slug + "/plan/export?format=xlsx").with(as("platformbeheerder")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		var fromXlsx = admin.upload("/api/v1/" + slug + "/plan/import", "plan.xlsx", xlsx, Map.of());
		assertThat(fromXlsx.status()).as(fromXlsx.body()).isEqualTo(200);
		assertThat(fromXlsx.json().get("created").asInt() + fromXlsx.json().get("updated").asInt()).as(fromXlsx.body())
			.isZero();
		// the export also lists the shared (platform) indicators, which a tenant cannot
		// import: keep its own rows
		String exported = admin.get("/api/v1/" + slug + "/stats/catalogue?format=csv").body();
		byte[] catalogue = exported.lines()
			.filter(line -> line.startsWith("\uFEFFcode;") || line.startsWith("code;") || line.startsWith("xss_ind;"))
			.collect(Collectors.joining("\r\n"))
			.getBytes(StandardCharsets.UTF_8);
		var catalogueAgain = admin.upload("/api/v1/" + slug + "/stats/catalogue", "cat.csv", catalogue, Map.of());
		assertThat(catalogueAgain.status()).as(catalogueAgain.body()).isEqualTo(200);
		assertThat(catalogueAgain.json().get("updated").asInt()).as(catalogueAgain.body()).isZero();
		var items = admin.get("/api/v1/" + slug + "/plan/items").json();
		List<String> owners = new ArrayList<>();
		items.forEach(item -> owners.add(item.get("politicalOwner").asString()));
		assertThat(owners).contains(HYPERLINK);
	}

	private static List<String> fields(String csv, char separator) {
		List<String> fields = new ArrayList<>();
		for (CsvRecord record : CsvReader.builder().fieldSeparator(separator).ofCsvRecord(csv)) {
			fields.addAll(record.getFields());
		}
		return fields;
	}

	private static String text(byte[] pdf) throws Exception {
		try (var document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	private RequestPostProcessor as(String username) {
		ObmiUser user = accounts.loadUserByUsername(username);
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

}
