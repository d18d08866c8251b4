package be.obmi.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import be.obmi.identity.ApiTokens;
import be.obmi.identity.Role;
import be.obmi.identity.TenantMembers;
import be.obmi.identity.UserAccounts;
import be.obmi.identity.UserForm;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, point 7 and the authentication parts of point 9, over real HTTP: HTTP Basic
 * shares the per-address login limit with the login form; a stranger's wrong passwords
 * lock only their own address out of an account, never the holder (nor the account's API
 * tokens); X-Forwarded-For counts only from a configured proxy; a stray Authorization
 * header neither skips CSRF for a session nor makes an answer anonymous-cacheable;
 * authenticated answers are private; /actuator/info names no JVM or OS.
 */
@ObmiIntegrationTest
class AuthenticationLimitsHostileInputIntegrationTests {

	private static final String PASSWORD = "een-lang-wachtwoord";

	@LocalServerPort
	int port;

	@Value("${obmi.security.login-attempts-per-minute}")
	int perMinute;

	@Autowired
	UserAccounts accounts;

	@Autowired
	TenantMembers members;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Tenants tenants;

	@Autowired
	TransactionTemplate transaction;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void httpBasicGuessesOverManyAccountsFromOneAddressGet429() throws Exception {
		String attacker = "198.51.100.21";
		int answered = 0;
		HttpResponse<String> response = basic(attacker, "onbekend.0", "fout");
		while (response.statusCode() != 429 && answered < perMinute * 2) {
			answered++;
			// every wrong password counts, over existing and unknown accounts alike
			String user = answered % 2 == 0 ? "onbekend." + answered : "lezer." + (answered % 4 == 1 ? "gent" : "genk");
			response = basic(attacker, user, "fout" + answered);
		}
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(answered).isBetween(perMinute - 1, perMinute + perMinute / 4);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		// the same address is refused at the login form too: one limit for both
		assertThat(formLogin(attacker, "lezer.gent", "demo").statusCode()).isEqualTo(429);
		// the accounts guessed at were not locked for their holders
		assertThat(basic("198.51.100.22", "gent", "lezer.gent", "demo").statusCode()).isEqualTo(200);
	}

	@Test
	void wrongPasswordsLockOnlyTheGuessingAddressNotTheHolderNorTheTokens() throws Exception {
		transaction.executeWithoutResult(s -> members.createAccount(tenants.require("hasselt"),
				new UserForm("doelwit.hasselt", "Doelwit", null, Role.LEZER, PASSWORD)));
		ApiTokens.Created token = tokens.create(accounts.loadUserByUsername("doelwit.hasselt"), "script");
		String stranger = "198.51.100.31";
		for (int i = 0; i < 8; i++) {
			assertThat(basic(stranger, "hasselt", "doelwit.hasselt", "fout" + i).statusCode()).isEqualTo(401);
		}
		assertThat(basic(stranger, "hasselt", "doelwit.hasselt", PASSWORD).statusCode())
			.as("the guessing address is locked out")
			.isEqualTo(401);
		assertThat(basic("198.51.100.32", "hasselt", "doelwit.hasselt", PASSWORD).statusCode())
			.as("the holder elsewhere is not")
			.isEqualTo(200);
		PageSession.login(port, "doelwit.hasselt", PASSWORD);
		HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(uri("/api/v1/hasselt/account"))
			.header("X-Forwarded-For", stranger)
			.header("Authorization", "Bearer " + token.secret())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(withToken.statusCode()).as("tokens keep working").isEqualTo(200);
	}

	@Test
	void xForwardedForCountsOnlyFromAConfiguredProxy() throws Exception {
		// 127.0.0.2 is not a configured proxy: its forwarded addresses are ignored, every
		// attempt counts against it
		int answered = 0;
		int status = rawLoginFrom("127.0.0.2", "203.0.113.0");
		while (status != 429 && answered < perMinute * 2) {
			answered++;
			status = rawLoginFrom("127.0.0.2", "203.0.113." + (answered % 250));
		}
		assertThat(status).isEqualTo(429);
		// from the configured proxy (127.0.0.1) the forwarded address is the client's: a
		// fresh one is not limited
		assertThat(rawLoginFrom("127.0.0.1", "203.0.113.77")).isNotEqualTo(429);
	}

	@Test
	void aSessionWithAStrayAuthorizationHeaderStillNeedsTheCsrfTokenAndWrongBasicCredentialsDoNotRideOnIt()
			throws Exception {
		PageSession editor = PageSession.login(port, "redacteur.leuven");
		String cookie = editor.cookieHeader();
		HttpResponse<String> junk = http
			.send(HttpRequest.newBuilder(uri("/api/v1/leuven/stats/indicators/x/published?value=true"))
				.header("Cookie", cookie)
				.header("Authorization", "Onzin abc")
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(junk.statusCode()).as("CSRF still required").isEqualTo(403);
		String wrong = Base64.getEncoder().encodeToString("redacteur.leuven:fout".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> wrongBasic = http.send(HttpRequest.newBuilder(uri("/api/v1/leuven/account"))
			.header("Cookie", cookie)
			.header("X-Forwarded-For", "198.51.100.41")
			.header("Authorization", "Basic " + wrong)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(wrongBasic.statusCode()).as("a wrong Basic password is refused, session or not").isEqualTo(401);
	}

	@Test
	void authenticatedAnswersArePrivateAndInfoNamesNoJvmOrOs() throws Exception {
		String credentials = Base64.getEncoder().encodeToString("redacteur.gent:demo".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> export = http.send(HttpRequest.newBuilder(uri("/api/v1/gent/stats/indicators"))
			.header("X-Forwarded-For", "198.51.100.51")
			.header("Authorization", "Basic " + credentials)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().allValues("Cache-Control")).isNotEmpty()
			.allSatisfy(v -> assertThat(v).contains("private").doesNotContain("public"));
		HttpResponse<String> page = PageSession.login(port, "lezer.gent").get("/gent/cijfers");
		assertThat(page.headers().allValues("Cache-Control")).allSatisfy(v -> assertThat(v).doesNotContain("public"));

		HttpResponse<String> info = http.send(HttpRequest.newBuilder(uri("/actuator/info")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(info.statusCode()).isEqualTo(200);
		assertThat(info.body()).doesNotContain("\"java\"").doesNotContain("\"os\"").doesNotContain("jvm");
	}

	private HttpResponse<String> basic(String address, String user, String password) throws Exception {
		return basic(address, "gent", user, password);
	}

	private HttpResponse<String> basic(String address, String slug, String user, String password) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(uri("/api/v1/" + slug + "/account"))
			.header("X-Forwarded-For", address)
			.header("Authorization", "Basic " + credentials)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> formLogin(String address, String user, String password) throws Exception {
		return http.send(HttpRequest.newBuilder(uri("/login"))
			.header("X-Forwarded-For", address)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A login post (without CSRF token: refused, but counted) from a chosen local
	 * address, over a raw socket.
	 */
	private int rawLoginFrom(String localAddress, String forwardedFor) throws IOException {
		try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(localAddress),
				0)) {
			socket.setSoTimeout(10_000);
			String body = "username=lezer.gent&password=fout";
			OutputStream out = socket.getOutputStream();
			out.write(("POST /login HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + forwardedFor
					+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
					+ "\r\nConnection: close\r\n\r\n" + body)
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(all);
			String status = all.toString(StandardCharsets.ISO_8859_1);
			return Integer.parseInt(status.substring(9, 12));
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
