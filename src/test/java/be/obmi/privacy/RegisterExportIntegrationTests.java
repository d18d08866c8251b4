package be.obmi.privacy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import be.obmi.audit.AuditTrail;
import be.obmi.identity.ObmiUser;
import be.obmi.identity.UserAccounts;
import be.obmi.privacy.domain.ActivityContent;
import be.obmi.privacy.importing.RegisterRdf;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The staff exports of the whole register: XLSX (activities and versions, with the linked
 * organisation), CSV (formulas neutralised), DOCX and PDF open and carry every activity,
 * also unpublished ones; the Turtle and JSON-LD conform to the project's SHACL shape
 * ({@code privacy/register-shapes.ttl}) and a graph without a mandatory triple does not;
 * the JSON has the shape of the Processing Activities Register API. Readers of the city
 * only: another city's users are refused and its activities never appear.
 */
@ObmiIntegrationTest
class RegisterExportIntegrationTests {

	static final String SLUG = "oostende";

	static final String BASE = "/" + SLUG + "/privacy/export/";

	static final Shapes SHAPES = Shapes.parse(RDFDataMgr.loadGraph("privacy/register-shapes.ttl"));

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	AuditTrail audit;

	@Autowired
	JsonMapper json;

	@Autowired
	UserAccounts accounts;

	PrivacyFixtures fixtures;

	String marker;

	UUID published;

	UUID draft;

	@BeforeEach
	void register() {
		fixtures = new PrivacyFixtures(jdbc, transactions, audit, json);
		marker = PublicRegisterIntegrationTests.unique("export");
		Tenant tenant = tenants.require(SLUG);
		ActivityContent content = PrivacyFixtures.content("Export P4 " + marker, marker);
		published = fixtures.activity(tenant, content, "CITIZENS", "CHECKED", true, "OCMW " + marker);
		fixtures.newVersion(tenant, published,
				new ActivityContent(content.name(), "nieuw doel " + marker, content.legalBases(),
						content.specialCategoryConditions(), content.dataSubjects(), content.dataCategories(),
						content.recipients(), content.transfers(), content.retention(), content.securityMeasures(),
						content.responsibleService(), content.systems(), content.source(), content.controller(),
						content.dpoContact()));
		ActivityContent hostile = new ActivityContent("=HYPERLINK(\"http://evil.example\";\"klik\") " + marker,
				"@SUM(1+1) " + marker, List.of("A6-1-b"), List.of(), List.of("-2+3 " + marker), List.of(), List.of(),
				List.of(), "+1 jaar", List.of(), null, List.of(), null, "Stad", null);
		draft = fixtures.activity(tenant, hostile, "STAFF", "DRAFT", false, null);
		fixtures.published(tenants.require("gent"), PrivacyFixtures.content("Export Gent " + marker, marker));
	}

