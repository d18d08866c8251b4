package be.obmi.hostile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.PublicRoutes;
import be.obmi.identity.UserAccounts;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import java.net.http.HttpHeaders;
import java.util.stream.Collectors;

/**
 * Every route the application maps (read from its own
 * {@code RequestMappingHandlerMapping}, every method of every pattern, so a route added
 * later is checked without editing this test) must match one access {@link Rule} below,
 * or the test fails: a new route needs a decision. For each route that is not public:
 * <ul>
 * <li>an anonymous visitor is refused: a page redirects to {@code /login}, an
 * {@code /api/**} route answers 401 — never 200 and never 500;</li>
 * <li>a user of another tenant (even its beheerder) gets 403;</li>
 * <li>a user of the tenant with the role just below the one the rule needs gets 403 (a
 * write may also be refused with 400/404/415 when the request is rejected before any
 * handler logic runs, never with a success);</li>
 * <li>for GET routes, a user with exactly the needed role is let through (not 401/403),
 * so the rules are not stricter than the application.</li>
 * </ul>
 * Public routes (the {@link PublicRoutes} beans and the fixed public list) must answer
 * anonymous GETs without a login redirect and without a 500. Every one of these responses
 * must carry the security headers ({@link HeadersHostileInputIntegrationTests#missing}).
 */
@ObmiIntegrationTest
class RouteAccessHostileInputIntegrationTests {

	static final String VICTIM = "mechelen";

	static final PathPatternParser PARSER = new PathPatternParser();

	/**
	 * Who may use a route; each level below {@code PUBLIC} includes the ones after it.
	 */
	enum Need {

		PUBLIC(null, null), LOGIN(null, null), LEZER("lezer." + VICTIM, null),
		BIJDRAGER("bijdrager." + VICTIM, "lezer." + VICTIM), REDACTEUR("redacteur." + VICTIM, "bijdrager." + VICTIM),
		BEHEERDER("beheerder." + VICTIM, "redacteur." + VICTIM), PLATFORM("platformbeheerder", "beheerder." + VICTIM),
		/** The Kenniscentrum's editors (an account flag, not a tenant role). */
		KENNISCENTRUM("kenniscentrum", "beheerder." + VICTIM),
		/** The tenant's data protection officer (a function beside the role). */
		DPO("dpo." + VICTIM, "redacteur." + VICTIM),
		/**
		 * A member with the function OWNER_DATA (PIRK's owner data): a mandate beside the
		 * role; a beheerder without it is refused.
		 */
		OWNER_DATA("leegstand." + VICTIM, "beheerder." + VICTIM),
		/**
		 * A member with the function SOCIAL_WORKER (hulpverlener of the
		 * Rechtenverkenner).
		 */
		SOCIAL_WORKER("hulpverlener." + VICTIM, "beheerder." + VICTIM),
		/**
		 * A member with the function ANALYST (analist: the population register's extracts
		 * and derivations); a beheerder without it is refused.
		 */
		ANALYST("analist." + VICTIM, "beheerder." + VICTIM);

		final String allowed;

		final String tooLow;

		Need(String allowed, String tooLow) {
			this.allowed = allowed;
			this.tooLow = tooLow;
		}

	}

	/**
	 * Methods (empty: any), a path pattern and what it needs; the first matching rule
	 * applies.
	 */
	record Rule(Set<HttpMethod> methods, PathPattern pattern, Need need) {

		static Rule of(String methods, String pattern, Need need) {
			Set<HttpMethod> set = new LinkedHashSet<>();
			if (!methods.equals("*")) {
				for (String method : methods.split(",")) {
					set.add(HttpMethod.valueOf(method));
				}
			}
			return new Rule(set, PARSER.parse(pattern), need);
		}

		boolean matches(Route route) {
			return (methods.isEmpty() || methods.contains(route.method()))
					&& pattern.matches(PathContainer.parsePath(route.path()));
		}

	}

	record Route(HttpMethod method, String pattern, String path) {

		boolean api() {
			return path.startsWith("/api/");
		}

		@Override
		public String toString() {
			return method + " " + pattern;
		}

	}

	/**
	 * Routes under a public pattern ({@code /{slug}/cijfers/**}) that their handler
	 * guards: the security filter lets anonymous visitors through and the handler refuses
	 * them. Tried before the public routes.
	 */
	static final List<Rule> GUARDED_INSIDE_PUBLIC = List.of(
			Rule.of("*", "/" + VICTIM + "/cijfers/beheer/**", Need.REDACTEUR),
			// the platform's own catalogue page: /platform/** comes first in the filter
			Rule.of("*", "/platform/cijfers/beheer", Need.PLATFORM),
			Rule.of("*", "/platform/cijfers/beheer/**", Need.PLATFORM),
			// buildings (B2): the comparison matrix and its exports are for any logged-in
			// member
			Rule.of("GET", "/schillenboek/vergelijking", Need.LOGIN),
			Rule.of("GET", "/schillenboek/vergelijking/**", Need.LOGIN));

