package be.obmi.stats;

import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A survey indicator's page in the browser (issue 12): the trend chart gets the error
 * bars of the 95% confidence interval from {@code stats-survey.js} under the strict CSP,
 * without a console problem, and the page passes axe.
 */
@ObmiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsSurveyBrowserTests {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeAll
	void start() {
		browser = Browser.start(port);
	}

	@AfterAll
	void stop() {
		browser.close();
	}

	@Test
	void aSurveyIndicatorsPageDrawsItsIntervalsWithoutACspViolation() {
		browser.consoleProblems();
		browser.open("/mechelen/cijfers/indicator/GSM_WO_S_14?lang=nl");
		browser.waitUntil(d -> !browser.findAll("#trend-chart[data-survey-drawn]").isEmpty());
		assertThat(browser.find("#trend-chart").getAttribute("data-survey-drawn")).as("an error bar per edition")
			.isEqualTo("3");
		assertThat(browser.text("#trend-chart")).contains("95%-betrouwbaarheidsinterval");
		assertThat(browser.text("table.survey-editions")).contains("Editie 2023");
		assertThat(browser.consoleProblems()).as("console of a survey indicator's page").isEmpty();
		browser.windowSize(1280, 2200);
		browser.screenshot("stats-survey-indicator");
		browser.assertAccessible();
	}

}
