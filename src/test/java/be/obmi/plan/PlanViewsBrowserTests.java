package be.obmi.plan;

import java.util.List;

import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeing the plan in a real browser, as a staff member (a lezer of Antwerp, demo data):
 * the dashboard with its charts, the tree, the timeline and the map draw without any
 * Content Security Policy violation in the console (ECharts under the strict CSP, as on
 * the stats pages) and pass axe-core; the filter form works without script and from the
 * keyboard; a status tile leads to the list of its actions; the map's markers lead to the
 * item.
 */
@ObmiIntegrationTest
class PlanViewsBrowserTests {

	static final String SLUG = "antwerpen";

	static final String P = "/" + SLUG + "/plan";

	Browser browser;

	@LocalServerPort
	int port;

	@BeforeEach
	void startBrowser() {
		browser = Browser.start(port);
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
	}

	@Test
	void dashboardTreeTimelineAndMapDrawWithoutCspViolationsAndPassAxe() {
		browser.login("lezer." + SLUG, "demo");
		browser.consoleProblems();

		browser.open(P + "/dashboard");
		browser.waitUntil(d -> browser.findAll(".chart[data-drawn] svg").size() == 2);
		tooltipOf(".chart[data-drawn]");
		assertThat(browser.consoleProblems()).as("console of the dashboard").isEmpty();
		assertThat(browser.text("#tile-probleem")).contains("probleem");
		((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0)");
		browser.screenshot("plan-dashboard");
		browser.assertAccessible();

		// the filter form from the keyboard, without script: choose a goal, tab to the
		// button, Enter
		WebElement goal = browser.find("#filter-goal");
		new Select(goal).selectByIndex(1);
		browser.find(".plan-filter button[type=submit]").sendKeys(Keys.ENTER);
		browser.waitUntil(d -> d.getCurrentUrl().contains("goal="));
		String filtered = browser.path();
		assertThat(new Select(browser.find("#filter-goal")).getFirstSelectedOption().getText())
			.isNotEqualTo(new Select(browser.find("#filter-goal")).getOptions().getFirst().getText());
		String count = browser.find("#tile-op_schema .kpi a").getText();
		browser.click("#tile-op_schema .kpi a");
		browser.waitUntil(d -> d.getCurrentUrl().contains("/plan/acties"));
		assertThat(browser.path()).contains("goal=").contains("status=OP_SCHEMA");
		assertThat(browser.text("#action-count")).startsWith(count + " ");
		assertThat(browser.consoleProblems()).as("console of " + filtered + " and the list").isEmpty();
		browser.assertAccessible();

		browser.open(P);
		assertThat(browser.findAll(".plan-nav a[href$='/plan/tijdlijn']")).hasSize(1);
		assertThat(browser.consoleProblems()).as("console of the tree").isEmpty();

		browser.open(P + "/tijdlijn");
		assertThat(browser.findAll("svg#timeline-chart rect.tl-bar")).isNotEmpty();
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'})",
				browser.find("#timeline-chart"));
		assertThat(browser.findAll("#timeline-table tbody tr")).isNotEmpty();
		assertThat(browser.consoleProblems()).as("console of the timeline").isEmpty();
		browser.screenshot("plan-timeline");
		browser.assertAccessible();

		browser.open(P + "/kaart");
		browser.waitUntil(d -> "true".equals(browser.find("#plan-map").getAttribute("data-drawn")));
		List<WebElement> markers = browser.findAll("#plan-map .map-marker");
		assertThat(markers).as("markers or groups of markers").isNotEmpty();
		assertThat(browser.findAll("#plan-map path.wijk")).as("the wijken, without tiles").isNotEmpty();
		assertThat(browser.findAll("#plan-map img.leaflet-tile")).isEmpty();
		assertThat(browser.findAll("#map-list tbody tr")).isNotEmpty();
		assertThat(browser.consoleProblems()).as("console of the map").isEmpty();
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})",
				browser.find("#plan-map"));
		browser.screenshot("plan-map");
		browser.assertAccessible();

		// a marker from the keyboard: a group zooms in or lists its actions; a single
		// marker opens the item
		WebElement marker = markers.getFirst();
		assertThat(marker.getAttribute("tabindex")).isEqualTo("0");
		assertThat(marker.getAttribute("title")).isNotBlank();
		for (int step = 0; step < 8 && !browser.driver().getCurrentUrl().contains("/plan/items/"); step++) {
			try {
				List<WebElement> links = browser.findAll("#plan-map .map-popup-list a");
				if (!links.isEmpty()) {
					links.getFirst().sendKeys(Keys.ENTER);
				}
				else {
					browser.findAll("#plan-map .map-marker").getFirst().sendKeys(Keys.ENTER);
				}
				Thread.sleep(400);
			}
			catch (StaleElementReferenceException | InterruptedException ex) {
				// the markers were drawn again after a zoom: try again
			}
		}
		browser.waitUntil(d -> d.getCurrentUrl().contains("/plan/items/"));
		assertThat(browser.consoleProblems()).as("console of the item page").isEmpty();
	}

	/**
	 * Hovers a chart until ECharts shows its tooltip (drawn as DOM, without inline
	 * styles).
	 */
	private void tooltipOf(String chart) {
		WebElement element = browser.find(chart);
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})",
				element);
		new Actions(browser.driver()).moveToElement(element, 0, 0).moveByOffset(15, 10).perform();
		browser
			.waitUntil(d -> browser.findAll(chart + " .chart-tooltip").stream().anyMatch(t -> !t.getText().isBlank()));
	}

}
