package be.obmi.stats;

import java.util.List;

import be.obmi.stats.domain.ThemeSheets;
import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A theme fact sheet as a visitor's browser shows it (issue 12): its key-figure rows and
 * trend charts are drawn, the page passes axe (0 serious or critical) and raises no
 * console or CSP problem; the list links to it.
 */
@ObmiIntegrationTest
class ThemeSheetBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ThemeSheets sheets;

	@Autowired
	Tenants tenants;

	@Test
	void aThemeSheetDrawsItsFiguresAndChartsUnderTheStrictCsp() {
		long mechelen = tenants.require("mechelen").id();
		ThemeSheets.ThemeSheet sheet = sheets.create(mechelen, "Bevolking in het kort", null,
				List.of("bev_totaal", "bev_0_17_pct", "bev_65plus_pct"), "redacteur.mechelen");
		sheets.saveText(tenants.require("oostende").id(), sheet.id(), -1,
				"Oostende is een stad aan zee.\n\nHet aandeel 65-plussers ligt er hoog.", "redacteur.oostende");
		try (Browser browser = Browser.start(port)) {
			browser.open("/oostende/cijfers/themafiches");
			browser.consoleProblems();
			browser.click("a[href$='/themafiches/" + sheet.id() + "']");
			browser.waitUntil(d -> browser.findAll("[data-report-chart]")
				.stream()
				.allMatch(c -> "true".equals(c.getDomAttribute("data-drawn"))));
			assertThat(browser.findAll("[data-report-chart] svg")).hasSizeGreaterThanOrEqualTo(3);
			assertThat(browser.findAll("table.profile tr[data-indicator]")).hasSize(3);
			assertThat(browser.text(".sheet-text")).contains("Oostende is een stad aan zee.");
			browser.screenshot("stats-theme-sheet");
			browser.assertAccessible();
			assertThat(browser.consoleProblems()).as("console of the theme sheet").isEmpty();
		}
	}

}
