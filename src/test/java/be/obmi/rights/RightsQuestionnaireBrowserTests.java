package be.obmi.rights;

import java.util.ArrayList;
import java.util.List;

import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public Rechtenverkenner of Gent in Chromium, by keyboard only (from the skip target
 * {@code #main}, Tab to each field, Space to choose, Enter to go on): the postcode start
 * leads to Gent; each step asks only a question that can still change an outcome; once
 * the income is answered (and so every income-dependent right decided) the income
 * question is gone from every later step; the result shows the three groups. Axe (0
 * serious/critical) and a clean console on each kind of page; screenshots
 * {@code target/screenshots/rights-questionnaire-*.png}.
 */
@ObmiIntegrationTest
class RightsQuestionnaireBrowserTests {

	@LocalServerPort
	int port;

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
	void keyboardOnlyQuestionnaireDropsTheIncomeQuestionOnceIncomeDependentRightsAreDecided() {
		browser.consoleProblems();
		browser.open("/rechtenverkenner");
		browser.checkPage("the postcode start", "rights-questionnaire-start");
		focusMain();
		tabTo("#postcode").sendKeys("9000");
		tabTo("#postcode-form button[type=submit]").sendKeys(Keys.ENTER);
		browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/gent/rechtenverkenner"));
		browser.checkPage("the first step", "rights-questionnaire-step1");
		List<String> asked = new ArrayList<>();
		boolean incomeAnswered = false;
		for (int step = 0; step < 10 && browser.findAll("#rights-results").isEmpty(); step++) {
			List<String> open = browser.findAll("#open-questions li")
				.stream()
				.map(li -> li.getAttribute("data-question"))
				.toList();
			if (incomeAnswered) {
				assertThat(open).as("open questions after the income was answered").doesNotContain("INCOME");
			}
			String question = open.getFirst();
			assertThat(asked).as("a question is asked once").doesNotContain(question);
			asked.add(question);
			if (step == 1) {
				browser.checkPage("a middle step", "rights-questionnaire-step2");
			}
			answer(question);
			incomeAnswered |= question.equals("INCOME");
			String before = browser.driver().getPageSource();
			tabTo("#next-question").sendKeys(Keys.ENTER);
			browser.waitUntil(driver -> !driver.getPageSource().equals(before));
		}
		assertThat(asked).as("the income was asked while an income-dependent right was undecided")
			.contains("RESIDENCE", "HOUSEHOLD", "INCOME");
		assertThat(browser.findAll("#rights-results")).isNotEmpty();
		assertThat(browser.findAll("#group-eligible")).hasSize(1);
		assertThat(browser.findAll("#group-maybe")).hasSize(1);
		assertThat(browser.findAll("#group-not")).hasSize(1);
		assertThat(browser.text("#rights-results")).contains("Verhoogde tegemoetkoming");
		assertThat(browser.find("#print-summary").isDisplayed()).isTrue();
		browser.checkPage("the result", "rights-questionnaire-result");
	}

	@Test
	void theStaffPageOfARightIsAccessible() {
		browser.consoleProblems();
		browser.login("redacteur.gent", "demo");
		browser.open("/gent/rechten");
		browser.checkPage("the catalogue", "rights-catalogue");
		browser.click("#rights-catalogue a");
		browser.waitUntil(driver -> driver.getCurrentUrl().matches(".*/gent/rechten/[0-9]+$"));
		browser.checkPage("a right's page", "rights-right");
	}

	private void answer(String question) {
		switch (question) {
			case "RESIDENCE" -> choose("#area-city");
			case "AGE" -> tabTo("#q-age").sendKeys("40");
			case "HOUSEHOLD" -> tabTo("#q-children").sendKeys("");
			case "INCOME" -> tabTo("#q-income").sendKeys("19000");
			case "STATUTES" -> tabTo("#st-LEEFLOON").sendKeys(Keys.SPACE);
			case "HOUSING" -> choose("#h-OWNER");
			default -> throw new IllegalStateException(question);
		}
	}

	/**
	 * Chooses a radio button as a keyboard user does: Tab into its group, arrow keys to
	 * the option (which selects it).
	 */
	private void choose(String css) {
		WebElement target = browser.find(css);
		WebElement first = tabTo("input[name=" + target.getAttribute("name") + "]");
		Actions keys = new Actions(browser.driver());
		if (first.equals(target)) {
			keys.sendKeys(Keys.SPACE).perform();
		}
		for (int presses = 0; presses < 10 && !target.equals(browser.driver().switchTo().activeElement()); presses++) {
			keys.sendKeys(Keys.ARROW_DOWN).perform();
		}
		assertThat(target.isSelected()).as(css + " chosen by keyboard").isTrue();
	}

	/** Where the skip link leads: the page's main content. */
	private void focusMain() {
		((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('main').focus()");
	}

	/** Presses Tab (from the main content) until the element has the focus. */
	private WebElement tabTo(String css) {
		WebElement target = browser.find(css);
		if (!target.equals(browser.driver().switchTo().activeElement())) {
			focusMain();
		}
		Actions keys = new Actions(browser.driver());
		for (int presses = 0; presses < 60; presses++) {
			if (target.equals(browser.driver().switchTo().activeElement())) {
				return target;
			}
			keys.sendKeys(Keys.TAB).perform();
		}
		throw new AssertionError("Tab does not reach " + css);
	}

}
