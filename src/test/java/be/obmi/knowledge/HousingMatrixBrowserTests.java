package be.obmi.knowledge;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.obmi.knowledge.housing.HousingRound;
import be.obmi.knowledge.housing.HousingRounds;
import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriverException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The housing-policy instruments in Chromium: the public matrix (now, and the demo round
 * 2025 S2) and the diff pass axe-core without console or CSP errors; a city's redacteur
 * changes a link and submits the round's task on the city's page; the Kenniscentrum's
 * round page shows the city as submitted. Screenshots
 * {@code target/screenshots/knowledge-housing-*.png}.
 */
@ObmiIntegrationTest
class HousingMatrixBrowserTests {

	static final String SLUG = "mechelen";

	@LocalServerPort
	int port;

	@Autowired
	HousingRounds rounds;

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
	void publicMatrixAndDiffAreAccessible() {
		browser.consoleProblems();
		browser.open("/kennis/woonbeleid");
		// every city of the platform: the 14 of the demo and any another test added
		Matcher caption = Pattern.compile("(\\d+) instrumenten in (\\d+) steden")
			.matcher(browser.text("#housing-matrix caption"));
		assertThat(caption.find()).isTrue();
		assertThat(Integer.parseInt(caption.group(2))).isGreaterThanOrEqualTo(14);
		assertThat(browser.findAll("#housing-matrix td.housing-yes a")).isNotEmpty();
		browser.screenshot("knowledge-housing-matrix");
		browser.assertAccessible();
		HousingRound demo = rounds.closed().stream().filter(r -> r.name().equals("2025 S2")).findFirst().orElseThrow();
		browser.open("/kennis/woonbeleid?ronde=" + demo.id());
		assertThat(browser.text("#matrix-state")).contains("2025 S2");
		browser.assertAccessible();
		browser.open("/kennis/woonbeleid/verschil?van=" + demo.id());
		assertThat(browser.findAll("#housing-diff tbody tr")).hasSize(2);
		browser.screenshot("knowledge-housing-diff");
		browser.assertAccessible();
		assertThat(browser.consoleProblems()).as("console of the matrix and diff pages").isEmpty();
	}

	@Test
	void aCitySubmitsItsTaskOnItsPage() {
		HousingRound round = rounds.openRound()
			.orElseGet(() -> rounds.open("Browserronde", LocalDate.now().plusDays(10), LocalDate.now(), "kenniscentrum",
					false));
		try {
			browser.login("redacteur." + SLUG, "demo");
			browser.consoleProblems();
			browser.open("/" + SLUG + "/kennis/woonbeleid");
			assertThat(browser.text("#task-heading")).contains(round.name());
			browser.screenshot("knowledge-housing-city");
			browser.assertAccessible();
			browser.find("#link-5-A-2").clear();
			browser.type("#link-5-A-2", "https://www.mechelen.be/reglementen/kwaliteit-2026");
			browser.click("#housing-submit");
			browser.waitUntil(d -> textContains("#housing-done", "1"));
			assertThat(browser.text("#task-state")).contains("redacteur." + SLUG);
			browser.assertAccessible();
			assertThat(browser.consoleProblems()).as("console of the city page").isEmpty();
			browser.open("/");
			browser.driver().manage().deleteAllCookies();
			browser.login("kenniscentrum", "demo");
			browser.open("/kenniscentrum/woonbeleid/rondes/" + round.id());
			assertThat(browser.text("#round-cities tr[data-city=" + SLUG + "]")).contains("redacteur." + SLUG);
			browser.screenshot("knowledge-housing-round");
			browser.assertAccessible();
		}
		finally {
			rounds.close(round.id(), "kenniscentrum");
		}
	}

	boolean textContains(String css, String text) {
		try {
			return browser.text(css).contains(text);
		}
		catch (WebDriverException ex) {
			return false;
		}
	}

}
