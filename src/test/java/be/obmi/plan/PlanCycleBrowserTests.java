package be.obmi.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import be.obmi.support.ObmiMailIntegrationTest;
import be.obmi.support.TestMailServer;
import be.obmi.identity.Role;
import be.obmi.identity.TenantMembers;
import be.obmi.identity.UserForm;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItemForm;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.support.Browser;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One whole status round in a real browser, with GreenMail as the mail server (Hasselt):
 * the plan has exactly two actions without a contributor; the editor is warned about them
 * on the rounds page, opens a round for them, is warned again on the round's page and
 * assigns both from the list of accounts; the new contributor receives the round's
 * e-mail, logs in, lands on Mijn taken and submits an update; the reviewer returns it
 * with a comment (mailed to the contributor), the contributor answers in the update's
 * comment thread, attaches a PDF and resubmits, the reviewer sees the thread and
 * approves, the editor publishes and assigns the contributor to every action of the goal
 * in one step, and the public page shows the update. The pages of the assignment work
 * pass axe-core, with no console or CSP problem; screenshots go to
 * {@code target/screenshots/plan-cycle-*.png}.
 */
@ObmiMailIntegrationTest
class PlanCycleBrowserTests {

	static final String SLUG = "hasselt";

	static final String PASSWORD = "een-lang-wachtwoord";

	static final String CONTRIBUTOR = "lotte.cyclus";

	static final String EMAIL = "lotte@hasselt.test";

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
	TenantMembers members;

	Browser browser;

	@BeforeEach
	void startBrowser() {
		browser = Browser.start(port);
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
	}

