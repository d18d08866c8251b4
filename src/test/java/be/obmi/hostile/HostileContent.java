package be.obmi.hostile;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.UserAccounts;
import be.obmi.support.ApiClient;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A fresh tenant (Poperinge) filled through the real imports and forms with script
 * payloads and spreadsheet formulas in every text: plan item titles, descriptions and
 * owners, an indicator's name, source and remark, a status update's text and problems, a
 * round's name, a statistics indicator's name, theme, definition and source, and two
 * observations (one negative).
 */
final class HostileContent {

	static final String NIS = "33021";

	static final String SCRIPT = "<script>alert(1)</script>";

	static final String IMG = "\"><img src=x onerror=alert(1)>";

	static final String JS = "javascript:alert(1)";

	static final String HYPERLINK = "=HYPERLINK(\"http://evil.example\",\"klik\")";

	static final String AT = "@SUM(1+1)";

	static final String PLUS = "+3+4 telefoon";

	static final String MINUS = "-2+3 tekst";

	record Seeded(String slug, long roundId) {
	}

	private static Seeded seeded;

	private HostileContent() {
	}

	static String plan() {
		return """
				code;type;bovenliggende_code;titel;omschrijving;prioritair;beleidsveld;politiek_verantwoordelijke;ambtelijk_verantwoordelijke;startdatum;einddatum
				BD01;BD;;Doel %1$s;"%2$s %3$s";ja;0490;"%4$s";%5$s;2026-01-01;2031-12-31
				AP01.01;AP;BD01;%6$s;%7$s;ja;0490;Schepen %1$s;Dienst;;
				AC01.01.01;AC;AP01.01;"Actie %2$s";-12;ja;0490;%8$s;%3$s;2026-03-01;2027-12-31
				"""
			.formatted(SCRIPT, IMG.replace("\"", "\"\""), JS, HYPERLINK.replace("\"", "\"\""), AT, PLUS, MINUS,
					"\t=1+1");
	}

	/**
	 * Creates the tenant and its hostile content once per test run; later calls return
	 * what the first made.
	 */
	static synchronized Seeded seed(int port, MockMvc mvc, Tenants tenants, TransactionTemplate transaction,
			UserAccounts accounts) throws Exception {
		if (seeded != null) {
			return seeded;
		}
		Tenant tenant = tenants.bySlug("poperinge").orElseGet(() -> transaction.execute(s -> tenants.add(NIS, null)));
		String slug = tenant.slug();
		ApiClient admin = ApiClient.as(port, "platformbeheerder");
		var planImport = admin.upload("/api/v1/" + slug + "/plan/import", "plan.csv",
				plan().getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(planImport.status()).as(planImport.body()).isEqualTo(200);
		var indicators = admin.upload("/api/v1/" + slug + "/plan/indicatoren/import", "ind.csv",
				"""
						item_code;indicator_code;naam;soort;eenheid;richting;basiswaarde;jaar;streefwaarde;meetdatum;waarde;bron;opmerking
						AP01.01;EI01;Indicator %s;effect;%%;hoger;48;2027;55;2026-06-30;51,5;"%s";"%s"
						"""
					.formatted(SCRIPT, HYPERLINK.replace("\"", "\"\""), IMG.replace("\"", "\"\""))
					.getBytes(StandardCharsets.UTF_8),
				Map.of());
		assertThat(indicators.status()).as(indicators.body()).isEqualTo(200);
		var round = mvc
			.perform(post("/" + slug + "/plan/rondes").with(csrf())
				.with(as(accounts, "platformbeheerder"))
				.param("name", "Ronde " + SCRIPT)
				.param("scope", "ALL")
				.param("referenceDate", "2026-06-30")
				.param("deadline", "2026-07-31"))
			.andReturn()
			.getResponse();
		assertThat(round.getRedirectedUrl()).contains("/plan/rondes/");
		long roundId = Long.parseLong(round.getRedirectedUrl().replaceAll(".*/rondes/(\\d+).*", "$1"));
		var statuses = admin.upload("/api/v1/" + slug + "/plan/rondes/" + roundId + "/import", "st.csv", """
				code;status;voortgang;toelichting;knelpunten
				AC01.01.01;op schema;40;"Toelichting %s";%s
				""".formatted(IMG.replace("\"", "\"\""), SCRIPT).getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(statuses.status()).as(statuses.body()).isEqualTo(200);
		var catalogue = admin.upload("/api/v1/" + slug + "/stats/catalogue", "cat.csv", """
				code;naam;thema;definitie;eenheid;bron;aggregatie;gepubliceerd
				xss_ind;Naam %s;"Thema %s";"%s";inwoners;"%s";sum;ja
				""".formatted(SCRIPT, IMG.replace("\"", "\"\""), HYPERLINK.replace("\"", "\"\""), AT)
			.getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(catalogue.status()).as(catalogue.body()).isEqualTo(200);
		var values = admin.upload("/api/v1/" + slug + "/stats/import", "obs.csv", """
				indicator;gebied;niveau;periode;waarde
				xss_ind;%1$s;gemeente;2023;-15
				xss_ind;%1$s;gemeente;2024;20000
				""".formatted(NIS).getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(values.status()).as(values.body()).isEqualTo(200);
		seeded = new Seeded(slug, roundId);
		return seeded;
	}

	static RequestPostProcessor as(UserAccounts accounts, String username) {
		ObmiUser user = accounts.loadUserByUsername(username);
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

}