	/**
	 * The access rules, in the order they are tried. Public routes of modules come from
	 * their PublicRoutes beans.
	 */
	static final List<Rule> RULES = List.of(
			// public by SecurityConfiguration's fixed list
			Rule.of("GET", "/", Need.PUBLIC), Rule.of("GET", "/login", Need.PUBLIC),
			Rule.of("*", "/error", Need.PUBLIC), Rule.of("GET", "/api/docs", Need.PUBLIC),
			Rule.of("GET", "/api/docs/**", Need.PUBLIC), Rule.of("GET", "/css/**", Need.PUBLIC),
			Rule.of("GET", "/" + VICTIM, Need.PUBLIC),
			// platform administration
			Rule.of("*", "/platform/**", Need.PLATFORM), Rule.of("*", "/api/v1/platform/**", Need.PLATFORM),
			// the Kenniscentrum's editors
			Rule.of("*", "/kenniscentrum/**", Need.KENNISCENTRUM),
			// datasources (A3): the Kenniscentrum's API of the Datapedia (joint data
			// requests)
			Rule.of("*", "/api/v1/kenniscentrum/**", Need.KENNISCENTRUM),
			// a user's own account
			Rule.of("*", "/account/**", Need.LOGIN),
			// tenant administration
			Rule.of("*", "/" + VICTIM + "/beheer", Need.BEHEERDER),
			Rule.of("*", "/" + VICTIM + "/beheer/**", Need.BEHEERDER),
			// privacy (P4): the DPO chooses which fields the public register shows
			Rule.of("GET,POST", "/" + VICTIM + "/privacy/zichtbaarheid", Need.DPO),
			// editors: imports, catalogue management, plan versions
			Rule.of("GET", "/" + VICTIM + "/plan/import", Need.REDACTEUR),
			Rule.of("GET", "/" + VICTIM + "/plan/toewijzingen", Need.REDACTEUR),
			Rule.of("GET", "/" + VICTIM + "/plan/versies/*", Need.REDACTEUR),
			// K1: the form of a new case of the city (its redacteurs write)
			Rule.of("GET", "/" + VICTIM + "/kennis/*/nieuw", Need.REDACTEUR),
			Rule.of("GET", "/api/v1/" + VICTIM + "/stats/imports/**", Need.REDACTEUR),
			// privacy register (P1): the DPO checks and publishes; redacteurs open the
			// edit forms
			Rule.of("POST", "/" + VICTIM + "/privacy/verwerkingen/*/nazien", Need.DPO),
			Rule.of("POST", "/" + VICTIM + "/privacy/verwerkingen/*/publiceren", Need.DPO),
			Rule.of("POST", "/" + VICTIM + "/privacy/verwerkingen/*/depubliceren", Need.DPO),
			Rule.of("GET", "/" + VICTIM + "/privacy/verwerkingen/nieuw", Need.REDACTEUR),
			Rule.of("GET", "/" + VICTIM + "/privacy/verwerkingen/*/bewerken", Need.REDACTEUR),
			// privacy P2: breaches and requests are confidential (DPO and redacteurs),
			// the deadlines the DPO's
			Rule.of("GET", "/" + VICTIM + "/privacy/overeenkomsten/nieuw", Need.REDACTEUR),
			Rule.of("GET", "/" + VICTIM + "/privacy/datalekken", Need.REDACTEUR),
			Rule.of("GET", "/" + VICTIM + "/privacy/datalekken/**", Need.REDACTEUR),
			Rule.of("GET", "/" + VICTIM + "/privacy/verzoeken", Need.REDACTEUR),
			Rule.of("GET", "/" + VICTIM + "/privacy/verzoeken/**", Need.REDACTEUR),
			Rule.of("GET", "/" + VICTIM + "/privacy/termijnen", Need.DPO),
			// contributors send status updates for their items in a round
			Rule.of("POST", "/" + VICTIM + "/plan/rondes/*/items/*", Need.BIJDRAGER),
			// K4: a city's housing-policy instruments: its redacteurs save and submit,
			// its members read
			Rule.of("POST", "/" + VICTIM + "/kennis/woonbeleid", Need.REDACTEUR),
			Rule.of("GET", "/" + VICTIM + "/kennis/woonbeleid", Need.LEZER),
			// K4: the rounds of the housing-policy instruments are for the
			// Kenniscentrum's editors
			Rule.of("*", "/kenniscentrum/woonbeleid/**", Need.KENNISCENTRUM),
			// K3b: the editors' news, agenda, featured study and visitor figures (the
			// portal's /kennis/** pages and feeds are public through
			// KnowledgePublicRoutes)
			Rule.of("*", "/kenniscentrum/nieuws/**", Need.KENNISCENTRUM),
			Rule.of("*", "/kenniscentrum/agenda/**", Need.KENNISCENTRUM),
			Rule.of("*", "/kenniscentrum/uitgelicht", Need.KENNISCENTRUM),
			Rule.of("*", "/kenniscentrum/bezoekers", Need.KENNISCENTRUM),
			// identity (SSO, #22): the identity provider is set by
			// the tenant's beheerder or the platform
			Rule.of("*", "/" + VICTIM + "/beheer/sso", Need.BEHEERDER),
			Rule.of("*", "/" + VICTIM + "/beheer/sso/**", Need.BEHEERDER), Rule.of("*", "/platform/sso", Need.PLATFORM),
			Rule.of("*", "/platform/sso/**", Need.PLATFORM),
			// every other write in a tenant is for editors
			// privacy (P3): only the DPO writes a DPIA's opinion, asks for a DPIA and
			// closes a maturity year;
			// a beheerder validates a DPIA or asks for changes
			Rule.of("POST", "/" + VICTIM + "/privacy/dpia/*/advies", Need.DPO),
			Rule.of("POST", "/" + VICTIM + "/privacy/dpia/*/dpo-vereist", Need.DPO),
			Rule.of("POST", "/" + VICTIM + "/privacy/maturiteit/*/afsluiten", Need.DPO),
			Rule.of("POST", "/" + VICTIM + "/privacy/dpia/*/valideren", Need.BEHEERDER),
			Rule.of("POST", "/" + VICTIM + "/privacy/dpia/*/aanpassingen", Need.BEHEERDER),
			// pirk (P1): members read the inventory, map, exports, imports and queue;
			// redacteurs import, undo and link queued entries
			Rule.of("GET", "/" + VICTIM + "/pirk", Need.LEZER),
			Rule.of("GET", "/" + VICTIM + "/pirk/objecten/*", Need.LEZER),
			Rule.of("GET", "/" + VICTIM + "/pirk/kaart.geojson", Need.LEZER),
			Rule.of("GET", "/" + VICTIM + "/pirk/export.*", Need.LEZER),
			Rule.of("GET", "/" + VICTIM + "/pirk/import", Need.LEZER),
			Rule.of("GET", "/" + VICTIM + "/pirk/wachtrij", Need.LEZER),
			Rule.of("POST", "/" + VICTIM + "/pirk/import", Need.REDACTEUR),
			Rule.of("POST", "/" + VICTIM + "/pirk/import/*/ongedaan", Need.REDACTEUR),
			Rule.of("POST", "/" + VICTIM + "/pirk/wachtrij/*/koppelen", Need.REDACTEUR),
			Rule.of("POST", "/" + VICTIM + "/pirk/wachtrij/*/nieuw-object", Need.REDACTEUR),
			Rule.of("POST", "/api/v1/" + VICTIM + "/pirk/import", Need.REDACTEUR),
			// pirk (P2): the forms of a new rule and of an inclusion are for redacteurs;
			// every other screening page is read by members, written by redacteurs
			Rule.of("GET", "/" + VICTIM + "/pirk/regels/nieuw", Need.REDACTEUR),
			Rule.of("GET", "/" + VICTIM + "/pirk/leegstandsregister/nieuw", Need.REDACTEUR),
			// pirk (P3): owner data (cases, owners, notes, letters) only with the
			// function OWNER_DATA, also for a beheerder; sending a campaign opens the
			// owners' cases; the log of reads of owner data is for the DPO (and the
			// beheerder); campaigns (objects, no owners) are read by members and made by
			// redacteurs; the public aggregates come from PirkPublicAggregateRoutes
			Rule.of("*", "/" + VICTIM + "/pirk/eigenaars", Need.OWNER_DATA),
			Rule.of("*", "/" + VICTIM + "/pirk/eigenaars/**", Need.OWNER_DATA),
			Rule.of("POST", "/" + VICTIM + "/pirk/campagnes/*/verzenden", Need.OWNER_DATA),
			Rule.of("GET", "/" + VICTIM + "/pirk/campagnes/*/brieven.csv", Need.OWNER_DATA),
			Rule.of("GET", "/" + VICTIM + "/pirk/toegangslog", Need.DPO),
			Rule.of("GET", "/" + VICTIM + "/pirk/campagnes/nieuw", Need.REDACTEUR),
			// rights: the forms of a city's own rights are for its redacteurs (the
			// questionnaire /{slug}/rechtenverkenner is public through
			// RightsPublicRoutes)
			// datasources (A3): the catalogue /datapedia is public
			// (DatapediaPublicRoutes); a
			// city's data team reads /{slug}/datapedia, its redacteurs open the forms
			Rule.of("GET", "/" + VICTIM + "/datapedia/bronnen/nieuw", Need.REDACTEUR),
			Rule.of("GET", "/" + VICTIM + "/datapedia/bronnen/*/bewerken", Need.REDACTEUR),
			Rule.of("GET", "/" + VICTIM + "/datapedia/aanvragen/nieuw", Need.REDACTEUR),
			Rule.of("GET", "/" + VICTIM + "/rechten/nieuw", Need.REDACTEUR),
			Rule.of("GET", "/" + VICTIM + "/rechten/*/bewerken", Need.REDACTEUR),
			// rights (R2): the social workers' questionnaire and their stored cases only
			// with the function SOCIAL_WORKER; the non-take-up batch and the use
			// statistics are for redacteurs
			Rule.of("*", "/" + VICTIM + "/rechtenverkenner/hulpverlener", Need.SOCIAL_WORKER),
			Rule.of("*", "/" + VICTIM + "/rechtenverkenner/hulpverlener/**", Need.SOCIAL_WORKER),
			Rule.of("GET", "/" + VICTIM + "/rechten/niet-gebruik", Need.REDACTEUR),
			Rule.of("GET", "/" + VICTIM + "/rechten/lpdc", Need.REDACTEUR),
			Rule.of("GET", "/" + VICTIM + "/rechten/gebruik", Need.REDACTEUR),
			// population (issue 21): the register's extracts and derivations only with
			// the function ANALYST, also for a beheerder (no route returns microdata:
			// PopulationMicrodataIntegrationTests)
			Rule.of("*", "/api/v1/" + VICTIM + "/bevolking/**", Need.ANALYST),
			Rule.of("POST,PUT,PATCH,DELETE", "/" + VICTIM + "/**", Need.REDACTEUR),
			Rule.of("POST,PUT,PATCH,DELETE", "/api/v1/" + VICTIM + "/**", Need.REDACTEUR),
			// every other read in a tenant is for its users
			Rule.of("GET", "/" + VICTIM + "/**", Need.LEZER), Rule.of("GET", "/api/v1/" + VICTIM + "/**", Need.LEZER),
			// buildings (B1): editing fiches is the Kenniscentrum's; the fiche pages and
			// the read API are public (BuildingsFichePublicRoutes); a members-only fiche
			// is 404 for anonymous visitors in the handlers
			Rule.of("*", "/kenniscentrum/schillenboek/**", Need.KENNISCENTRUM));

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UserAccounts accounts;

