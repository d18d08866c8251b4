package be.obmi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.UserAccounts;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * A user of one tenant gets no more of another tenant than an anonymous visitor: for
 * every tenant route (a path with a {@code {slug}} or {@code {scope}} variable) the
 * application has (read from its own request mappings, so routes added later are covered
 * without editing this test), a request that an anonymous visitor is refused is refused
 * with 403 for a user of another tenant, even a beheerder there. Module-specific tests
 * check the data behind public routes.
 */
@ObmiIntegrationTest
class TenantIsolationIntegrationTests {

	static final String VICTIM = "mechelen";

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UserAccounts accounts;

	record Route(HttpMethod method, String path) {
	}

	@Test
	void everyTenantRouteRefusesAnotherTenantsUsersWhereItRefusesAnonymous() throws Exception {
		ObmiUser intruder = accounts.loadUserByUsername("beheerder.gent");
		List<Route> routes = tenantRoutes();
		assertThat(routes).as("tenant routes found").hasSizeGreaterThan(5);
		List<String> leaks = new ArrayList<>();
		int guarded = 0;
		for (Route route : routes) {
			int anonymous = perform(route, null).getResponse().getStatus();
			boolean refusedToAnonymous = anonymous == 401 || anonymous == 403 || (anonymous == 302
					&& String.valueOf(perform(route, null).getResponse().getRedirectedUrl()).contains("/login"));
			if (!refusedToAnonymous) {
				continue;
			}
			guarded++;
			int status = perform(route, intruder).getResponse().getStatus();
			if (status != 403) {
				leaks.add(route + " gave " + status + " to beheerder.gent");
			}
		}
		assertThat(guarded).as("guarded routes checked").isGreaterThan(5);
		assertThat(leaks).isEmpty();
	}

	@Test
	void usersOfTheTenantItselfGetIn() throws Exception {
		ObmiUser admin = accounts.loadUserByUsername("beheerder." + VICTIM);
		assertThat(perform(new Route(HttpMethod.GET, "/" + VICTIM + "/beheer/gebruikers"), admin).getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(
				perform(new Route(HttpMethod.GET, "/api/v1/" + VICTIM + "/account"), admin).getResponse().getStatus())
			.isEqualTo(200);
	}

	private MvcResult perform(Route route, ObmiUser user) throws Exception {
		var builder = request(route.method(), route.path()).with(csrf());
		if (user != null) {
			builder.with(authentication(
					UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
		}
		return mvc.perform(builder).andReturn();
	}

	/**
	 * Every mapped route with a {slug} variable, for each of its methods, with slug = the
	 * victim tenant.
	 */
	private List<Route> tenantRoutes() {
		Set<Route> routes = new LinkedHashSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (!pattern.contains("{slug}") && !pattern.contains("{scope}")) {
					continue;
				}
				String path = pattern.replace("{slug}", VICTIM)
					.replace("{scope}", VICTIM)
					.replaceAll("\\{\\*?[^}]+}", "1");
				if (methods.isEmpty()) {
					routes.add(new Route(HttpMethod.GET, path));
					routes.add(new Route(HttpMethod.POST, path));
				}
				for (RequestMethod method : methods) {
					routes.add(new Route(HttpMethod.valueOf(method.name()), path));
				}
			}
		}
		return new ArrayList<>(routes);
	}

}
