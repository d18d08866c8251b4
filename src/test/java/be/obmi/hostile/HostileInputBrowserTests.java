package be.obmi.hostile;

import java.util.List;

import be.obmi.identity.UserAccounts;
import be.obmi.support.ApiClient;
import be.obmi.support.Browser;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.time.Duration;

/**
 * The pages that show the hostile texts of {@link HostileContent}, in a real Chromium
 * with its scripts running (htmx, charts, maps): no alert opens, no {@code <img src=x>}
 * or inline {@code <script>} element is created, no link points to {@code javascript:},
 * and the payload is visible as text.
 */
@ObmiIntegrationTest
class HostileInputBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	UserAccounts accounts;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void noPayloadRunsInTheBrowser() throws Exception {
		HostileContent.Seeded seeded = HostileContent.seed(port, mvc, tenants, transaction, accounts);
		String slug = seeded.slug();
		long itemId = ApiClient.as(port, "platformbeheerder")
			.get("/api/v1/" + slug + "/plan/items")
			.json()
			.get(0)
			.get("id")
			.asLong();
		try (Browser browser = Browser.start(port)) {
			browser.login("platformbeheerder", "demo");
			// look for absent elements without the implicit wait
			browser.driver().manage().timeouts().implicitlyWait(Duration.ZERO);
			int shown = 0;
			for (String page : List.of("/" + slug + "/plan", "/" + slug + "/plan/items/" + itemId,
					"/" + slug + "/plan/dashboard", "/" + slug + "/plan/publiek",
					"/" + slug + "/plan/rondes/" + seeded.roundId() + "/rapport", "/" + slug + "/cijfers",
					"/" + slug + "/cijfers/indicator/xss_ind",
					"/" + slug + "/cijfers/gebied/gemeente/" + HostileContent.NIS, "/" + slug + "/beheer/historiek")) {
				browser.open(page);
				assertThatThrownBy(() -> browser.driver().switchTo().alert()).as(page)
					.isInstanceOf(NoAlertPresentException.class);
				assertThat(browser.driver().findElements(By.cssSelector("img[src='x'], img[onerror]"))).as(page)
					.isEmpty();
				assertThat(browser.driver().findElements(By.cssSelector("a[href^='javascript:']"))).as(page).isEmpty();
				assertThat(browser.driver().findElements(By.xpath("//script[not(@src)]"))).as(page).isEmpty();
				if (browser.driver().findElement(By.tagName("body")).getText().contains("<script>alert(1)</script>")) {
					shown++;
				}
			}
			assertThat(shown).as("pages showing the payload as text").isGreaterThanOrEqualTo(5);
		}
	}

}
