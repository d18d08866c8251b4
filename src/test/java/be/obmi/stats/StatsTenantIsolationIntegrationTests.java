package be.obmi.stats;

import java.nio.charset.StandardCharsets;

import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user of one city can neither read nor change another city's unpublished indicators,
 * observations or imports, through any stats page or endpoint; anonymous visitors see
 * only published indicators.
 */
@ObmiIntegrationTest
class StatsTenantIsolationIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void anotherCitysDraftsObservationsAndImportsStayHidden() {
		StatsHttp http = new StatsHttp(port);
		String csv = "indicator;gebied;periode;waarde\noostende_geheim;35013;2024;42\n";
		StatsHttp.Response imported = http.upload("oostende", "redacteur.oostende", "geheim.csv",
				csv.getBytes(StandardCharsets.UTF_8), true);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		long importId = imported.json().get("importId").asLong();
		String read = "/api/v1/oostende/stats/observations?indicator=oostende_geheim&level=gemeente&period=2024";

		// the owner's own members see the draft
		assertThat(http.get(read, "lezer.oostende").status()).isEqualTo(200);
		assertThat(http.get(read, "lezer.oostende").body()).contains("42");
		assertThat(http.get("/api/v1/oostende/stats/indicators", "lezer.oostende").body()).contains("oostende_geheim");
		assertThat(http.get("/oostende/cijfers/indicator/oostende_geheim", "lezer.oostende").status()).isEqualTo(200);

		for (String user : new String[] { "beheerder.kortrijk", "redacteur.genk", null }) {
			// reading through the other city's scope
			assertThat(http.get(read, user).status()).as(user).isEqualTo(404);
			assertThat(http.get("/api/v1/oostende/stats/indicators", user).body()).as(user)
				.doesNotContain("oostende_geheim");
			assertThat(http.get("/oostende/cijfers/indicator/oostende_geheim", user).status()).as(user).isIn(404);
			assertThat(http.get("/oostende/cijfers/indicator/oostende_geheim/download?niveau=gemeente", user).status())
				.as(user)
				.isEqualTo(404);
			assertThat(http.get("/api/v1/oostende/stats/imports", user).status()).as(user).isIn(401, 403);
			if (user != null) {
				assertThat(http.get("/oostende/cijfers/beheer", user).status()).as(user).isEqualTo(403);
				assertThat(http.post("/oostende/cijfers/beheer/import/" + importId + "/ongedaan", user).status())
					.as(user)
					.isEqualTo(403);
			}
			assertThat(http.get("/api/v1/oostende/stats/imports/" + importId, user).status()).as(user).isIn(401, 403);
			// changing it
			assertThat(http.post("/api/v1/oostende/stats/imports/" + importId + "/undo", user).status()).as(user)
				.isIn(401, 403);
			assertThat(
					http.post("/api/v1/oostende/stats/indicators/oostende_geheim/published?value=true", user).status())
				.as(user)
				.isIn(401, 403);
			assertThat(http
				.upload("oostende", user, "x.csv", csv.replace("42", "1").getBytes(StandardCharsets.UTF_8), true)
				.status()).as(user).isIn(401, 403);
			// reaching it through the user's own scope
			if (user != null) {
				String own = user.substring(user.indexOf('.') + 1);
				assertThat(http
					.get("/api/v1/" + own + "/stats/observations?indicator=oostende_geheim&level=gemeente&period=2024",
							user)
					.status()).as(user).isEqualTo(404);
				assertThat(http.get("/" + own + "/cijfers/indicator/oostende_geheim", user).status()).as(user)
					.isEqualTo(404);
				assertThat(http.get("/api/v1/" + own + "/stats/imports/" + importId, user).status()).as(user)
					.isEqualTo(404);
				assertThat(http.post("/api/v1/" + own + "/stats/imports/" + importId + "/undo", user).status()).as(user)
					.isEqualTo(404);
				assertThat(http.post("/api/v1/" + own + "/stats/indicators/oostende_geheim/published?value=true", user)
					.status()).as(user).isIn(400, 403);
			}
		}
		// a tenant's redacteur cannot see or publish platform drafts
		assertThat(http.get("/api/v1/platform/stats/imports", "beheerder.oostende").status()).isEqualTo(403);
		// nothing changed: the value is still there and the indicator still a draft
		assertThat(http.get(read, "lezer.oostende").body()).contains("42");
		assertThat(http.get(read, null).status()).isEqualTo(404);
	}

}
