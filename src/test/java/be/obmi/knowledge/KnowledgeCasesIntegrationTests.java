package be.obmi.knowledge;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import be.obmi.knowledge.domain.CaseForm;
import be.obmi.knowledge.domain.CaseStatus;
import be.obmi.knowledge.domain.KnowledgeCase;
import be.obmi.knowledge.domain.KnowledgeCases;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.PdfDocuments;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cases of the church collection: the workflow (draft, review, published, back, archived)
 * with a revision per save, a stale save refused, rich text sanitised, typed values
 * checked per field, a draft that does not exist for anonymous visitors, the text of an
 * uploaded PDF in the search document, and a city that cannot reach another city's case.
 */
@ObmiIntegrationTest
class KnowledgeCasesIntegrationTests {

	static final String EDITOR = "kenniscentrum";

	@LocalServerPort
	int port;

	@Autowired
	KnowledgeCases cases;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PdfDocuments pdfs;

	static CaseForm church(String title, String type, String year, int version) {
		return new CaseForm(
				title, "Een kerk in de test.", "<p>Tekst</p>", Map.of("nieuwe_functie", List.of("Bibliotheek"),
						"type_hergebruik", List.of(type), "jaar", List.of(year)),
				null, null, "51,03", "4,48", List.of("erfgoed"), List.of(), version);
	}

	@Test
	void aCaseGoesThroughTheWorkflowAndKeepsItsRevisions() {
		KnowledgeCase c = cases.create("kerken", null, church("Workflowkerk", "medegebruik", "2020", 0), EDITOR, false);
		assertThat(c.status()).isEqualTo(CaseStatus.DRAFT);
		c = cases.move(c.publicId(), null, CaseStatus.REVIEW, c.version(), EDITOR);
		c = cases.move(c.publicId(), null, CaseStatus.PUBLISHED, c.version(), EDITOR);
		assertThat(c.published()).isTrue();
		assertThat(c.verifiedAt()).isNotNull();
		KnowledgeCase published = c;
		assertThatThrownBy(() -> cases.move(published.publicId(), null, CaseStatus.REVIEW, published.version(), EDITOR))
			.isInstanceOf(RefusedStateException.class);
		c = cases.move(c.publicId(), null, CaseStatus.DRAFT, c.version(), EDITOR);
		c = cases.update(c.publicId(), null, church("Workflowkerk herzien", "herbestemming", "2021", c.version()),
				EDITOR);
		c = cases.move(c.publicId(), null, CaseStatus.ARCHIVED, c.version(), EDITOR);

		var history = cases.history(c);
		assertThat(history).hasSize(6);
		assertThat(history.get(1).changes()).anySatisfy(change -> {
			assertThat(change.field()).isEqualTo("Type hergebruik");
			assertThat(change.oldValue()).isEqualTo("medegebruik");
			assertThat(change.newValue()).isEqualTo("herbestemming");
		});
		assertThat(published(c.id())).isFalse();
		PageSession editor = PageSession.login(port, EDITOR);
		assertThat(editor.get("/kenniscentrum/kennisbank/kerken/cases/" + c.publicId() + "/geschiedenis").body())
			.contains("Workflowkerk herzien")
			.contains("herbestemming");
	}

	@Test
	void aCityMaySubmitButNotPublish() {
		var gent = tenants.require("gent");
		KnowledgeCase c = cases.create("kerken", gent, church("Stadskerk Gent", "medegebruik", "2019", 0),
				"redacteur.gent", false);
		KnowledgeCase submitted = cases.move(c.publicId(), gent, CaseStatus.REVIEW, c.version(), "redacteur.gent");
		assertThatThrownBy(
				() -> cases.move(c.publicId(), gent, CaseStatus.PUBLISHED, submitted.version(), "redacteur.gent"))
			.isInstanceOf(RefusedStateException.class);
	}

	@Test
	void aStaleSaveIsRefused() {
		KnowledgeCase c = cases.create("kerken", null, church("Versiekerk", "medegebruik", "2020", 0), EDITOR, false);
		cases.update(c.publicId(), null, church("Versiekerk (eerste)", "medegebruik", "2020", c.version()), EDITOR);
		assertThatThrownBy(() -> cases.update(c.publicId(), null,
				church("Versiekerk (tweede)", "medegebruik", "2020", c.version()), EDITOR))
			.isInstanceOf(ConcurrentChangeException.class);
		assertThat(cases.byPublicId(c.publicId()).orElseThrow().title()).isEqualTo("Versiekerk (eerste)");
	}

