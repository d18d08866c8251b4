package be.obmi.stats;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import be.obmi.shared.BelgianNumber;
import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Theme fact sheets (issue 12): Mechelen's data team drafts a sheet; Gent fills the same
 * sheet with its own text and shows its own figures; only Mechelen changes the template;
 * text is escaped; refusals change nothing.
 */
@ObmiIntegrationTest
class ThemeSheetIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private static String form(PageSession session, String csrfPage, String body) {
		return "_csrf=" + session.csrf(csrfPage) + "&" + body;
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private long sheets() {
		return jdbc.sql("select count(*) from stats.theme_sheet").query(Long.class).single();
	}

	private long draft(PageSession mechelen, String title) {
		String admin = "/mechelen/cijfers/beheer/themafiches";
		HttpResponse<String> created = mechelen.post(admin, form(mechelen, admin,
				"title=" + enc(title) + "&indicator=bev_totaal&indicator=bev_65plus&indicator=bev_65plus_pct"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		return jdbc.sql("select id from stats.theme_sheet where title = ?").param(title).query(Long.class).single();
	}

	@Test
	void oneCityDraftsASheetAndAnotherFillsItWithItsOwnFiguresAndText() {
		PageSession mechelen = PageSession.login(port, "redacteur.mechelen");
		long id = draft(mechelen, "Vergrijzing");
		String admin = "/mechelen/cijfers/beheer/themafiches?sheet=" + id;
		assertThat(
				mechelen
					.post("/mechelen/cijfers/beheer/themafiches/" + id + "/tekst",
							form(mechelen, admin,
									"version=-1&body=" + enc("Mechelen vergrijst trager dan Vlaanderen.")))
					.statusCode())
			.isEqualTo(302);

		PageSession gent = PageSession.login(port, "redacteur.gent");
		String gentAdmin = "/gent/cijfers/beheer/themafiches?sheet=" + id;
		assertThat(gent.get(gentAdmin).body())
			.contains("Het sjabloon (titel en kerncijfers) kan alleen Mechelen wijzigen");
		assertThat(gent
			.post("/gent/cijfers/beheer/themafiches/" + id + "/tekst",
					form(gent, gentAdmin,
							"version=-1&body="
									+ enc("In Gent is één op vijf 65 of ouder.\n\n<script>alert(1)</script>")))
			.statusCode()).isEqualTo(302);

		Document page = Jsoup.parse(ApiClient.anonymous(port).get("/gent/cijfers/themafiches/" + id).body());
		assertThat(page.select("h1").text()).isEqualTo("Vergrijzing");
		assertThat(page.select(".sheet-text p").eachText()).containsExactly("In Gent is één op vijf 65 of ouder.",
				"<script>alert(1)</script>");
		assertThat(page.select(".sheet-text script")).isEmpty();
		assertThat(page.text()).doesNotContain("Mechelen vergrijst");
		assertThat(page.select("table.profile tr[data-indicator]").eachAttr("data-indicator"))
			.containsExactly("bev_totaal", "bev_65plus", "bev_65plus_pct");
		Element inhabitants = page.selectFirst("table.profile tr[data-indicator=bev_totaal] td[data-column=value]");
		String period = page.selectFirst("table.profile tr[data-indicator=bev_totaal] td:last-child").text();
		assertThat(inhabitants.text()).isEqualTo(BelgianNumber
			.format(BigDecimal.valueOf(cityValue("gent", "44021", period)), Locale.forLanguageTag("nl")));

		assertThat(Jsoup.parse(ApiClient.anonymous(port).get("/mechelen/cijfers/themafiches/" + id).body())
			.select(".sheet-text p")
			.eachText()).containsExactly("Mechelen vergrijst trager dan Vlaanderen.");
		assertThat(ApiClient.anonymous(port).get("/gent/cijfers/themafiches").body()).contains("Vergrijzing");
	}

	@Test
	void onlyTheDraftingCityChangesTheTemplateAndBadInputChangesNothing() {
		PageSession mechelen = PageSession.login(port, "redacteur.mechelen");
		long id = draft(mechelen, "Jongeren in de stad");
		long before = sheets();

		PageSession gent = PageSession.login(port, "redacteur.gent");
		String gentAdmin = "/gent/cijfers/beheer/themafiches?sheet=" + id;
		HttpResponse<String> notYours = gent.post("/gent/cijfers/beheer/themafiches/" + id,
				form(gent, gentAdmin, "version=0&title=Gekaapt&indicator=bev_totaal"));
		assertThat(notYours.statusCode()).isEqualTo(400);
		assertThat(notYours.body()).contains("Alleen Mechelen kan dit sjabloon wijzigen.");

		String admin = "/mechelen/cijfers/beheer/themafiches";
		HttpResponse<String> unknown = mechelen.post(admin,
				form(mechelen, admin, "title=Onbekend&indicator=bestaat_niet&indicator=bev_totaal"));
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).contains("Geen gepubliceerde indicator van de gedeelde catalogus: bestaat_niet.");
		HttpResponse<String> taken = mechelen.post(admin,
				form(mechelen, admin, "title=" + enc("JONGEREN IN DE STAD") + "&indicator=bev_totaal"));
		assertThat(taken.statusCode()).isEqualTo(400);
		HttpResponse<String> none = mechelen.post(admin, form(mechelen, admin, "title=Leeg"));
		assertThat(none.statusCode()).isEqualTo(400);
		assertThat(none.body()).contains("Kies 1 tot 12 kerncijfers.");

		String sheetAdmin = admin + "?sheet=" + id;
		assertThat(mechelen.post(admin + "/" + id + "/tekst", form(mechelen, sheetAdmin, "version=-1&body=Eerste"))
			.statusCode()).isEqualTo(302);
		HttpResponse<String> stale = mechelen.post(admin + "/" + id + "/tekst",
				form(mechelen, sheetAdmin, "version=-1&body=Tweede"));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("heeft dit intussen gewijzigd");
		assertThat(jdbc.sql("select body from stats.theme_sheet_text where sheet_id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("Eerste");

		PageSession reader = PageSession.login(port, "lezer.mechelen");
		assertThat(reader.get(admin).statusCode()).isEqualTo(403);
		assertThat(sheets()).isEqualTo(before);
		assertThat(ApiClient.anonymous(port).get("/mechelen/cijfers/themafiches/999999").status()).isEqualTo(404);
	}

	private double cityValue(String slug, String nis, String period) {
		for (JsonNode c : ApiClient.anonymous(port)
			.get("/api/v1/" + slug + "/stats/observations?indicator=bev_totaal&level=gemeente&period=" + period)
			.json()) {
			if (c.get("area").asString().equals(nis)) {
				return c.get("value").asDouble();
			}
		}
		throw new AssertionError("no value for " + nis);
	}

}