	@Autowired
	List<PublicRoutes> publicRoutes;

	final List<String> headerProblems = new ArrayList<>();

	@Test
	void everyRouteHasAnAccessRuleAndEveryNonPublicRouteRefusesAnonymousOtherTenantsAndTooLowRoles() throws Exception {
		List<Route> routes = routes();
		assertThat(routes).as("mapped routes").hasSizeGreaterThan(80);
		List<String> problems = new ArrayList<>();
		int guarded = 0;
		for (Route route : routes) {
			Need need = need(route);
			if (need == null) {
				problems.add(route + " has no access rule: decide who may use it and add a rule here");
				continue;
			}
			MockHttpServletResponse anonymous = perform(route, null);
			if (need == Need.PUBLIC) {
				if (!route.path().equals("/error") && (anonymous.getStatus() >= 500 || redirectsToLogin(anonymous)
						|| anonymous.getStatus() == 401 || anonymous.getStatus() == 403)) {
					problems.add(route + " is public but gave " + describe(anonymous) + " to anonymous");
				}
				continue;
			}
			guarded++;
			boolean refused = route.api() ? anonymous.getStatus() == 401 : redirectsToLogin(anonymous);
			if (!refused) {
				problems.add(route + " gave " + describe(anonymous) + " to anonymous, expected "
						+ (route.api() ? "401" : "a redirect to /login"));
			}
			if (need == Need.LOGIN) {
				continue;
			}
			MockHttpServletResponse intruder = perform(route, "beheerder.gent");
			if (intruder.getStatus() != 403) {
				problems.add(route + " gave " + describe(intruder) + " to beheerder.gent, expected 403");
			}
			if (need.tooLow != null) {
				MockHttpServletResponse tooLow = perform(route, need.tooLow);
				boolean writeRejected = route.method() != HttpMethod.GET
						&& Set.of(400, 404, 415).contains(tooLow.getStatus());
				if (tooLow.getStatus() != 403 && !writeRejected) {
					problems.add(route + " gave " + describe(tooLow) + " to " + need.tooLow + ", expected 403");
				}
			}
			if (route.method() == HttpMethod.GET) {
				MockHttpServletResponse allowed = perform(route, need.allowed);
				if (allowed.getStatus() == 401 || allowed.getStatus() == 403 || allowed.getStatus() >= 500) {
					problems.add(route + " gave " + describe(allowed) + " to " + need.allowed + ", who should get in");
				}
			}
		}
		assertThat(guarded).as("non-public routes checked").isGreaterThan(60);
		assertThat(problems).isEmpty();
		assertThat(headerProblems).as("security headers on every response").isEmpty();
	}

