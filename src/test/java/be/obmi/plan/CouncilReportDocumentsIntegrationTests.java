package be.obmi.plan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import be.obmi.plan.domain.CouncilReport;
import be.obmi.plan.domain.CouncilReports;
import be.obmi.plan.domain.ItemType;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The council report as the council gets it: the DOCX (which councils edit) re-read with
 * POI holds the city on its cover, a table of contents field, a heading per section and
 * per goal, and every priority action of the round; the PDF has the same cover and a
 * table of contents with page numbers. On Brugge's demo plan, its latest closed round.
 */
@ObmiIntegrationTest
class CouncilReportDocumentsIntegrationTests {

	static final String SLUG = "brugge";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Plans plans;

	@Autowired
	StatusRounds rounds;

	@Autowired
	CouncilReports reports;

	@Test
	void theDocxAndPdfCarryCoverContentsAndEveryPriorityAction() throws IOException {
		Tenant tenant = tenants.require(SLUG);
		Plan plan = plans.current(tenant).orElseThrow();
		StatusRound round = rounds.rounds(plan).stream().filter(r -> !r.open()).findFirst().orElseThrow();
		CouncilReport report = reports.of(tenant, round);
		List<PlanItem> actions = report.priorityActions().stream().map(n -> n.item()).toList();
		List<PlanItem> goals = report.priorityNodes()
			.stream()
			.map(n -> n.item())
			.filter(i -> i.type() == ItemType.BD)
			.toList();
		assertThat(actions).hasSizeGreaterThan(5);
		PlanHttp lezer = PlanHttp.as(port, "lezer." + SLUG);
		String base = "/" + SLUG + "/plan/rondes/" + round.id() + "/rapport";

		byte[] docx = lezer.get(base + ".docx").body();
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
			String text = extractor.getText();
			assertThat(text).startsWith("Brugge");
			assertThat(text).contains("Opvolgingsrapportering meerjarenplan", round.name(), "Inhoud", "Samenvatting",
					"Geraamde versus gerealiseerde ontvangsten en uitgaven");
			for (PlanItem action : actions) {
				assertThat(text).as("priority action " + action.code()).contains(action.code() + " " + action.title());
			}
			List<String> headings = document.getParagraphs()
				.stream()
				.filter(p -> "Heading2".equals(p.getStyle()))
				.map(XWPFParagraph::getText)
				.toList();
			assertThat(headings)
				.containsExactlyElementsOf(goals.stream().map(g -> g.code() + " " + g.title()).toList());
			assertThat(document.getParagraphs()
				.stream()
				.anyMatch(p -> p.getCTP().getFldSimpleList().stream().anyMatch(f -> f.getInstr().startsWith("TOC"))))
				.as("a table of contents field")
				.isTrue();
		}

		byte[] pdf = lezer.get(base + ".pdf").body();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isGreaterThan(3);
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setStartPage(2);
			stripper.setEndPage(2);
			String contents = stripper.getText(document).replaceAll("\\s+", " ");
			assertThat(contents).contains("Inhoud");
			assertThat(contents).containsPattern("Samenvatting \\.+ 3 ");
			for (PlanItem goal : goals) {
				assertThat(contents).contains(goal.code());
			}
		}
	}

}
