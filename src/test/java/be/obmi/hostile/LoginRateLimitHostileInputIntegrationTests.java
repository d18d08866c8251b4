package be.obmi.hostile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Form logins are limited per client address
 * ({@code obmi.security.login-attempts-per-minute}, 200 in the test profile, 10 in
 * production): once an address has used them up, {@code POST /login} answers 429 with
 * {@code Retry-After} and the Dutch page, whatever the password; another address can
 * still log in.
 */
@ObmiIntegrationTest
class LoginRateLimitHostileInputIntegrationTests {

	@LocalServerPort
	int port;

	@Value("${obmi.security.login-attempts-per-minute}")
	int perMinute;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void anAddressThatGuessesTooOftenGets429AndOthersDoNot() throws Exception {
		String attacker = "198.51.100.7";
		int allowed = 0;
		HttpResponse<String> refused = login(attacker, "beheerder.mechelen", "fout");
		// the bucket refills while we guess (perMinute per minute), so a few more than
		// perMinute may pass
		while (refused.statusCode() != 429 && allowed < perMinute * 2) {
			allowed++;
			refused = login(attacker, "beheerder.mechelen", allowed % 2 == 0 ? "demo" : "fout" + allowed);
		}
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(allowed).isBetween(perMinute - 1, perMinute + perMinute / 4);
		assertThat(login(attacker, "beheerder.mechelen", "demo").statusCode()).as("right password, still limited")
			.isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After"))
			.hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
		assertThat(refused.body()).contains("Te veel pogingen").contains("Wacht een minuut");

		HttpResponse<String> other = login("198.51.100.8", "beheerder.mechelen", "fout");
		assertThat(other.statusCode()).isNotEqualTo(429);
	}

	/**
	 * A login post without CSRF token (refused with 403 by CSRF, but counted): what a
	 * guessing script sends.
	 */
	private HttpResponse<String> login(String address, String username, String password) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("X-Forwarded-For", address)
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
