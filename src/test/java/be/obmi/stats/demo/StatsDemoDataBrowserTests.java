package be.obmi.stats.demo;

import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, acceptance 1 in a real browser: on Mechelen's public indicator pages as a
 * visitor's browser shows them (after its scripts ran), the wijken of every additive demo
 * indicator add up to the city's figure, and the city's share of 65-plussers is the ratio
 * of those sums; the pages raise no console or CSP problem. The same check over HTTP, and
 * against the API, is in {@link StatsDemoDataIntegrationTests}.
 */
@ObmiIntegrationTest
class StatsDemoDataBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void theWijkenOnThePublicPagesAddUpToTheCityInABrowser() {
		try (Browser browser = Browser.start(port)) {
			StatsDemoDataIntegrationTests.wijkenAddUpOnThePages(path -> {
				browser.open(path);
				browser.waitUntil(d -> !browser.findAll("#trend-chart svg").isEmpty());
				return browser.driver().getPageSource();
			});
			assertThat(browser.consoleProblems()).isEmpty();
		}
	}

}
