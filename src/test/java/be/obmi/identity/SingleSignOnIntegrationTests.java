package be.obmi.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import com.nimbusds.jose.JOSEObjectType;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Single sign-on with OpenID Connect against a real OpenID Connect server
 * (mock-oauth2-server) started here: Gent and Aalst each get their own provider (issuers
 * {@code gent-idp} and {@code aalst-idp}); a browser is played by an HTTP client that
 * keeps cookies and follows the redirects by hand. Covers login, linking by verified
 * e-mail, just-in-time accounts without a role, the group mapping, refused tokens (wrong
 * audience, wrong issuer), the trust rules (Gent's provider cannot log anyone into Aalst,
 * no platform admin through a tenant's provider), RP-initiated logout and the sealed
 * client secret.
 */
@ObmiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleSignOnIntegrationTests {

	static final String SECRET = "gent-client-secret-" + UUID.randomUUID();

	final MockOAuth2Server idp = new MockOAuth2Server();

	@LocalServerPort
	int port;

	@Autowired
	SsoProviders providers;

	@Autowired
	TenantMembers members;

	@Autowired
	Tenants tenants;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	Tenant gent;

	Tenant aalst;

	@BeforeAll
	void startProviders() {
		idp.start();
		gent = tenants.require("gent");
		aalst = tenants.require("aalst");
		providers.save(gent, new SsoProviderForm(issuer("gent-idp"), "obmi-gent", SECRET, "sub", "groups",
				"obmi-beheer = beheerder\nobmi-redactie = redacteur", true, null));
		providers.save(aalst,
				new SsoProviderForm(issuer("aalst-idp"), "obmi-aalst", "aalst-secret", "sub", "", "", true, null));
	}

	@AfterAll
	void stopProviders() {
		providers.remove(gent);
		providers.remove(aalst);
		idp.shutdown();
	}

	String issuer(String id) {
		return idp.issuerUrl(id).toString();
	}

	@Test
	void aPersonWithoutAccountGetsOneJustInTimeWithoutRoleAndLaterLoginsFollowTheLink() throws Exception {
		String subject = "jit-" + UUID.randomUUID();
		Visitor visitor = new Visitor();
		String landing = visitor.loginThrough("gent", "gent-idp", subject, "obmi-gent",
				Map.of("email", subject + "@gent.test", "email_verified", true, "name", "Jan Just-in-time"));
		assertThat(landing).doesNotContain("/login");
		long userId = linkedAccount(gent, issuer("gent-idp"), subject);
		AccountDetails account = accounts.details(userId).orElseThrow();
		assertThat(account.username()).isEqualTo("gent:" + subject);
		assertThat(account.displayName()).isEqualTo("Jan Just-in-time");
		assertThat(account.roles()).isEmpty();
		assertThat(visitor.get("/gent/beheer").statusCode()).isEqualTo(403);
		assertThat(visitor.get("/account").statusCode()).isEqualTo(200);

		// the next login follows the link, whatever the e-mail now says
		Visitor again = new Visitor();
		again.loginThrough("gent", "gent-idp", subject, "obmi-gent",
				Map.of("email", "other-" + subject + "@gent.test", "email_verified", true));
		assertThat(linkedAccount(gent, issuer("gent-idp"), subject)).isEqualTo(userId);
		assertThat(jdbc.sql("select count(*) from identity.user_account where lower(username) like ?")
			.param("gent:" + subject + "%")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aVerifiedEmailLinksToTheExistingMemberOfThatTenant() throws Exception {
		EmailLogin login = loginWithTheEmailOfANewGentMember(Role.REDACTEUR, true);
		assertThat(login.linked()).isEqualTo(login.member().id());
		assertThat(login.visitor().get("/gent/beheer").statusCode()).isEqualTo(403);
		assertThat(login.visitor().get("/gent/plan").statusCode()).isLessThan(400);
	}

	@Test
	void anUnverifiedEmailNeverLinks() throws Exception {
		EmailLogin login = loginWithTheEmailOfANewGentMember(Role.BEHEERDER, false);
		assertThat(login.linked()).isNotEqualTo(login.member().id());
		assertThat(login.visitor().get("/gent/beheer").statusCode()).isEqualTo(403);
	}

	/** A login through Gent's provider and the account it was linked to. */
	record EmailLogin(UserAccount member, long linked, Visitor visitor) {
	}

	/**
	 * A new member of Gent with the role, then a login through Gent's provider of a new
	 * subject with that member's e-mail address (in capitals when verified: the address
	 * is compared without case).
	 */
	EmailLogin loginWithTheEmailOfANewGentMember(Role role, boolean verified) throws Exception {
		String name = "sso.email." + UUID.randomUUID().toString().substring(0, 8);
		String email = name + "@gent.test";
		UserAccount member = members.createAccount(gent,
				new UserForm(name, "Eva E-mail", email, role, "lang-genoeg-wachtwoord"));
		String subject = "email-" + UUID.randomUUID();
		Visitor visitor = new Visitor();
		visitor.loginThrough("gent", "gent-idp", subject, "obmi-gent",
				Map.of("email", verified ? email.toUpperCase() : email, "email_verified", verified));
		return new EmailLogin(member, linkedAccount(gent, issuer("gent-idp"), subject), visitor);
	}

	@Test
	void theGroupMappingGivesTheRoleAndLandsOnTheTenant() throws Exception {
		String subject = "group-" + UUID.randomUUID();
		Visitor visitor = new Visitor();
		String landing = visitor.loginThrough("gent", "gent-idp", subject, "obmi-gent",
				Map.of("groups", List.of("iets-anders", "obmi-beheer"), "name", "Gert Groep"));
		assertThat(landing).contains("/gent");
		assertThat(visitor.get("/gent/beheer").statusCode()).isEqualTo(200);
		AccountDetails account = accounts.details(linkedAccount(gent, issuer("gent-idp"), subject)).orElseThrow();
		assertThat(account.roles()).containsEntry("gent", Role.BEHEERDER);

		String editor = "group-" + UUID.randomUUID();
		Visitor second = new Visitor();
		second.loginThrough("gent", "gent-idp", editor, "obmi-gent", Map.of("groups", "obmi-redactie"));
		assertThat(accounts.details(linkedAccount(gent, issuer("gent-idp"), editor)).orElseThrow().roles())
			.containsEntry("gent", Role.REDACTEUR);
		assertThat(second.get("/gent/beheer").statusCode()).isEqualTo(403);
	}

	@Test
	void gentsProviderCannotLogAnyoneIntoAalst() throws Exception {
		// an Aalst beheerder's verified e-mail, vouched for by Gent's provider: no link
		// to that account
		String name = "sso.aalst." + UUID.randomUUID().toString().substring(0, 8);
		UserAccount aalster = members.createAccount(aalst,
				new UserForm(name, "Aalst Beheerder", name + "@aalst.test", Role.BEHEERDER, "lang-genoeg-wachtwoord"));
		String subject = "takeover-" + UUID.randomUUID();
		Visitor visitor = new Visitor();
		visitor.loginThrough("gent", "gent-idp", subject, "obmi-gent",
				Map.of("email", name + "@aalst.test", "email_verified", true, "groups", "obmi-beheer"));
		assertThat(linkedAccount(gent, issuer("gent-idp"), subject)).isNotEqualTo(aalster.id());
		assertThat(visitor.get("/aalst/beheer").statusCode()).isEqualTo(403);
		assertThat(accounts.details(aalster.id()).orElseThrow().roles()).containsOnlyKeys("aalst");

		// a member of both tenants, logged in through Gent's provider, holds only Gent's
		// role in that session
		String both = "sso.beide." + UUID.randomUUID().toString().substring(0, 8);
		UserAccount twoTenants = members.createAccount(aalst,
				new UserForm(both, "Twee Besturen", both + "@gent.test", Role.BEHEERDER, "lang-genoeg-wachtwoord"));
		members.invite(gent, new InviteForm(both, Role.LEZER));
		String bothSubject = "both-" + UUID.randomUUID();
		Visitor scoped = new Visitor();
		scoped.loginThrough("gent", "gent-idp", bothSubject, "obmi-gent",
				Map.of("email", both + "@gent.test", "email_verified", true));
		assertThat(linkedAccount(gent, issuer("gent-idp"), bothSubject)).isEqualTo(twoTenants.id());
		assertThat(scoped.get("/aalst/beheer").statusCode()).isEqualTo(403);
		assertThat(scoped.get("/gent/plan").statusCode()).isLessThan(400);

		// Aalst's provider does not know Gent's links: the same subject is someone else
		// there
		Visitor viaAalst = new Visitor();
		viaAalst.loginThrough("aalst", "aalst-idp", bothSubject, "obmi-aalst", Map.of());
		assertThat(linkedAccount(aalst, issuer("aalst-idp"), bothSubject)).isNotEqualTo(twoTenants.id());
		assertThat(viaAalst.get("/aalst/beheer").statusCode()).isEqualTo(403);
	}

	@Test
	void aPlatformAdminNeverLogsInThroughATenantsProvider() throws Exception {
		long admin = accounts.accountId("platformbeheerder").orElseThrow();
		String subject = "admin-" + UUID.randomUUID();
		jdbc.sql("insert into identity.sso_link (tenant_id, issuer, subject, user_id) values (?, ?, ?, ?)")
			.params(gent.id(), issuer("gent-idp"), subject, admin)
			.update();
		Visitor visitor = new Visitor();
		String landing = visitor.loginThrough("gent", "gent-idp", subject, "obmi-gent", Map.of());
		assertThat(landing).endsWith("/login?error");
		assertThat(visitor.get("/login").body()).contains("platformbeheerder meldt zich niet aan");
		assertThat(visitor.get("/platform/besturen").statusCode()).isEqualTo(302);
	}

	@Test
	void aTokenForAnotherAudienceIsRefused() throws Exception {
		String subject = "audience-" + UUID.randomUUID();
		Visitor visitor = new Visitor();
		// the ID token names another client as its audience (the mock names the asking
		// client
		// unless told otherwise)
		String landing = visitor.loginThrough("gent", "gent-idp", subject, "someone-else",
				Map.of("aud", List.of("someone-else")));
		assertThat(landing).endsWith("/login?error");
		assertThat(linked(gent, issuer("gent-idp"), subject)).isEmpty();
		assertThat(visitor.get("/account").statusCode()).isEqualTo(302);
	}

	@Test
	void aTokenFromAnotherIssuerIsRefused() throws Exception {
		String subject = "issuer-" + UUID.randomUUID();
		Visitor visitor = new Visitor();
		String landing = visitor.loginThrough("gent", "gent-idp", subject, "obmi-gent",
				Map.of("iss", issuer("aalst-idp")));
		assertThat(landing).endsWith("/login?error");
		assertThat(linked(gent, issuer("gent-idp"), subject)).isEmpty();
		assertThat(linked(gent, issuer("aalst-idp"), subject)).isEmpty();
	}

	@Test
	void theAuthorizationRequestCarriesStateNonceAndPkce() throws Exception {
		Visitor visitor = new Visitor();
		HttpResponse<String> start = visitor.get("/oauth2/authorization/gent");
		assertThat(start.statusCode()).isEqualTo(302);
		String location = start.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(issuer("gent-idp") + "/authorize")
			.contains("state=", "nonce=", "code_challenge=", "code_challenge_method=S256", "client_id=obmi-gent");
		assertThat(visitor.get("/oauth2/authorization/onbekend").statusCode()).isEqualTo(302);
	}

	@Test
	void logoutEndsTheSessionAndTheProvidersSession() throws Exception {
		Visitor visitor = new Visitor();
		visitor.loginThrough("gent", "gent-idp", "logout-" + UUID.randomUUID(), "obmi-gent",
				Map.of("groups", "obmi-redactie"));
		String page = visitor.get("/account").body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> logout = visitor.post("/logout", "_csrf=" + csrf.group(1));
		assertThat(logout.statusCode()).isEqualTo(302);
		// the form's redirect stays on OBMi (CSP form-action 'self'); that page sends the
		// browser on to the provider
		assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login/afgemeld");
		String onward = visitor.get("/login/afgemeld").body();
		Matcher link = Pattern.compile("id=\"provider-logout\"[^>]*href=\"([^\"]+)\"").matcher(onward);
		assertThat(link.find()).as(onward).isTrue();
		String location = link.group(1).replace("&amp;", "&");
		assertThat(location).startsWith(issuer("gent-idp") + "/endsession").contains("id_token_hint=");
		assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8))
			.contains("post_logout_redirect_uri=http://localhost:" + port + "/?logout");
		// once only
		assertThat(visitor.get("/login/afgemeld").statusCode()).isEqualTo(302);
		assertThat(visitor.get("/account").statusCode()).isEqualTo(302);
	}

	@Test
	void theClientSecretIsSealedAndNeverShown() throws Exception {
		String stored = jdbc.sql("select client_secret from identity.sso_provider where tenant_id = ?")
			.param(gent.id())
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain(SECRET).doesNotContain("gent-client-secret");
		ObmiUser beheerder = accounts.loadUserByUsername("beheerder.gent");
		var asBeheerder = authentication(
				UsernamePasswordAuthenticationToken.authenticated(beheerder, null, beheerder.getAuthorities()));
		mvc.perform(get("/gent/beheer/sso").with(asBeheerder))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(SECRET))))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(issuer("gent-idp"))));
		// a wrong issuer is refused before anything is stored
		mvc.perform(post("/gent/beheer/sso").with(asBeheerder)
			.with(csrf())
			.param("issuer", "http://evil.example/realms/gent")
			.param("clientId", "x")
			.param("userClaim", "sub")
			.param("enabled", "true")).andExpect(status().is(422));
		mvc.perform(get("/aalst/beheer/sso").with(asBeheerder)).andExpect(status().isForbidden());
		assertThat(providers.find(gent.id()).orElseThrow().issuer()).isEqualTo(issuer("gent-idp"));
	}

	@Test
	void theLoginPageOffersTheTenantsProviders() throws Exception {
		String page = new Visitor().get("/login").body();
		assertThat(page).contains("Aanmelden met Gent", "Aanmelden met Aalst", "/oauth2/authorization/gent");

		// the buttons are kept in memory: switching a provider off takes its button away
		// at once, switching it on brings it back
		try {
			switchAalst(false);
			assertThat(new Visitor().get("/login").body()).contains("Aanmelden met Gent")
				.doesNotContain("Aanmelden met Aalst");
		}
		finally {
			switchAalst(true);
		}
		assertThat(new Visitor().get("/login").body()).contains("Aanmelden met Aalst");
	}

	private void switchAalst(boolean on) {
		SsoProvider current = providers.find(aalst.id()).orElseThrow();
		providers.save(aalst, new SsoProviderForm(current.issuer(), current.clientId(), "", current.userClaim(), "", "",
				on, current.version()));
	}

	@Test
	void groupLinesAndIssuersAreChecked() {
		assertThat(SsoProviders.parseGroupRoles("a = lezer\n\n b=Beheerder ")).containsEntry("a", Role.LEZER)
			.containsEntry("b", Role.BEHEERDER);
		assertThatThrownBy(() -> SsoProviders.parseGroupRoles("a = lezer\nzonder rol"))
			.isInstanceOf(AccountChangeRefused.class);
		assertThatThrownBy(() -> SsoProviders.checkIssuer("http://idp.example"))
			.isInstanceOf(AccountChangeRefused.class);
		SsoProviders.checkIssuer("https://idp.example/realms/gent");
	}

	private long linkedAccount(Tenant tenant, String issuer, String subject) {
		return linked(tenant, issuer, subject).orElseThrow();
	}

	private java.util.Optional<Long> linked(Tenant tenant, String issuer, String subject) {
		return jdbc.sql("select user_id from identity.sso_link where tenant_id = ? and issuer = ? and subject = ?")
			.params(tenant.id(), issuer, subject)
			.query(Long.class)
			.optional();
	}

	/** A browser: keeps cookies, follows no redirect by itself. */
	final class Visitor {

		final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(url(pathOrUrl)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(url(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		private URI url(String pathOrUrl) {
			return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : "http://localhost:" + port + pathOrUrl);
		}

		/**
		 * Logs in through the tenant's provider, which answers with the given subject,
		 * audience and claims; the path OBMi lands on (or {@code /login?error}).
		 */
		String loginThrough(String slug, String issuerId, String subject, String audience, Map<String, Object> claims)
				throws IOException, InterruptedException {
			Map<String, Object> all = new HashMap<>(claims);
			idp.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, JOSEObjectType.JWT.getType(),
					List.of(audience), all, 3600));
			String next = "/oauth2/authorization/" + slug;
			for (int hop = 0; hop < 6; hop++) {
				HttpResponse<String> response = get(next);
				if (response.statusCode() != 302) {
					return next;
				}
				String location = response.headers().firstValue("Location").orElseThrow();
				if (location.startsWith("/") || location.startsWith("http://localhost:" + port + "/")) {
					String path = location.startsWith("/") ? location
							: location.substring(("http://localhost:" + port).length());
					if (!path.startsWith("/login/oauth2/code/") && !path.startsWith("/oauth2/")) {
						return path;
					}
				}
				next = location;
			}
			throw new AssertionError("too many redirects");
		}

	}

}
