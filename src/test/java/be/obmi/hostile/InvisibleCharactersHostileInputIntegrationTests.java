package be.obmi.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, point 9: bidirectional overrides and zero-width characters do not reach
 * public pages: names brought in by a file import and by a form are stored and shown
 * without them.
 */
@ObmiIntegrationTest
class InvisibleCharactersHostileInputIntegrationTests {

	static final String SNEAKY = "Gent\u202Elave\u200B\u2066x\u2069\uFEFF";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void namesFromImportsAndFormsLoseTheirInvisibleCharacters() {
		ApiClient editor = ApiClient.as(port, "redacteur.genk");
		String catalogue = "code;naam;aggregatie;gepubliceerd\nonzichtbaar_proef;" + SNEAKY + ";sum;ja\n";
		assertThat(editor
			.upload("/api/v1/genk/stats/catalogue", "c.csv", catalogue.getBytes(StandardCharsets.UTF_8), Map.of())
			.status()).isEqualTo(200);
		assertThat(editor
			.upload("/api/v1/genk/stats/import", "d.csv",
					"indicator;gebied;niveau;periode;waarde\nonzichtbaar_proef;71016;gemeente;2024;123\n"
						.getBytes(StandardCharsets.UTF_8),
					Map.of())
			.status()).isEqualTo(200);
		String name = jdbc.sql("select name from stats.indicator where code = 'onzichtbaar_proef'")
			.query(String.class)
			.single();
		assertThat(name).isEqualTo("Gentlavex");
		String page = ApiClient.anonymous(port).get("/genk/cijfers/indicator/onzichtbaar_proef").body();
		assertThat(page).contains("Gentlavex")
			.doesNotContain("\u202E")
			.doesNotContain("\u200B")
			.doesNotContain("\u2066");

		PageSession holder = PageSession.login(port, "lezer.genk");
		String csrf = holder.csrf("/account");
		holder.post("/account", "displayName=" + URLEncoder.encode(SNEAKY, StandardCharsets.UTF_8)
				+ "&email=&currentPassword=demo&newPassword=&repeatPassword=&_csrf=" + csrf);
		assertThat(jdbc.sql("select display_name from identity.user_account where username = 'lezer.genk'")
			.query(String.class)
			.single()).isEqualTo("Gentlavex");
		jdbc.sql("update identity.user_account set display_name = 'Lezer Genk (demo)' where username = 'lezer.genk'")
			.update();
	}

}