	@Test
	void aRouteWithoutARuleIsNoticed() {
		assertThat(need(new Route(HttpMethod.GET, "/geheim", "/geheim"))).isNull();
		assertThat(need(new Route(HttpMethod.DELETE, "/api/v2/x", "/api/v2/x"))).isNull();
	}

	private Need need(Route route) {
		for (Rule rule : GUARDED_INSIDE_PUBLIC) {
			if (rule.matches(route)) {
				return rule.need();
			}
		}
		for (PublicRoutes declared : publicRoutes) {
			for (String pattern : declared.patterns()) {
				if (route.method() == HttpMethod.GET
						&& PARSER.parse(pattern).matches(PathContainer.parsePath(route.path()))) {
					return Need.PUBLIC;
				}
			}
			for (String pattern : declared.anonymousPosts()) {
				if (route.method() == HttpMethod.POST
						&& PARSER.parse(pattern).matches(PathContainer.parsePath(route.path()))) {
					return Need.PUBLIC;
				}
			}
		}
		return RULES.stream().filter(rule -> rule.matches(route)).map(Rule::need).findFirst().orElse(null);
	}

	private static boolean redirectsToLogin(MockHttpServletResponse response) {
		return response.getStatus() == 302 && String.valueOf(response.getRedirectedUrl()).endsWith("/login");
	}

