package be.obmi.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import be.obmi.audit.AuditEvent;
import be.obmi.audit.AuditTrail;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import org.assertj.core.groups.Tuple;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Login, lockout, roles, API access with Basic and tokens, and the audit of user edits,
 * on the running application.
 */
@ObmiIntegrationTest
class IdentityIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	TenantMembers members;

	@Autowired
	LoginFailures loginFailures;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Tenants tenants;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	private UserAccount newUser(String slug, String username, Role role) {
		Tenant tenant = tenants.require(slug);
		return transaction.execute(status -> members.createAccount(tenant,
				new UserForm(username, "Test " + username, username + "@example.org", role, "een-lang-wachtwoord")));
	}

	@Test
	void fiveWrongPasswordsLockTheAccountEvenForTheRightPassword() throws Exception {
		newUser("aalst", "slot.test", Role.LEZER);
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin().user("slot.test").password("fout-" + i)).andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(formLogin().user("slot.test").password("een-lang-wachtwoord"))
			.andExpect(redirectedUrl("/login?error"));
		// locked for this address (MockMvc's 127.0.0.1), not for the account as a whole
		assertThat(loginFailures.lockedFor("slot.test", "127.0.0.1")).isTrue();
		assertThat(accounts.loadUserByUsername("slot.test").isAccountNonLocked()).isTrue();
		String page = mvc.perform(get("/login").sessionAttr("obmi.loginError", "locked"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("tijdelijk vergrendeld");
		// Basic auth on the API from the same address is locked too
		assertThat(basic("/api/v1/aalst/account", "slot.test", "een-lang-wachtwoord").statusCode()).isEqualTo(401);
		// the holder from another address logs in
		mvc.perform(post("/login").with(csrf())
			.param("username", "slot.test")
			.param("password", "een-lang-wachtwoord")
			.with(request -> {
				request.setRemoteAddr("192.0.2.44");
				return request;
			})).andExpect(redirectedUrl("/aalst/plan/dashboard"));
	}

	@Test
	void afterLoginStaffLandOnTheirDailyWorkByRoleOrOnThePageThatAskedForIt() throws Exception {
		mvc.perform(formLogin().user("bijdrager.mechelen").password("demo"))
			.andExpect(redirectedUrl("/mechelen/plan/taken"));
		mvc.perform(formLogin().user("lezer.mechelen").password("demo"))
			.andExpect(redirectedUrl("/mechelen/plan/dashboard"));
		mvc.perform(formLogin().user("redacteur.mechelen").password("demo")).andExpect(redirectedUrl("/mechelen/plan"));
		mvc.perform(formLogin().user("platformbeheerder").password("demo"))
			.andExpect(redirectedUrl("/platform/besturen"));
		MockHttpSession session = new MockHttpSession();
		mvc.perform(get("/mechelen/plan/rondes").session(session)).andExpect(status().isFound());
		mvc.perform(post("/login").with(csrf())
			.session(session)
			.param("username", "bijdrager.mechelen")
			.param("password", "demo")).andExpect(redirectedUrl("http://localhost/mechelen/plan/rondes?continue"));
	}

	@Test
	void fourWrongPasswordsThenTheRightOneLogsInAndResetsTheCount() throws Exception {
		newUser("aalst", "bijna.slot", Role.LEZER);
		for (int i = 0; i < 4; i++) {
			mvc.perform(formLogin().user("bijna.slot").password("fout")).andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(formLogin().user("bijna.slot").password("een-lang-wachtwoord"))
			.andExpect(redirectedUrl("/aalst/plan/dashboard"));
		assertThat(jdbc.sql("select failed_logins from identity.user_account where username = 'bijna.slot'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aReaderCannotReachAdminPages() throws Exception {
		ObmiUser reader = accounts.loadUserByUsername("lezer.mechelen");
		var auth = authentication(
				UsernamePasswordAuthenticationToken.authenticated(reader, null, reader.getAuthorities()));
		mvc.perform(get("/mechelen/beheer").with(auth)).andExpect(status().isForbidden());
		mvc.perform(get("/mechelen/beheer/gebruikers").with(auth)).andExpect(status().isForbidden());
		mvc.perform(get("/mechelen/beheer/historiek").with(auth)).andExpect(status().isForbidden());
		mvc.perform(get("/platform/besturen").with(auth)).andExpect(status().isForbidden());
		mvc.perform(get("/mechelen").with(auth)).andExpect(status().isOk());
	}

	@Test
	void anonymousVisitorsAreSentToLoginForNonPublicPages() throws Exception {
		mvc.perform(get("/mechelen/beheer")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/account/tokens")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/platform/besturen")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/")).andExpect(status().isOk());
		mvc.perform(get("/mechelen")).andExpect(status().isOk());
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());
	}

	@Test
	void apiClientsUseBasicOrAPersonalTokenUntilItIsRevoked() throws Exception {
		assertThat(basic("/api/v1/mechelen/account", "redacteur.mechelen", "demo").body())
			.contains("\"role\":\"REDACTEUR\"");
		assertThat(basic("/api/v1/mechelen/account", "redacteur.mechelen", "fout").statusCode()).isEqualTo(401);
		assertThat(basic("/api/v1/gent/account", "redacteur.mechelen", "demo").statusCode()).isEqualTo(403);
		assertThat(send(HttpRequest.newBuilder(uri("/api/v1/mechelen/account"))).statusCode()).isEqualTo(401);

		ObmiUser user = accounts.loadUserByUsername("redacteur.mechelen");
		ApiTokens.Created created = tokens.create(user, "upload-script");
		HttpResponse<String> ok = bearer("/api/v1/mechelen/account", created.secret());
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(ok.body()).contains("redacteur.mechelen");
		assertThat(jdbc.sql("select token_hash from identity.api_token where id = ?")
			.param(created.token().id())
			.query(String.class)
			.single()).doesNotContain(created.secret()).hasSize(64);

		tokens.revoke(user, created.token().id());
		assertThat(bearer("/api/v1/mechelen/account", created.secret()).statusCode()).isEqualTo(401);
		assertThat(bearer("/api/v1/mechelen/account", "obmi_verzonnen").statusCode()).isEqualTo(401);
	}

	@Test
	void aRoleChangeThroughTheAdminPageIsInTheHistoryWithOldAndNewValues() throws Exception {
		UserAccount user = newUser("brugge", "historiek.test", Role.LEZER);
		ObmiUser admin = accounts.loadUserByUsername("beheerder.brugge");
		var auth = authentication(
				UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
		mvc.perform(post("/brugge/beheer/gebruikers/{id}", user.id()).with(auth)
			.with(csrf())
			.param("role", "REDACTEUR")
			.param("version", String.valueOf(user.version()))).andExpect(redirectedUrl("/brugge/beheer/gebruikers"));

		List<AuditEvent> events = audit.history(tenants.require("brugge").id(), "gebruiker", String.valueOf(user.id()),
				10);
		AuditEvent update = events.getFirst();
		assertThat(update.action()).isEqualTo(AuditEvent.Action.UPDATE);
		assertThat(update.actor()).isEqualTo("beheerder.brugge");
		assertThat(update.changes()).extracting("field", "oldValue", "newValue")
			.contains(Tuple.tuple("rol in brugge", "LEZER", "REDACTEUR"));

		String page = mvc.perform(get("/brugge/beheer/historiek").with(auth))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Test historiek.test").contains("REDACTEUR").contains("beheerder.brugge");

		// a second save with the old version is refused, nothing overwritten
		String conflict = mvc
			.perform(post("/brugge/beheer/gebruikers/{id}", user.id()).with(auth)
				.with(csrf())
				.param("role", "LEZER")
				.param("version", String.valueOf(user.version())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(conflict).contains("Iemand anders heeft deze gebruiker intussen gewijzigd");
		assertThat(members.memberOf(tenants.require("brugge"), user.id()).orElseThrow().role())
			.isEqualTo(Role.REDACTEUR);
	}

	@Test
	void passwordsAreStoredWithArgon2() {
		newUser("genk", "hash.test", Role.LEZER);
		String hash = jdbc.sql("select password_hash from identity.user_account where username = 'hash.test'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");
	}

	private HttpResponse<String> basic(String path, String user, String password) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + credentials));
	}

	private HttpResponse<String> bearer(String path, String token) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
