package be.obmi.population;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.TenantMembers;
import be.obmi.identity.UserAccounts;
import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 21, acceptance 1: no route or API returns a microdata row, and a national
 * register number is refused with a clear error that does not repeat it. With an extract
 * of 2,000 fictitious residents imported into Nijlen (12026, used by no other test),
 * every GET route of the application (read from its request mappings, so a route added
 * later is checked too; the tenant's slug filled in, other variables {@code 1}) is
 * requested as the tenant's analyst and as anonymous, and no answer may hold a person,
 * household or address key, a pseudonym or a street of the extract.
 */
@ObmiIntegrationTest
class PopulationMicrodataIntegrationTests {

	static final String NIS = "12026";

	static Tenant tenant;

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	TenantMembers members;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@BeforeEach
	void importAnExtract() {
		if (tenant != null) {
			return;
		}
		Tenant t = PopulationTestTenants.tenant(tenants, members, jdbc, NIS);
		ResidentGenerator generator = new ResidentGenerator(26, PopulationTestTenants.sectors(jdbc, NIS), "2560");
		StringWriter csv = new StringWriter();
		generator.first(2_000, LocalDate.of(2025, 1, 1), csv);
		ApiClient.Response response = ApiClient.as(port, "analist." + t.slug())
			.upload("/api/v1/" + t.slug() + "/bevolking/extracten", "extract.csv",
					csv.toString().getBytes(StandardCharsets.UTF_8), Map.of("peildatum", "2025-01-01"));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		tenant = t;
	}

	@Test
	void noRouteAnswersAMicrodataRow() throws Exception {
		List<String> pseudonyms = jdbc.sql("""
				select encode(person_key, 'hex') from population.person where tenant_id = ? limit 50""")
			.param(tenant.id())
			.query(String.class)
			.list();
		pseudonyms.addAll(jdbc.sql("""
				select encode(address_key, 'hex') from population.person where tenant_id = ? limit 20""")
			.param(tenant.id())
			.query(String.class)
			.list());
		assertThat(pseudonyms).hasSize(70);
		ObmiUser analyst = accounts.loadUserByUsername("analist." + tenant.slug());
		List<String> problems = new ArrayList<>();
		int checked = 0;
		for (String path : paths()) {
			for (ObmiUser user : new ObmiUser[] { analyst, null }) {
				var request = get(path);
				if (user != null) {
					request.with(authentication(
							UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
				}
				MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
				String body = response.getContentAsString(StandardCharsets.UTF_8);
				checked++;
				for (String leak : List.of("P0000", "H0000", "Proefstraat")) {
					if (body.contains(leak)) {
						problems.add(path + " shows " + leak);
					}
				}
				for (String pseudonym : pseudonyms) {
					if (body.contains(pseudonym) || body.contains(pseudonym.toUpperCase())) {
						problems.add(path + " shows a pseudonym");
					}
				}
			}
		}
		assertThat(checked).isGreaterThan(100);
		assertThat(problems).isEmpty();
	}

	@Test
	void aNationalRegisterNumberColumnIsRefusedWithRowAndColumnAndNeverRepeated() {
		String number = ResidentGenerator.nationalNumber("900215", "117", false);
		String dotted = number.substring(0, 2) + "." + number.substring(2, 4) + "." + number.substring(4, 6) + "-"
				+ number.substring(6, 9) + "." + number.substring(9);
		String csv = ResidentGenerator.HEADER.replace("\n", ";rijksregisternummer\n")
				+ "P1;1990-02-15;V;BE;H1;alleenstaand;referentiepersoon;Kerkstraat;1;2560;12026A00-;2015-03-01;ongehuwd;;;"
				+ dotted + "\n"
				+ "P2;1990-02-15;V;BE;H2;alleenstaand;referentiepersoon;Kerkstraat;2;2560;12026A00-;2015-03-01;ongehuwd;;;"
				+ number + "\n";
		long before = jdbc.sql("select count(*) from population.snapshot where tenant_id = ?")
			.param(tenant.id())
			.query(Long.class)
			.single();
		ApiClient.Response refused = ApiClient.as(port, "analist." + tenant.slug())
			.upload("/api/v1/" + tenant.slug() + "/bevolking/extracten", "met-rrn.csv",
					csv.getBytes(StandardCharsets.UTF_8), Map.of("peildatum", "2026-01-01"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors")).hasSize(2);
		assertThat(refused.json().get("errors").get(0).get("row").asInt()).isEqualTo(2);
		assertThat(refused.json().get("errors").get(0).get("column").asString()).isEqualTo("rijksregisternummer");
		assertThat(refused.json().get("errors").get(1).get("row").asInt()).isEqualTo(3);
		assertThat(refused.body()).containsIgnoringCase("rijksregisternummer")
			.doesNotContain(number)
			.doesNotContain(dotted)
			.doesNotContain(number.substring(0, 6));
		assertThat(jdbc.sql("select count(*) from population.snapshot where tenant_id = ?")
			.param(tenant.id())
			.query(Long.class)
			.single()).as("nothing stored").isEqualTo(before);
	}

	/** Every GET pattern of the application with the tenant's slug, other variables 1. */
	private Set<String> paths() {
		Set<String> paths = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				continue;
			}
			for (String pattern : info.getPatternValues()) {
				if (pattern.contains("{slug}") || pattern.contains("{scope}") || pattern.contains("{tenant}")) {
					paths.add(pattern.replace("{slug}", tenant.slug())
						.replace("{scope}", tenant.slug())
						.replace("{tenant}", tenant.slug())
						.replaceAll("\\{\\*?[^}]+}", "1"));
				}
			}
		}
		return paths;
	}

}
