package be.obmi.hostile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security headers are on every response: Content-Security-Policy (no inline script,
 * {@code frame-ancestors
 * 'none'}), {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY},
 * Referrer-Policy and Permissions-Policy; {@code Strict-Transport-Security} when the
 * request came in over HTTPS (through the proxy). Checked over real HTTP for every kind
 * of response — page, API JSON, static file, PDF, 302, 401, 403, 404, 413, 429, 500.
 * {@link RouteAccessHostileInputIntegrationTests} checks the same headers on every
 * response it gets, for every route of the request mappings, anonymous and as each role.
 */
@ObmiIntegrationTest
class HeadersHostileInputIntegrationTests {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	record Sample(String what, String path, String user, int expectedStatus) {
	}

	@Test
	void everyKindOfResponseOverHttpCarriesTheSecurityHeaders() throws Exception {
		List<Sample> samples = List.of(new Sample("home page", "/", null, 200),
				new Sample("tenant page", "/mechelen/plan", "lezer.mechelen", 200),
				new Sample("public page", "/mechelen/cijfers", null, 200),
				new Sample("API JSON", "/api/v1/mechelen/stats/indicators", null, 200),
				new Sample("static file", "/css/obmi.css", null, 200),
				new Sample("tenant stylesheet", "/css/tenant/mechelen.css", null, 200),
				new Sample("PDF", "/mechelen/cijfers/gebied/gemeente/12025/pdf", null, 200),
				new Sample("redirect to login", "/mechelen/plan", null, 302),
				new Sample("API 401", "/api/v1/mechelen/plan/items", null, 401),
				new Sample("page 403", "/mechelen/beheer", "lezer.mechelen", 403),
				new Sample("API 403", "/api/v1/mechelen/plan/items", "lezer.gent", 403),
				new Sample("page 404", "/mechelen/cijfers/indicator/bestaat_niet", null, 404),
				new Sample("API 404", "/api/v1/mechelen/datasets/bestaat-niet", null, 404),
				new Sample("unknown tenant", "/bestaat-niet", null, 404), new Sample("500", "/error", null, 500));
		List<String> problems = new ArrayList<>();
		for (Sample sample : samples) {
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + sample.path()));
			if (sample.user() != null) {
				request.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((sample.user() + ":demo").getBytes(StandardCharsets.UTF_8)));
			}
			HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != sample.expectedStatus()) {
				problems.add(sample + " gave " + response.statusCode());
			}
			problems.addAll(missing(sample.what(), response.headers()));
		}
		HttpResponse<String> tooLarge = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/mechelen/plan/import"))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString("redacteur.mechelen:demo".getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "multipart/form-data; boundary=b")
				.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(new byte[5 * 1024 * 1024 + 100_000])))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		problems.addAll(missing("413", tooLarge.headers()));
		HttpResponse<String> limited = null;
		for (int i = 0; i < 300 && (limited == null || limited.statusCode() != 429); i++) {
			limited = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
				.header("X-Forwarded-For", "192.0.2.99")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=niemand&password=fout"))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		assertThat(limited.statusCode()).isEqualTo(429);
		problems.addAll(missing("429", limited.headers()));

		HttpResponse<String> https = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
			.header("X-Forwarded-Proto", "https")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(https.headers().firstValue("Strict-Transport-Security")).as("HSTS behind an HTTPS proxy")
			.hasValueSatisfying(v -> assertThat(v).contains("max-age="));
		assertThat(problems).isEmpty();
	}

	static List<String> missing(String what, HttpHeaders headers) {
		List<String> problems = new ArrayList<>();
		String csp = headers.firstValue("Content-Security-Policy").orElse("");
		if (!csp.contains("default-src 'self'") || !csp.contains("script-src 'self'")
				|| !csp.contains("frame-ancestors 'none'") || !csp.contains("object-src 'none'")
				|| csp.contains("unsafe-inline") || csp.contains("unsafe-eval")) {
			problems.add(what + ": Content-Security-Policy '" + csp + "'");
		}
		expect(problems, what, headers, "X-Content-Type-Options", "nosniff");
		expect(problems, what, headers, "X-Frame-Options", "DENY");
		expect(problems, what, headers, "Referrer-Policy", "strict-origin-when-cross-origin");
		if (headers.firstValue("Permissions-Policy").orElse("").isEmpty()) {
			problems.add(what + ": no Permissions-Policy");
		}
		return problems;
	}

	private static void expect(List<String> problems, String what, HttpHeaders headers, String name, String value) {
		String actual = headers.firstValue(name).orElse(null);
		if (!value.equalsIgnoreCase(actual)) {
			problems.add(what + ": " + name + " was " + actual);
		}
	}

	static byte[] multipart(byte[] content) {
		byte[] head = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"groot.csv\"\r\n\r\n"
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = "\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return body;
	}

}