	@Test
	void aWholeRoundFromAssignmentToThePublicPage() {
		Tenant tenant = tenants.require(SLUG);
		Plan plan = plans.current(tenant).orElseThrow();
		List<PlanItem> twoUnassigned = exactlyTwoUnassigned(tenant, plan);
		members.createAccount(tenant, new UserForm(CONTRIBUTOR, "Lotte Cyclus", EMAIL, Role.BIJDRAGER, PASSWORD));
		members.createAccount(tenant,
				new UserForm("rita.beoordelaar", "Rita Beoordelaar", "rita@hasselt.test", Role.REDACTEUR, PASSWORD));
		String first = twoUnassigned.get(0).code();
		String second = twoUnassigned.get(1).code();
		String roundName = "Cyclusronde " + LocalDate.now().getYear();

		// 1. The editor is warned on the rounds page and opens a round for the two
		// actions.
		browser.login("redacteur." + SLUG, "demo");
		browser.open("/" + SLUG + "/plan/rondes");
		assertThat(browser.text("#unassigned-warning")).contains("2 acties hebben geen bijdrager");
		assertThat(browser.text("#unassigned")).contains(first, second);
		check("plan-cycle-rounds");
		browser.type("#round-name", roundName);
		date("round-reference", LocalDate.now().minusDays(1));
		date("round-deadline", LocalDate.now().plusDays(20));
		browser.click("#scope-SELECTION");
		browser.type("#round-selection", first + " " + second);
		browser.click("section[aria-labelledby=open-heading] button[type=submit]");
		browser.waitUntil(d -> d.getCurrentUrl().matches(".*/plan/rondes/\\d+$"));
		StatusRound round = rounds.rounds(plan)
			.stream()
			.filter(r -> r.name().equals(roundName))
			.findFirst()
			.orElseThrow();

		// 2. The round's page warns again; the editor assigns both from the list.
		assertThat(browser.text("#unassigned-warning")).contains("2 acties van deze ronde hebben geen bijdrager");
		check("plan-cycle-round-unassigned");
		for (PlanItem action : twoUnassigned) {
			Select select = new Select(browser.find("#contributor-" + action.id()));
			assertThat(select.getOptions()).anyMatch(o -> o.getText().equals("Lotte Cyclus (" + CONTRIBUTOR + ")"));
			select.selectByValue(CONTRIBUTOR);
		}
		browser.click("#assign-submit");
		browser.waitUntil(d -> !browser.findAll("#assigned-done").isEmpty());
		assertThat(browser.text("#assigned-done")).contains("2 acties toegewezen");
		assertThat(browser.text("#unassigned")).contains("Elke actie heeft een bijdrager");
		assertThat(items.byCode(plan, first).orElseThrow().contributor()).isEqualTo(CONTRIBUTOR);

		// 3. The contributor receives the round's e-mail with both actions.
		String opened = awaitMail(roundName, "rapporteer over 2 acties");
		assertThat(opened).contains(first, second,
				"https://obmi.example/" + SLUG + "/plan/rondes/" + round.id() + "/items/" + twoUnassigned.get(0).id());

		// 4. The contributor logs in, lands on Mijn taken and submits an update.
		logout();
		browser.login(CONTRIBUTOR, PASSWORD);
		assertThat(browser.path()).isEqualTo("/" + SLUG + "/plan/taken");
		assertThat(browser.text("#task-" + css(first))).contains(roundName);
		browser.click("#task-" + css(first) + " a.task-link");
		browser.waitUntil(d -> !browser.findAll("#submit-update").isEmpty());
		new Select(browser.find("#status")).selectByValue("OP_SCHEMA");
		browser.type("#progress", "30");
		browser.type("#narrative", "Cyclustest: eerste versie.");
		browser.click("#submit-update");
		browser.waitUntil(d -> d.getCurrentUrl().endsWith("/plan/taken"));
		assertThat(browser.text("#task-" + css(first))).contains("ingediend");

		// 5. The reviewer returns it with a comment; the contributor gets it by e-mail.
		logout();
		browser.login("rita.beoordelaar", PASSWORD);
		browser.open("/" + SLUG + "/plan/rondes/" + round.id());
		long updateId = rounds.task(tenant, round.id(), twoUnassigned.get(0).id()).orElseThrow().update().id();
		browser.type("#remark-" + updateId, "Vermeld ook de planning van de tweede fase.");
		browser.click("#task-" + css(first) + " form.send-back button");
		browser.waitUntil(d -> textContains("#task-" + css(first), "concept"));
		String returned = awaitMail(roundName, "teruggestuurd");
		assertThat(returned).contains("Vermeld ook de planning van de tweede fase.");

		// 6. The contributor sees the comment and resubmits.
		logout();
		browser.login(CONTRIBUTOR, PASSWORD);
		browser.open("/" + SLUG + "/plan/rondes/" + round.id() + "/items/" + twoUnassigned.get(0).id());
		assertThat(browser.text("#comments")).contains("Vermeld ook de planning van de tweede fase.",
				"rita.beoordelaar", "teruggestuurd");
		browser.type("#comment-body", "De planning van fase twee staat nu in de update.");
		browser.click("#comment-submit");
		browser.waitUntil(d -> textContains("#comments", "De planning van fase twee staat nu in de update."));
		browser.find("#attachment-file").sendKeys(planningPdf().toAbsolutePath().toString());
		browser.click("#attachment-submit");
		browser.waitUntil(d -> textContains("#attachments", "planning-fase-2.pdf"));
		check("plan-cycle-update-returned");
		browser.type("#narrative", "Cyclustest: de tweede fase start in het najaar.");
		browser.click("#submit-update");
		browser.waitUntil(d -> d.getCurrentUrl().endsWith("/plan/taken"));

		// 7. The reviewer approves, the editor publishes.
		logout();
		browser.login("rita.beoordelaar", PASSWORD);
		browser.open("/" + SLUG + "/plan/rondes/" + round.id());
		assertThat(browser.text("#task-" + css(first) + " details.round-comments summary"))
			.isEqualTo("2 opmerking(en) bij " + first);
		check("plan-cycle-round-review");
		browser.click("#task-" + css(first) + " button.approve");
		browser.waitUntil(d -> textContains("#task-" + css(first), "goedgekeurd"));
		logout();
		browser.login("redacteur." + SLUG, "demo");
		browser.open("/" + SLUG + "/plan/rondes/" + round.id());
		browser.click("#task-" + css(first) + " button.publish");
		browser.waitUntil(d -> textContains("#task-" + css(first), "gepubliceerd"));
		check("plan-cycle-round-published");

		// 8. The bulk assignment page and the item page with its list of accounts.
		browser.open("/" + SLUG + "/plan/toewijzingen");
		check("plan-cycle-bulk");
		PlanItem actionPlan = items.byId(tenant, twoUnassigned.get(0).parentId()).orElseThrow();
		new Select(browser.find("#bulk-goal")).selectByValue(String.valueOf(actionPlan.parentId()));
		new Select(browser.find("#bulk-contributor")).selectByValue(CONTRIBUTOR);
		browser.click("#bulk-preview");
		browser.waitUntil(d -> !browser.findAll("#bulk-preview-list").isEmpty());
		assertThat(browser.text("#bulk-preview-list")).contains(first, second);
		check("plan-cycle-bulk-preview");
		browser.click("#bulk-confirm");
		browser.driver().switchTo().alert().accept();
		browser.waitUntil(d -> !browser.findAll("#bulk-done").isEmpty());
		assertThat(items.all(plan)
			.stream()
			.filter(i -> i.type().name().equals("AC") && Objects.equals(i.parentId(), actionPlan.id()))).isNotEmpty()
			.allMatch(i -> CONTRIBUTOR.equals(i.contributor()));
		browser.open("/" + SLUG + "/plan/items/" + twoUnassigned.get(1).id());
		assertThat(new Select(browser.find("#contributor")).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo(CONTRIBUTOR);
		check("plan-cycle-item");

		// 9. The public page shows the published update.
		logout();
		browser.open("/" + SLUG + "/plan/publiek");
		assertThat(browser.text("[id='pub-" + first + "']"))
			.contains("Cyclustest: de tweede fase start in het najaar.");
		browser.screenshot("plan-cycle-public");
	}

	/**
	 * Gives every action of the plan a contributor except two, whose contributor is
	 * cleared: the warning then names exactly those.
	 */
	List<PlanItem> exactlyTwoUnassigned(Tenant tenant, Plan plan) {
		List<PlanItem> actions = items.all(plan).stream().filter(i -> i.type().name().equals("AC")).toList();
		List<PlanItem> chosen = actions.subList(actions.size() - 2, actions.size());
		for (PlanItem action : actions) {
			String contributor = chosen.contains(action) ? null : "bijdrager." + SLUG;
			if (!Objects.equals(contributor, action.contributor())) {
				PlanItemForm form = PlanItemForm.of(action);
				items.update(tenant, action.id(),
						new PlanItemForm(form.title(), form.description(), form.priority(), form.policyField(),
								form.politicalOwner(), form.administrativeOwner(), contributor, form.startDate(),
								form.endDate(), form.tags(), form.wijk(), form.latitude(), form.longitude(),
								form.weight(), form.version()));
			}
		}
		return chosen.stream().map(a -> items.byId(tenant, a.id()).orElseThrow()).toList();
	}

	static Path planningPdf() {
		try {
			Path file = Files.createTempDirectory("plan-cycle").resolve("planning-fase-2.pdf");
			return Files.write(file, "%PDF-1.4\n% planning\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Screenshot, axe-core, and no console or CSP problem on the current page. */
	void check(String name) {
		browser.screenshot(name);
		browser.assertAccessible();
		assertThat(browser.consoleProblems()).as(name).isEmpty();
	}

	void date(String id, LocalDate value) {
		((JavascriptExecutor) browser.driver())
			.executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value.toString());
	}

	void logout() {
		browser.open("/");
		browser.driver().manage().deleteAllCookies();
	}

	boolean textContains(String css, String text) {
		try {
			return browser.text(css).contains(text);
		}
		catch (WebDriverException ex) {
			return false;
		}
	}

	static String css(String code) {
		return code.replace(".", "\\.");
	}

	/** Waits for the mail to the contributor whose subject names both texts; its body. */
	String awaitMail(String roundName, String subjectPart) {
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> TestMailServer.receivedBy(EMAIL)
				.stream()
				.filter(m -> subject(m).contains(roundName) && subject(m).contains(subjectPart))
				.map(PlanCycleBrowserTests::body)
				.findFirst()
				.orElse(null), body -> body != null);
	}

	static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String body(MimeMessage message) {
		try {
			return message.getContent().toString().replace("\r\n", "\n");
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
