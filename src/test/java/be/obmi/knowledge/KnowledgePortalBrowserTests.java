package be.obmi.knowledge;

import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal home, the news list, the agenda and a theme page in Chromium with the demo
 * content (issue 16, acceptance 5): axe finds no serious or critical violation and the
 * console no CSP error, in Dutch and English; screenshots
 * {@code target/screenshots/knowledge-portal*.png}.
 */
@ObmiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgePortalBrowserTests {

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
	void thePortalPagesAreAccessible() {
		browser.open("/kennis?lang=nl");
		assertThat(browser.text("h1")).isEqualTo("Kenniscentrum Vlaamse Steden");
		assertThat(browser.findAll("#k3b-news li")).isNotEmpty();
		assertThat(browser.text("#k3b-news")).doesNotContain("jaarverslag");
		assertThat(browser.text("#k3b-events")).contains("Studiedag herbestemming van kerken");
		assertThat(browser.findAll("#k3b-cases li")).isNotEmpty();
		assertThat(browser.findAll("#k3b-featured h3")).hasSize(1);
		browser.assertAccessible();
		browser.screenshot("knowledge-portal");

		browser.open("/kennis/nieuws?lang=nl");
		assertThat(browser.findAll("#k3b-news-list > li")).isNotEmpty();
		assertThat(browser.text("#k3b-news-list")).doesNotContain("jaarverslag");
		browser.assertAccessible();
		browser.screenshot("knowledge-portal-news");

		browser.open("/kennis/agenda?lang=nl");
		assertThat(browser.text("#k3b-upcoming")).contains("Studiedag herbestemming van kerken");
		assertThat(browser.text("#k3b-past")).contains("Slotevent tijdelijk gebruik");
		browser.assertAccessible();
		browser.screenshot("knowledge-portal-agenda");

		browser.open("/kennis/themas/erfgoed?lang=en");
		assertThat(browser.text("#k3b-events")).contains("Studiedag herbestemming van kerken");
		browser.assertAccessible();
		browser.screenshot("knowledge-portal-theme");

		browser.open("/kennis/steden?lang=en");
		assertThat(browser.findAll("#k3b-cities tbody tr")).isNotEmpty();
		browser.assertAccessible();
		assertThat(browser.consoleProblems()).isEmpty();
		browser.open("/kennis?lang=nl");
	}

	@Test
	void theEditorsPagesAreAccessible() {
		Browser editor = Browser.start(port);
		try {
			editor.login("kenniscentrum", "demo");
			for (String page : new String[] { "/kenniscentrum/agenda", "/kenniscentrum/agenda/nieuw",
					"/kenniscentrum/nieuws", "/kenniscentrum/uitgelicht", "/kenniscentrum/bezoekers" }) {
				editor.open(page + "?lang=nl");
				editor.assertAccessible();
			}
			editor.screenshot("knowledge-portal-editor-visitors");
			editor.open("/kenniscentrum/agenda/nieuw?lang=nl");
			editor.screenshot("knowledge-portal-editor-form");
			assertThat(editor.consoleProblems()).isEmpty();
		}
		finally {
			editor.close();
		}
	}

}
