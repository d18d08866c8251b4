package be.obmi.plan;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.List;
import org.openqa.selenium.WebDriverException;

/**
 * Acceptance 3 in a real browser (Turnhout): a redacteur imports a plan file through the
 * page; the contributor submits a status update from their task list; the manager
 * approves and publishes it; the public page then shows it (and passes axe-core); the
 * council report PDF lists every priority action code with its status.
 */
@ObmiIntegrationTest
class PlanBrowserTests {

	static final String SLUG = "turnhout";

	Browser browser;

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

	@BeforeEach
	void startBrowser() {
		browser = Browser.start(port);
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
	}

	/** Whether the element shows the text; false while the page is being replaced. */
	boolean textContains(String css, String text) {
		try {
			return browser.text(css).contains(text);
		}
		catch (WebDriverException ex) {
			return false;
		}
	}

	void logout() {
		browser.open("/");
		browser.driver().manage().deleteAllCookies();
	}

	@Test
	void importRoundWorkflowPublicPageAndPdf() throws IOException {
		// 1. Import via the page.
		Path file = Files.createTempFile("turnhout-plan", ".csv");
		Files.writeString(file,
				"""
						code;type;bovenliggende_code;titel;omschrijving;prioritair;beleidsveld;politiek_verantwoordelijke;ambtelijk_verantwoordelijke;startdatum;einddatum
						BD20;BD;;Turnhout zet in op ontmoeting;;nee;0739;Schepen Cultuur;Dienst Cultuur;2026-01-01;2031-12-31
						AP20.01;AP;BD20;Buurthuizen in elke wijk;;nee;0739;;;;
						AC20.01.01;AC;AP20.01;Buurthuis in Zevendonk heropenen;Met een café en een repaircafé.;ja;0739;;Dienst Cultuur – Lies Peeters;01/09/2026;31/12/2027
						""",
				Charset.forName("windows-1252"));
		browser.login("redacteur." + SLUG, "demo");
		browser.open("/" + SLUG + "/plan/import");
		browser.click("#kind-plan");
		browser.find("#file").sendKeys(file.toAbsolutePath().toString());
		browser.click("form.stacked button[type=submit]");
		browser.waitUntil(d -> !browser.findAll("#import-summary").isEmpty());
		assertThat(browser.text("#import-summary")).contains("3 nieuw");
		browser.screenshot("plan-import");
		browser.open("/" + SLUG + "/plan?q=Zevendonk");
		assertThat(browser.text("#plan-results")).contains("AC20.01.01", "AP20.01", "BD20");
		browser.screenshot("plan-tree");

		// 2. The contributor submits an update from the task list.
		Tenant tenant = tenants.require(SLUG);
		Plan plan = plans.current(tenant).orElseThrow();
		StatusRound open = rounds.rounds(plan).stream().filter(StatusRound::open).findFirst().orElseThrow();
		StatusRounds.Task task = rounds.tasksOf(tenant, plan, "bijdrager." + SLUG)
			.stream()
			.filter(t -> t.update() == null)
			.findFirst()
			.orElseThrow();
		String code = task.item().code();
		logout();
		browser.login("bijdrager." + SLUG, "demo");
		browser.open("/" + SLUG + "/plan/taken");
		browser.screenshot("plan-tasks");
		browser.assertAccessible();
		browser.click("#task-" + code + " a.task-link");
		browser.waitUntil(d -> !browser.findAll("#submit-update").isEmpty());
		browser.assertAccessible();
		new Select(browser.find("#status")).selectByValue("VERTRAAGD");
		browser.type("#progress", "55");
		browser.type("#narrative", "Browsertest: de werken zijn gestart in Zevendonk.");
		browser.type("#bottlenecks", "Levering van materiaal loopt vertraging op.");
		browser.click("#submit-update");
		browser.waitUntil(d -> d.getCurrentUrl().endsWith("/plan/taken"));
		assertThat(browser.text("main")).contains(code);
		assertThat(browser.text("#task-" + code)).contains("ingediend");

		// Submitted is not published: the public page does not show it yet.
		logout();
		browser.open("/" + SLUG + "/plan/publiek");
		assertThat(browser.text("main")).doesNotContain("Browsertest: de werken zijn gestart in Zevendonk.");

		// 3. The manager approves and publishes.
		browser.login("redacteur." + SLUG, "demo");
		browser.open("/" + SLUG + "/plan/rondes/" + open.id());
		browser.click("#task-" + code + " button.approve");
		browser.waitUntil(d -> textContains("#task-" + code, "goedgekeurd")
				&& !browser.findAll("#task-" + code + " button.publish").isEmpty());
		browser.click("#task-" + code + " button.publish");
		browser.waitUntil(d -> textContains("#task-" + code, "gepubliceerd"));
		browser.screenshot("plan-round");
		for (String page : List.of("dashboard", "items/" + task.item().id(), "", "rondes", "bestuursakkoord",
				"rondes/" + open.id() + "/rapport", "import")) {
			browser.open("/" + SLUG + "/plan" + (page.isEmpty() ? "" : "/" + page));
			assertThat(browser.findAll(".plan-nav")).as(page).isNotEmpty();
			browser.screenshot("plan-" + (page.isEmpty() ? "tree-collapsed" : page.replaceAll("[^a-z]+", "-")));
			browser.assertAccessible();
		}

		// 4. The public page shows it, anonymously.
		logout();
		browser.open("/" + SLUG + "/plan/publiek");
		assertThat(browser.text("#pub-" + code)).contains("Browsertest: de werken zijn gestart in Zevendonk.",
				"vertraagd");
		assertThat(browser.findAll("#pub-AC20\\.01\\.01")).isEmpty();
		browser.screenshot("plan-public");
		browser.assertAccessible();

		// 5. The PDF report downloads and names every priority action with its status.
		HttpResponse<byte[]> pdf = PlanHttp.as(port, "redacteur." + SLUG)
			.get("/" + SLUG + "/plan/rondes/" + open.id() + "/rapport.pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 4)).isEqualTo("%PDF");
		Files.createDirectories(Browser.SCREENSHOTS);
		Files.write(Browser.SCREENSHOTS.resolve("plan-report.pdf"), pdf.body());
		String text;
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			text = new PDFTextStripper().getText(document);
		}
		List<PlanItem> priorityActions = items.all(plan)
			.stream()
			.filter(i -> i.priority() && i.type().name().equals("AC"))
			.toList();
		assertThat(priorityActions).isNotEmpty();
		for (PlanItem action : priorityActions) {
			assertThat(text).as("PDF names " + action.code()).contains(action.code());
		}
		assertThat(text).contains("AC20.01.01", "Geraamde versus gerealiseerde ontvangsten en uitgaven",
				"Gewijzigde veronderstellingen");
	}

}
