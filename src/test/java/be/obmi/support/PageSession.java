package be.obmi.support;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like session over plain HTTP: logged in through the login form, with cookies
 * and CSRF tokens.
 */
public final class PageSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	private PageSession(int port) {
		this.base = "http://localhost:" + port;
	}

	/** A session that has not logged in (yet). */
	public static PageSession anonymous(int port) {
		return new PageSession(port);
	}

	/** Posts a form ({@code application/x-www-form-urlencoded}, already encoded). */
	public HttpResponse<String> post(String path, String form) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	/** Logs in as a demo account (password {@code demo}). */
	public static PageSession login(int port, String username) {
		return login(port, username, "demo");
	}

	/** Logs in through the login form; fails when the login fails. */
	public static PageSession login(int port, String username, String password) {
		PageSession session = new PageSession(port);
		String token = session.csrf("/login");
		HttpResponse<String> response = session.send(HttpRequest.newBuilder(URI.create(session.base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
					+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token)));
		if (response.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Login failed for " + username);
		}
		return session;
	}

	/**
	 * The session's cookies as a {@code Cookie} header value, to send them along with a
	 * hand-made request.
	 */
	public String cookieHeader() {
		return String.join("; ",
				cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).toList());
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** The CSRF token of the first form on a page, URL-encoded. */
	public String csrf(String path) {
		Matcher matcher = CSRF.matcher(get(path).body());
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token on " + path);
		}
		return URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
	}

	/** Posts a multipart form with one file part {@code file}. */
	public HttpResponse<String> upload(String path, String fileName, byte[] content) {
		String boundary = "obmi-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		return Http.send(client, request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
