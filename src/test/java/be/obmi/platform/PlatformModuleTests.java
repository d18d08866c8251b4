package be.obmi.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import be.obmi.audit.AuditTrail;
import be.obmi.identity.PublicRoutes;
import be.obmi.tenancy.Tenants;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform module with its neighbours ({@code DIRECT_DEPENDENCIES}: tenancy and
 * audit, whose beans its web configuration uses; identity is used for types only) against
 * the real embedded PostgreSQL it configures itself: the public response cache, which
 * must never serve an answer older than the tenant's last committed change, and the
 * message bundles it collects from every module.
 * <p>
 * The cache is driven directly as the servlet filter it is; the public route is declared
 * by this test ({@link StatisticsRoute}), as stats would declare it.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class PlatformModuleTests {

	@Autowired
	PublicResponseCache cache;

	@Autowired
	AuditTrail audit;

	@Autowired
	Tenants tenants;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPublicAnswerIsReplayedUntilTheTenantsDataChanges() throws Exception {
		long mechelen = tenants.require("mechelen").id();
		long gent = tenants.require("gent").id();
		MockHttpServletResponse first = get("/mechelen/cijfers", "Bevolking: 86.921");
		assertThat(first.getHeader(PublicResponseCache.STATUS_HEADER)).isEqualTo("miss");
		MockHttpServletResponse replayed = get("/mechelen/cijfers", "rendered again");
		assertThat(replayed.getHeader(PublicResponseCache.STATUS_HEADER)).isEqualTo("hit");
		assertThat(replayed.getContentAsString()).isEqualTo("Bevolking: 86.921");
		assertThat(replayed.getHeader("ETag")).isEqualTo(first.getHeader("ETag"));

		changeCommitted(gent);
		assertThat(get("/mechelen/cijfers", "rendered again").getContentAsString())
			.as("another tenant's change leaves the answer current")
			.isEqualTo("Bevolking: 86.921");

		changeCommitted(mechelen);
		MockHttpServletResponse after = get("/mechelen/cijfers", "Bevolking: 87.012");
		assertThat(after.getHeader(PublicResponseCache.STATUS_HEADER)).isEqualTo("miss");
		assertThat(after.getContentAsString()).isEqualTo("Bevolking: 87.012");
	}

	@Test
	void aChangeThatIsRolledBackKeepsTheAnswer() throws Exception {
		long gent = tenants.require("gent").id();
		get("/gent/cijfers", "Bevolking: 265.086");
		transaction.executeWithoutResult(status -> {
			audit.created(gent, "cijferimport", "rollback", "teruggedraaid.csv", List.of());
			status.setRollbackOnly();
		});
		assertThat(get("/gent/cijfers", "rendered again").getContentAsString()).isEqualTo("Bevolking: 265.086");
	}

	@Test
	void requestsWithCredentialsAndRoutesThatAreNotPublicAreNeverStored() throws Exception {
		MockHttpServletRequest withBasic = request("/mechelen/cijfers");
		withBasic.addHeader("Authorization", "Basic cmVkYWN0ZXVyLm1lY2hlbGVuOmRlbW8=");
		MockHttpServletResponse answer = new MockHttpServletResponse();
		cache.doFilter(withBasic, answer, render("voor redacteur.mechelen"));
		assertThat(answer.getHeader(PublicResponseCache.STATUS_HEADER)).isNull();
		assertThat(get("/mechelen/plan", "plan van mechelen").getHeader(PublicResponseCache.STATUS_HEADER)).isNull();
		assertThat(get("/mechelen/plan", "plan, opnieuw").getContentAsString()).isEqualTo("plan, opnieuw");
	}

	@Test
	void everyModulesBundleIsReadInDutchAndEnglish() {
		assertThat(messages.getMessage("import.rejected", null, Locale.forLanguageTag("nl-BE")))
			.isEqualTo("Het bestand is geweigerd; er is niets gewijzigd.");
		assertThat(messages.getMessage("import.rejected", null, Locale.ENGLISH))
			.isEqualTo("The file was refused; nothing was changed.");
		assertThat(messages.getMessage("plan.dashboard.planProgress", null, Locale.forLanguageTag("nl-BE")))
			.isEqualTo("Voortgang van het plan");
	}

	@Test
	void theEmbeddedDatabaseHoldsEveryModulesSchema() {
		assertThat(jdbc.sql("select nspname from pg_namespace").query(String.class).list()).contains("tenancy",
				"identity", "audit", "plan", "stats", "finance", "warehouse_meta");
		assertThat(jdbc.sql("select count(*) from tenancy.tenant").query(Long.class).single()).isEqualTo(14);
	}

	private void changeCommitted(long tenantId) {
		transaction.executeWithoutResult(
				status -> audit.created(tenantId, "cijferimport", "test", "fietstellingen.csv", List.of()));
	}

	private MockHttpServletResponse get(String path, String body) throws IOException, ServletException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		cache.doFilter(request(path), response, render(body));
		return response;
	}

	private static MockHttpServletRequest request(String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setServletPath(path);
		return request;
	}

	private static FilterChain render(String body) {
		return (request, response) -> {
			response.setContentType("text/html;charset=UTF-8");
			response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
		};
	}

	/** The public route stats declares for its site. */
	@TestConfiguration(proxyBeanMethods = false)
	static class StatisticsRoute {

		@Bean
		StatisticsRoutes statisticsRoutes() {
			return new StatisticsRoutes();
		}

	}

	static class StatisticsRoutes implements PublicRoutes {

		@Override
		public List<String> patterns() {
			return List.of("/{slug}/cijfers");
		}

	}

}