	@Test
	void richTextIsSanitisedAndValuesAreCheckedPerField() {
		CaseForm dirty = new CaseForm("Scriptkerk", "",
				"<p onclick=\"x()\">Hallo<script>alert(1)</script>"
						+ "<img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">weg</a>"
						+ "<a href=\"https://example.org\">link</a></p>",
				Map.of("nieuwe_functie", List.of("Zaal"), "type_hergebruik", List.of("medegebruik"), "jaar",
						List.of("1.250,5"), "lessen", List.of("<em>Goed</em><script>x</script>")),
				null, null, null, null, List.of(), List.of(), 0);
		KnowledgeCase c = cases.create("kerken", null, dirty, EDITOR, false);
		assertThat(c.body()).contains("Hallo", "https://example.org", "nofollow")
			.doesNotContain("script", "onerror", "onclick", "javascript", "<img");
		assertThat(c.value("lessen").toString()).isEqualTo("<em>Goed</em>");
		assertThat(c.value("jaar").toString()).isEqualTo("1250.5");

		assertThatThrownBy(
				() -> cases.create("kerken", null, church("Getalkerk", "medegebruik", "twaalf", 0), EDITOR, false))
			.isInstanceOf(RefusedValueException.class)
			.hasMessageContaining("Jaar")
			.hasMessageContaining("twaalf");
		assertThatThrownBy(() -> cases.create("kerken", null, church("Keuzekerk", "afbraak", "2020", 0), EDITOR, false))
			.isInstanceOf(RefusedValueException.class)
			.hasMessageContaining("Type hergebruik")
			.hasMessageContaining("afbraak");
		CaseForm noType = new CaseForm("Verplichtkerk", "", "", Map.of("nieuwe_functie", List.of("Zaal")), null, null,
				null, null, List.of(), List.of(), 0);
		assertThatThrownBy(() -> cases.create("kerken", null, noType, EDITOR, false))
			.isInstanceOf(RefusedValueException.class)
			.hasMessageContaining("Type hergebruik");
		CaseForm outside = new CaseForm("Pariskerk", "", "",
				Map.of("nieuwe_functie", List.of("Zaal"), "type_hergebruik", List.of("medegebruik")), null, null,
				"48,85", "2,35", List.of(), List.of(), 0);
		assertThatThrownBy(() -> cases.create("kerken", null, outside, EDITOR, false))
			.isInstanceOf(RefusedValueException.class);
		assertThat(jdbc.sql("select count(*) from knowledge.knowledge_case where title in (?, ?, ?, ?)")
			.params("Getalkerk", "Keuzekerk", "Verplichtkerk", "Pariskerk")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void relatedCasesMustExistAndAreLinkedBothWays() {
		KnowledgeCase first = cases.create("kerken", null, church("Verwante kerk A", "medegebruik", "2020", 0), EDITOR,
				false);
		KnowledgeCase second = cases.create("kerken", null, church("Verwante kerk B", "medegebruik", "2020", 0), EDITOR,
				false);
		CaseForm linked = new CaseForm("Verwante kerk C", "", "",
				Map.of("nieuwe_functie", List.of("Zaal"), "type_hergebruik", List.of("medegebruik")), null, null, null,
				null, List.of(), List.of(second.publicId().toString(), " ", first.publicId().toString()), 0);
		KnowledgeCase third = cases.create("kerken", null, linked, EDITOR, false);
		assertThat(cases.related(third.id(), false)).extracting(KnowledgeCase::title)
			.containsExactly("Verwante kerk A", "Verwante kerk B");
		assertThat(cases.related(first.id(), false)).extracting(KnowledgeCase::title)
			.containsExactly("Verwante kerk C");

		String unknown = UUID.randomUUID().toString();
		for (String wrong : List.of(unknown, "geen-id")) {
			CaseForm form = new CaseForm("Verwante kerk D", "", "",
					Map.of("nieuwe_functie", List.of("Zaal"), "type_hergebruik", List.of("medegebruik")), null, null,
					null, null, List.of(), List.of(first.publicId().toString(), wrong), 0);
			assertThatThrownBy(() -> cases.create("kerken", null, form, EDITOR, false)).isInstanceOfSatisfying(
					RefusedValueException.class,
					ex -> assertThat(ex.reason()).isEqualTo(Reason.of("knowledge.refused.caseRelated", wrong)));
		}
	}

	@Test
	void aDraftDoesNotExistForAnonymousVisitors() {
		KnowledgeCase c = cases.create("kerken", null, church("Ontwerpkerk", "medegebruik", "2020", 0), EDITOR, false);
		String path = "/kennis/collecties/kerken/" + c.publicId();
		assertThat(PageSession.anonymous(port).get(path).statusCode()).isEqualTo(404);
		assertThat(PageSession.login(port, EDITOR).get(path).statusCode()).isEqualTo(200);
		assertThat(PageSession.anonymous(port).get("/kennis/collecties/kerken/dataset.csv").body())
			.doesNotContain("Ontwerpkerk");
		cases.move(c.publicId(), null, CaseStatus.PUBLISHED, c.version(), EDITOR);
		HttpResponse<String> page = PageSession.anonymous(port).get(path);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Ontwerpkerk", "Bibliotheek", "Medegebruik", "Laatst gecontroleerd op");
	}

	@Test
	void theTextOfAnUploadedPdfIsInTheSearchDocument() {
		KnowledgeCase c = cases.create("kerken", null, church("Pdfkerk", "medegebruik", "2020", 0), EDITOR, false);
		byte[] pdf = pdfs.render("knowledge/k1-demo-report-pdf", Locale.forLanguageTag("nl-BE"),
				Map.of("title", "Eindrapport", "marker", "Test", "paragraphs",
						List.of("De klokkenluidersvereniging zong in het schip.")));
		PageSession editor = PageSession.login(port, EDITOR);
		String base = "/kenniscentrum/kennisbank/kerken/cases/" + c.publicId();
		String token = editor.csrf(base);
		assertThat(editor.upload(base + "/bestanden?field=eindrapport&_csrf=" + token, "eindrapport.pdf", pdf)
			.statusCode()).isEqualTo(302);
		HttpResponse<String> mismatch = editor.upload(base + "/bestanden?_csrf=" + token, "foto.jpg", pdf);
		assertThat(mismatch.statusCode()).isEqualTo(400);
		assertThat(mismatch.body()).contains("past niet bij de naam");

		assertThat(jdbc.sql("select attachment_text from knowledge.search_document where kind = 'CASE' and ref_id = ?")
			.param(c.id())
			.query(String.class)
			.single()).contains("klokkenluidersvereniging");
		assertThat(jdbc.sql("select count(*) from knowledge.case_file where case_id = ?")
			.param(c.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aCityCannotReachAnotherCitysCase() {
		var mechelen = tenants.require("mechelen");
		KnowledgeCase c = cases.create("kerken", mechelen, church("Mechelse kerk", "medegebruik", "2020", 0),
				"redacteur.mechelen", false);
		PageSession gent = PageSession.login(port, "redacteur.gent");
		String token = gent.csrf("/gent/kennis");
		assertThat(gent.get("/gent/kennis/cases/" + c.publicId()).statusCode()).isEqualTo(404);
		HttpResponse<String> edit = gent.post("/gent/kennis/cases/" + c.publicId(),
				"_csrf=" + token + "&version=0&title=Gekaapt");
		assertThat(edit.statusCode()).isEqualTo(404);
		assertThat(
				gent.post("/gent/kennis/cases/" + c.publicId() + "/status", "_csrf=" + token + "&to=REVIEW&version=0")
					.statusCode())
			.isEqualTo(404);
		assertThat(gent.get("/gent/kennis").body()).doesNotContain("Mechelse kerk");
		assertThat(cases.byPublicId(c.publicId()).orElseThrow().title()).isEqualTo("Mechelse kerk");
		assertThat(cases.byPublicId(c.publicId()).orElseThrow().status()).isEqualTo(CaseStatus.DRAFT);
		PageSession mechelenEditor = PageSession.login(port, "redacteur.mechelen");
		assertThat(mechelenEditor.get("/mechelen/kennis/cases/" + c.publicId()).statusCode()).isEqualTo(200);
	}

	private boolean published(long caseId) {
		return jdbc.sql("select published from knowledge.search_document where kind = 'CASE' and ref_id = ?")
			.param(caseId)
			.query(Boolean.class)
			.single();
	}

}
