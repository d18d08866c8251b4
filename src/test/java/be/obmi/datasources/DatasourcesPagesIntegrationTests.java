package be.obmi.datasources;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Datapedia's pages with real sessions: Gent's redacteur adds a source and drafts a
 * request, Brugge's redacteur joins it, the Kenniscentrum takes the steps and imports the
 * delivered file on the request's page (a refused file shows its rows and reasons after
 * the redirect, the imported one each city's result).
 */
@ObmiIntegrationTest
class DatasourcesPagesIntegrationTests {

	@LocalServerPort
	int port;

	static String form(String... pairs) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < pairs.length; i += 2) {
			body.append(i == 0 ? "" : "&")
				.append(pairs[i])
				.append('=')
				.append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
		}
		return body.toString();
	}

	static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		return response.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
	}

	@Test
	void aRequestFromDraftToImportedThroughThePages() {
		String code = "a3_page_" + System.nanoTime() % 100000;
		PageSession gent = PageSession.login(port, "redacteur.gent");
		String source = location(gent.post("/gent/datapedia/bronnen/nieuw",
				form("_csrf", token(gent, "/gent/datapedia/bronnen/nieuw"), "code", code.replace('_', '-'), "name",
						"Paginabron " + code, "supplier", "Stad Gent", "detailLevel", "SECTOR", "periodicity", "ANNUAL",
						"nextDelivery", "2026-04-01", "indicators", "bev_totaal, woningen", "publicSource", "true")));
		assertThat(source).startsWith("/datapedia/bronnen/");
		assertThat(gent.get(source).body()).contains("Paginabron " + code)
			.contains("01-04-2026")
			.contains("bev_totaal");

		String request = location(gent.post("/gent/datapedia/aanvragen",
				form("_csrf", token(gent, "/gent/datapedia/aanvragen/nieuw"), "title", "Paginaverzoek " + code,
						"supplier", "Statbel", "sourceId", "", "description", "Cijfers per sector", "detailLevel",
						"SECTOR", "periodFrom", "2024", "periodTo", "2024")));
		assertThat(request).startsWith("/gent/datapedia/aanvragen/");
		String id = request.substring(request.lastIndexOf('/') + 1);

		PageSession brugge = PageSession.login(port, "redacteur.brugge");
		String page = "/brugge/datapedia/aanvragen/" + id;
		location(brugge.post(page + "/deelnemen", form("_csrf", token(brugge, page))));
		assertThat(brugge.get(page).body()).contains("Brugge").contains("Gent");

		PageSession centre = PageSession.login(port, "kenniscentrum");
		String base = "/kenniscentrum/datapedia/aanvragen/" + id;
		location(centre.post(base + "/stap", form("_csrf", token(centre, base), "naar", "SENT")));
		location(centre.post(base + "/stap",
				form("_csrf", token(centre, base), "naar", "ANSWERED", "antwoord", "Akkoord")));
		location(centre.post(base + "/stap", form("_csrf", token(centre, base), "naar", "DELIVERED")));
		String wrong = "indicator;gebied;periode;waarde\n" + code + ";44021;2024;1x\n" + code + ";31005;2024;2\n";
		location(centre.upload(base + "/import?_csrf=" + token(centre, base), "levering.csv",
				wrong.getBytes(StandardCharsets.UTF_8)));
		String refused = centre.get(base).body();
		assertThat(refused).contains("id=\"import-errors\"").contains("Gent: ");
		String right = wrong.replace("1x", "1");
		location(centre.upload(base + "/import?_csrf=" + token(centre, base), "levering.csv",
				right.getBytes(StandardCharsets.UTF_8)));
		String imported = centre.get(base).body();
		assertThat(imported).contains("id=\"request-imports\"").contains("Gent").contains("Brugge");
		assertThat(imported).doesNotContain("id=\"import-form\"");
	}

	private static String token(PageSession session, String path) {
		return URLDecoder.decode(session.csrf(path), StandardCharsets.UTF_8);
	}

}
