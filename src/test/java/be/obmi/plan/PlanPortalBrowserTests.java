package be.obmi.plan;

import java.util.List;

import be.obmi.plan.domain.Indicators;
import be.obmi.plan.domain.ItemType;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.PlanTree;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An anonymous visitor uses the public plan portal in a real browser (Hasselt): the
 * overview with goal cards, a filter on status, a search, a goal, an action and the map
 * (with its list). Every page passes axe-core (no serious or critical violations) and
 * logs no console problem (no refused inline style or script under the CSP).
 */
@ObmiIntegrationTest
class PlanPortalBrowserTests {

	static final String SLUG = "hasselt";

	static final String PORTAL = "/" + SLUG + "/plan/publiek";

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

	@Autowired
	Indicators indicators;

	@BeforeEach
	void startBrowser() {
		browser = Browser.start(port);
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
	}

	@Test
	void anAnonymousVisitorFiltersSearchesAndOpensAGoalAnActionAndTheMap() {
		Tenant tenant = tenants.require(SLUG);
		Plan plan = plans.current(tenant).orElseThrow();
		PlanTree tree = new PlanTree(items.all(plan), rounds.latest(plan, true));
		PlanTree.Node action = tree.flatten()
			.stream()
			.filter(n -> n.item().type() == ItemType.AC && n.published() != null)
			.findFirst()
			.orElseThrow();

		// the overview: goal cards with progress and basis, status distribution
		browser.open(PORTAL);
		assertThat(browser.findAll(".goal-card")).isNotEmpty();
		assertThat(browser.text(".goal-card")).contains("op basis van");
		assertThat(browser.findAll("table.status-distribution tbody tr")).isNotEmpty();
		assertThat(browser.text("#last-published")).contains("Laatst bijgewerkt");
		browser.checkPage("the overview", "plan-portal");

		// filter on the action's status (a GET form, no script needed)
		String status = action.published().status().name();
		new Select(browser.find("#portal-status")).selectByValue(status);
		browser.click("#portal-apply");
		browser.waitUntil(d -> d.getCurrentUrl().contains("status=" + status));
		List<WebElement> rows = browser.findAll("table.portal-actions tbody tr");
		assertThat(rows).isNotEmpty();
		String label = browser.text("table.portal-actions tbody tr .status-badge");
		assertThat(rows).allSatisfy(row -> assertThat(row.getText()).contains(label));
		assertThat(browser.findAll("#pub-" + action.item().code().replace(".", "\\."))).hasSize(1);
		browser.checkPage("the filtered overview", "plan-portal-filter");

		// search for a word of the action's title, without the status filter
		String word = java.util.Arrays.stream(action.item().title().split("[\\s,.;:()]+"))
			.filter(w -> w.length() > 4)
			.findFirst()
			.orElseThrow();
		browser.open(PORTAL);
		browser.type("#portal-q", word.toLowerCase(java.util.Locale.ROOT));
		browser.click("#portal-apply");
		browser.waitUntil(d -> d.getCurrentUrl().contains("q="));
		assertThat(browser.findAll("#pub-" + action.item().code().replace(".", "\\."))).hasSize(1);
		assertThat(browser.text("#portal-count")).contains("Gevonden acties");
		browser.checkPage("the search", "plan-portal-search");

		// a goal, from its card
		PlanTree.Node goal = tree.goalOf(action);
		browser.open(PORTAL);
		browser.click("#pub-" + goal.item().code() + " h3 a");
		browser.waitUntil(d -> d.getCurrentUrl().contains("/doelen/" + goal.item().id()));
		assertThat(browser.text("h1")).contains(goal.item().code(), goal.item().title());
		assertThat(browser.text("main"))
			.contains("op basis van " + goal.countedActions() + " van " + goal.actionCount());
		browser.checkPage("a goal", "plan-portal-goal");

		// an action, from the goal's page
		browser.click("#pub-" + action.item().code().replace(".", "\\.") + " a");
		browser.waitUntil(d -> d.getCurrentUrl().contains("/acties/" + action.item().id()));
		assertThat(browser.text("h1")).contains(action.item().code());
		assertThat(browser.text("#portal-updates")).contains(action.published().roundName());
		if (!browser.findAll(".portal-chart").isEmpty()) {
			browser.waitUntil(d -> "true".equals(browser.find(".portal-chart").getDomAttribute("data-drawn")));
			assertThat(browser.findAll(".portal-chart svg")).isNotEmpty();
		}
		browser.checkPage("an action", "plan-portal-action");

		// the map, from the portal's navigation, with its list
		browser.click(".portal-nav a[href$='/kaart']");
		browser.waitUntil(d -> d.getCurrentUrl().endsWith("/plan/publiek/kaart"));
		if (!browser.findAll("#plan-map").isEmpty()) {
			try {
				browser.waitUntil(d -> browser.find("#plan-map").getDomAttribute("data-drawn") != null);
			}
			catch (org.openqa.selenium.TimeoutException ex) {
				throw new AssertionError("map not drawn; console: " + browser.consoleProblems(), ex);
			}
			assertThat(Integer.parseInt(browser.find("#plan-map").getDomAttribute("data-drawn")))
				.as("actions drawn on the map")
				.isPositive();
			assertThat(browser.findAll("#map-list tbody tr")).isNotEmpty();
		}
		browser.checkPage("the map", "plan-portal-map");

		// an action whose indicator has published measurements: its chart, drawn under
		// the CSP
		PlanTree.Node measured = tree.flatten()
			.stream()
			.filter(n -> n.item().type() == ItemType.AC && n.published() != null)
			.filter(n -> indicators.of(tenant, n.item().id())
				.stream()
				.anyMatch(d -> d.measurements()
					.stream()
					.anyMatch(m -> m.value() != null && !m.measuredOn().isAfter(n.published().referenceDate()))))
			.findFirst()
			.orElseThrow();
		browser.open(PORTAL + "/acties/" + measured.item().id());
		browser.waitUntil(d -> !browser.findAll(".portal-chart[data-drawn='true'] svg").isEmpty());
		((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("document.querySelector('.portal-chart').scrollIntoView()");
		browser.checkPage("an action's chart", "plan-portal-action-chart");
	}

}
