package be.obmi.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for API tests: HTTP Basic with a demo account (or anonymous), JSON
 * and multipart uploads.
 */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	private final String authorization;

	private ApiClient(int port, String authorization) {
		this.port = port;
		this.authorization = authorization;
	}

	/** Logs in with HTTP Basic as a demo account (password {@code demo}). */
	public static ApiClient as(int port, String username) {
		return new ApiClient(port,
				"Basic " + Base64.getEncoder().encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8)));
	}

	public static ApiClient anonymous(int port) {
		return new ApiClient(port, null);
	}

	/** A response with its body as text and, when it is JSON, parsed. */
	public record Response(int status, String body) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

	}

	public Response get(String path) {
		return send(builder(path).GET());
	}

	public Response delete(String path) {
		return send(builder(path).DELETE());
	}

	/** Posts without a body. */
	public Response post(String path) {
		return send(builder(path).POST(HttpRequest.BodyPublishers.noBody()));
	}

	/** Posts a multipart form with one file part {@code file} and text fields. */
	public Response upload(String path, String fileName, byte[] content, Map<String, String> fields) {
		String boundary = "obmi-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try {
			for (Map.Entry<String, String> field : fields.entrySet()) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
						+ "\"\r\n\r\n" + field.getValue() + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.write(content);
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return send(builder(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	private HttpRequest.Builder builder(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		return builder;
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