	private static String describe(MockHttpServletResponse response) {
		return response.getStatus() + (response.getRedirectedUrl() == null ? "" : " → " + response.getRedirectedUrl());
	}

	/** Performs the request and notes any security header missing from the response. */
	private MockHttpServletResponse perform(Route route, String username) throws Exception {
		var builder = request(route.method(), route.path()).with(csrf());
		if (username != null) {
			ObmiUser user = accounts.loadUserByUsername(username);
			builder.with(authentication(
					UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
		}
		MockHttpServletResponse response = mvc.perform(builder).andReturn().getResponse();
		HttpHeaders headers = HttpHeaders.of(
				response.getHeaderNames().stream().collect(Collectors.toMap(name -> name, response::getHeaders)),
				(name, value) -> true);
		headerProblems.addAll(HeadersHostileInputIntegrationTests
			.missing(route + " as " + username + " (" + response.getStatus() + ")", headers));
		return response;
	}

	/**
	 * Every mapped pattern with every method it accepts (GET and POST when it declares
	 * none); {@code {slug}} and {@code {scope}} become the victim tenant, other variables
	 * {@code 1}. A {@code {scope}} route is also checked as a platform route.
	 */
	private List<Route> routes() {
		Set<Route> routes = new LinkedHashSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
			List<HttpMethod> methods = declared.isEmpty() ? List.of(HttpMethod.GET, HttpMethod.POST)
					: declared.stream().map(m -> HttpMethod.valueOf(m.name())).toList();
			for (String pattern : info.getPatternValues()) {
				List<String> paths = new ArrayList<>();
				paths.add(pattern.replace("{slug}", VICTIM).replace("{scope}", VICTIM));
				if (pattern.contains("{scope}")) {
					paths.add(pattern.replace("{scope}", "platform"));
				}
				for (String path : paths) {
					for (HttpMethod method : methods) {
						routes.add(new Route(method, pattern, path.replaceAll("\\{\\*?[^}]+}", "1")));
					}
				}
			}
		}
		return new ArrayList<>(routes);
	}

}
