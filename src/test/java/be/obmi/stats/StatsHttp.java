package be.obmi.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the stats API in tests: HTTP Basic as a demo account, or
 * anonymous (user null).
 */
final class StatsHttp {

	record Response(int status, String body) {

		JsonNode json() {
			return JSON.readTree(body);
		}

	}

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	private final String base;

	StatsHttp(int port) {
		this.base = "http://localhost:" + port;
	}

	Response get(String path, String user) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
		return send(auth(request, user));
	}

	Response post(String path, String user) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.POST(HttpRequest.BodyPublishers.noBody());
		return send(auth(request, user));
	}

	Response upload(String slug, String user, String filename, byte[] content, boolean createIndicators) {
		return upload(slug, user, filename, content, createIndicators,
				"/api/v1/" + slug + "/stats/import?createIndicators=" + createIndicators);
	}

	Response upload(String slug, String user, String filename, byte[] content, boolean createIndicators, String path) {
		String boundary = "obmi" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		return send(auth(request, user));
	}

	private static HttpRequest.Builder auth(HttpRequest.Builder request, String user) {
		if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		return request;
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body());
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
