package be.obmi.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP client for the plan tests: HTTP Basic with a demo account (or anonymous),
 * multipart uploads.
 */
final class PlanHttp {

	private final HttpClient client;

	private final String base;

	private final String authorization;

	private PlanHttp(int port, String authorization) {
		this(port, authorization, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
	}

	private PlanHttp(int port, String authorization, HttpClient client) {
		this.base = "http://localhost:" + port;
		this.authorization = authorization;
		this.client = client;
	}

	/**
	 * A browser-like session: logged in through the login form, with cookies; posts need
	 * {@link #csrf(String)}.
	 */
	static PlanHttp session(int port, String username) {
		return session(port, username, "demo");
	}

	/** As {@link #session(int, String)}, for an account with its own password. */
	static PlanHttp session(int port, String username, String password) {
		PlanHttp http = new PlanHttp(port, null,
				HttpClient.newBuilder()
					.cookieHandler(new CookieManager())
					.followRedirects(HttpClient.Redirect.NEVER)
					.build());
		String token = http.csrf("/login");
		HttpResponse<byte[]> response = http.post("/login",
				"username=" + username + "&password=" + password + "&_csrf=" + token);
		if (response.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Login failed for " + username);
		}
		return http;
	}

	/** The CSRF token of the first form on a page, URL-encoded for a form body. */
	String csrf(String path) {
		Matcher matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(getText(path));
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token on " + path);
		}
		return URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
	}

	static PlanHttp as(int port, String username) {
		return new PlanHttp(port,
				"Basic " + Base64.getEncoder().encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8)));
	}

	static PlanHttp anonymous(int port) {
		return new PlanHttp(port, null);
	}

	HttpResponse<byte[]> get(String path) {
		return send(request(path).GET().build());
	}

	String getText(String path) {
		return new String(get(path).body(), StandardCharsets.UTF_8);
	}

	HttpResponse<byte[]> post(String path, String form) {
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	HttpResponse<byte[]> upload(String path, String filename, byte[] content) {
		String boundary = "----obmi" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		return builder;
	}

	private HttpResponse<byte[]> send(HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