	@Test
	void theXlsxHasASheetOfActivitiesWithTheOrganisationAndASheetOfVersions() throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download("register.xlsx")))) {
			Sheet activities = workbook.getSheet("verwerkingen");
			List<String> header = cells(activities.getRow(0));
			assertThat(header).contains("id", "organisatie", "naam", "doel", "beveiligingsmaatregelen", "contact_dpo");
			List<String> row = rowOf(activities, published.toString());
			assertThat(row.get(header.indexOf("organisatie"))).isEqualTo("OCMW " + marker);
			assertThat(row.get(header.indexOf("doel"))).isEqualTo("nieuw doel " + marker);
			assertThat(row.get(header.indexOf("beveiligingsmaatregelen"))).isEqualTo("maatregel-" + marker);
			assertThat(row.get(header.indexOf("versie"))).isEqualTo("2");
			assertThat(rowOf(activities, draft.toString()).get(header.indexOf("status"))).isEqualTo("DRAFT");
			Sheet versions = workbook.getSheet("versies");
			long ofPublished = 0;
			for (Row r : versions) {
				if (published.toString().equals(cells(r).getFirst())) {
					ofPublished++;
				}
			}
			assertThat(ofPublished).isEqualTo(2);
			assertThat(text(activities)).doesNotContain("Export Gent " + marker);
		}
	}

	@Test
	void theCsvNeutralisesFormulasAndKeepsOnlyThisCity() throws Exception {
		String csv = new String(download("register.csv"), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFid;register;doelgroep");
		assertThat(csv).contains("Export P4 " + marker, "OCMW " + marker);
		assertThat(csv).contains("'=HYPERLINK").doesNotContain(";=HYPERLINK").doesNotContain(";\"=HYPERLINK");
		assertThat(csv).contains("'@SUM(1+1) " + marker).contains("'-2+3 " + marker);
		assertThat(csv).doesNotContain("Export Gent " + marker);
	}

	@Test
	void theDocxAndPdfCarryEveryActivityWithItsFields() throws Exception {
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(download("register.docx")));
				XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
			String text = extractor.getText();
			assertThat(text).contains("Register van verwerkingsactiviteiten", "Export P4 " + marker,
					"maatregel-" + marker, "OCMW " + marker, "@SUM(1+1) " + marker, "Beveiligingsmaatregelen");
			assertThat(text).doesNotContain("Export Gent " + marker);
		}
		try (var pdf = Loader.loadPDF(download("register.pdf"))) {
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains("Export P4 " + marker, "maatregel-" + marker, "nieuw doel " + marker);
			assertThat(text).doesNotContain("Export Gent " + marker);
		}
	}

	@Test
	void theTurtleAndJsonLdConformToTheShape() throws Exception {
		Model turtle = parse(download("register.ttl"), Lang.TURTLE);
		Model jsonLd = parse(download("register.jsonld"), Lang.JSONLD);
		assertThat(jsonLd.isIsomorphicWith(turtle)).isTrue();
		// this test's activities (the register may hold other, incomplete drafts)
		for (UUID id : List.of(published, draft)) {
			ValidationReport report = ShaclValidator.get().validate(SHAPES, closure(turtle, id).getGraph());
			assertThat(report.conforms()).as(() -> report.getEntries().toString()).isTrue();
		}
		String text = new String(download("register.ttl"), StandardCharsets.UTF_8);
		assertThat(text).contains("toestemming:VerwerkingsActiviteit", "eu-gdpr:A6-1-e", "dpv:hasPurpose",
				"dpv:SpecialCategoryPersonalData", "maatregel-" + marker, "OCMW " + marker, "country/USA");
		assertThat(text).doesNotContain("Export Gent " + marker);
		// the public register's RDF conforms too
		Model publicGraph = parse(anonymous("/api/v1/" + SLUG + "/privacy/publiek.ttl"), Lang.TURTLE);
		assertThat(ShaclValidator.get().validate(SHAPES, closure(publicGraph, published).getGraph()).conforms())
			.isTrue();
		assertThat(closure(publicGraph, published).size()).isPositive();
	}

	@Test
	void aGraphWithoutAMandatoryTripleDoesNotConform() throws Exception {
		Model export = parse(download("register.ttl"), Lang.TURTLE);
		assertThat(violations(closure(export, published))).isEmpty();
		Model withoutPurpose = closure(export, published);
		var activity = withoutPurpose.createResource(subject(withoutPurpose));
		withoutPurpose.removeAll(activity, withoutPurpose.createProperty(RegisterRdf.DPV, "hasPurpose"), null);
		assertThat(violations(withoutPurpose)).anyMatch(path -> path.contains("hasPurpose"));

		Model wrongBasis = closure(export, published);
		var other = wrongBasis.createResource(subject(wrongBasis));
		var basis = wrongBasis.createProperty(RegisterRdf.DPV, "hasLegalBasis");
		wrongBasis.removeAll(other, basis, null);
		other.addProperty(basis, wrongBasis.createResource("https://example.org/gewoon-omdat"));
		assertThat(violations(wrongBasis)).anyMatch(path -> path.contains("hasLegalBasis"));

		Model withoutTitle = closure(export, published);
		withoutTitle.removeAll(withoutTitle.createResource(subject(withoutTitle)), DCTerms.title, null);
		assertThat(violations(withoutTitle)).anyMatch(path -> path.contains("title"));
	}

	@Test
	void theJsonHasTheShapeOfTheProcessingActivitiesRegisterApi() throws Exception {
		JsonNode root = json.readTree(download("register-par.json"));
		JsonNode activity = null;
		for (JsonNode node : root.get("processingActivities")) {
			if (node.get("id").asString().equals(published.toString())) {
				activity = node;
			}
		}
		assertThat(activity).isNotNull();
		assertThat(activity.get("active").asBoolean()).isTrue();
		assertThat(activity.get("latestVersion").asInt()).isEqualTo(2);
		JsonNode versions = activity.get("versions");
		assertThat(versions).hasSize(2);
		JsonNode latest = versions.get(1);
		assertThat(latest.get("version").asInt()).isEqualTo(2);
		assertThat(latest.get("purpose").asString()).isEqualTo("nieuw doel " + marker);
		assertThat(latest.get("legalBasis").toString()).contains("PublicInterest", "LegalObligation");
		assertThat(latest.get("personalData").get("categories").toString()).contains("gegevens-" + marker);
		assertThat(latest.get("personalData").get("retentionPeriod").asString()).isEqualTo("bewaartermijn-" + marker);
		assertThat(latest.get("measures").get(0).get("measure").asString()).isEqualTo("maatregel-" + marker);
		assertThat(latest.get("validFrom").asString()).matches("\\d{4}-\\d{2}-\\d{2}T00:00\\+0[12]:00");
		assertThat(root.get("entities").get(0).get("type").asString()).isEqualTo("Organisation");
	}

	@Test
	void anotherCitysUsersAndAnonymousVisitorsAreRefused() throws Exception {
		for (String file : List.of("", "register.xlsx", "register.csv", "register.ttl", "register-par.json")) {
			String path = BASE.substring(0, BASE.length() - (file.isEmpty() ? 1 : 0)) + file;
			assertThat(mvc.perform(get(path).with(user("lezer.gent"))).andReturn().getResponse().getStatus()).as(path)
				.isEqualTo(403);
			assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).as(path).isEqualTo(302);
		}
		assertThat(mvc.perform(get(BASE.substring(0, BASE.length() - 1)).with(user("lezer." + SLUG)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("register.xlsx", "register-par.json");
	}

	private byte[] download(String file) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(BASE + file).with(user("lezer." + SLUG)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(file).isEqualTo(200);
		assertThat(response.getHeader("Content-Disposition")).contains("verwerkingsregister-" + SLUG);
		return response.getContentAsByteArray();
	}

	private byte[] anonymous(String path) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsByteArray();
	}

	private RequestPostProcessor user(String username) {
		ObmiUser user = accounts.loadUserByUsername(username);
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	private String subject(Model model) {
		return model.listSubjectsWithProperty(DCTerms.identifier, published.toString()).next().getURI();
	}

	/** The activity with everything it reaches through blank nodes and its own typing. */
	private static Model closure(Model model, UUID id) {
		Model closure = ModelFactory.createDefaultModel();
		model.listSubjectsWithProperty(DCTerms.identifier, id.toString()).forEach(s -> copy(model, s, closure));
		return closure;
	}

	private static void copy(Model model, Resource subject, Model closure) {
		model.listStatements(subject, null, (RDFNode) null).forEach(statement -> {
			closure.add(statement);
			if (statement.getObject().isAnon()) {
				copy(model, statement.getObject().asResource(), closure);
			}
		});
	}

	private static List<String> violations(Model model) {
		return ShaclValidator.get()
			.validate(SHAPES, model.getGraph())
			.getEntries()
			.stream()
			.map(e -> String.valueOf(e.resultPath()))
			.toList();
	}

	private static Model parse(byte[] bytes, Lang lang) {
		Model model = ModelFactory.createDefaultModel();
		RDFDataMgr.read(model, new ByteArrayInputStream(bytes), lang);
		return model;
	}

	private static List<String> cells(Row row) {
		DataFormatter formatter = new DataFormatter();
		List<String> cells = new ArrayList<>();
		for (int c = 0; c < row.getLastCellNum(); c++) {
			cells.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
		}
		return cells;
	}

	private static List<String> rowOf(Sheet sheet, String id) {
		for (Row row : sheet) {
			List<String> cells = cells(row);
			if (cells.getFirst().equals(id)) {
				return cells;
			}
		}
		throw new AssertionError("no row " + id);
	}

	private static String text(Sheet sheet) {
		StringBuilder text = new StringBuilder();
		sheet.forEach(row -> text.append(cells(row)).append('\n'));
		return text.toString();
	}

}
