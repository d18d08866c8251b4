package be.obmi.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import be.obmi.support.ApiClient;
import be.obmi.support.Http;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache of anonymous public responses: a publication, an import and an undo are
 * visible to the very next anonymous request; entries are per tenant and per language; a
 * signed-in user's answer is neither stored nor shown to others; anonymous pages set no
 * cookie; a large answer is sent from its file by the connector (sendfile).
 */
@ObmiIntegrationTest
class PublicResponseCacheIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SLUG = "roeselare";

	private static final String CODE = "roeselare_cache_proef";

	@LocalServerPort
	int port;

	@Autowired
	ResponseBodyFiles files;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aPublishedImportOrUndoIsShownToTheNextAnonymousVisitor() {
		ApiClient editor = ApiClient.as(port, "redacteur." + SLUG);
		String page = "/" + SLUG + "/cijfers/indicator/" + CODE;
		String api = "/api/v1/" + SLUG + "/stats/observations?indicator=" + CODE + "&level=gemeente&period=2024";

		ApiClient.Response first = editor.upload("/api/v1/" + SLUG + "/stats/import?createIndicators=true", "proef.csv",
				csv(1111), Map.of());
		assertThat(first.status()).as(first.body()).isEqualTo(200);

		// a draft: the editor sees it, the anonymous visitor does not, also after the
		// editor's request
		assertThat(get(page, null, "redacteur." + SLUG).statusCode()).isEqualTo(200);
		assertThat(get(page, null, null).statusCode()).isEqualTo(404);
		HttpResponse<String> notFound = get(page, null, null);
		assertThat(notFound.statusCode()).isEqualTo(404);
		assertThat(notFound.headers().firstValue("Cache-Control")).as("errors are not stored, by nobody")
			.hasValue("no-cache, no-store, max-age=0, must-revalidate");

		assertThat(editor.post("/api/v1/" + SLUG + "/stats/indicators/" + CODE + "/published?value=true").status())
			.isEqualTo(200);
		HttpResponse<String> published = get(page, null, null);
		assertThat(published.statusCode()).isEqualTo(200);
		assertThat(published.body()).contains("1.111");
		assertThat(value(get(api, null, null))).isEqualTo("1111.0");
		HttpResponse<String> again = get(page, null, null);
		assertThat(again.headers().firstValue(PublicResponseCache.STATUS_HEADER))
			.as("second request is served from the cache")
			.hasValue("hit");
		assertThat(again.body()).isEqualTo(published.body());
		assertThat(get(api, null, null).headers().firstValue(PublicResponseCache.STATUS_HEADER)).hasValue("hit");

		ApiClient.Response second = editor.upload("/api/v1/" + SLUG + "/stats/import", "proef.csv", csv(2222),
				Map.of());
		assertThat(second.status()).as(second.body()).isEqualTo(200);
		HttpResponse<String> afterImport = get(page, null, null);
		assertThat(afterImport.body()).contains("2.222").doesNotContain("1.111");
		assertThat(value(get(api, null, null))).isEqualTo("2222.0");

		long importId = second.json().get("importId").asLong();
		assertThat(editor.post("/api/v1/" + SLUG + "/stats/imports/" + importId + "/undo").status()).isEqualTo(200);
		assertThat(get(page, null, null).body()).contains("1.111").doesNotContain("2.222");
		assertThat(value(get(api, null, null))).isEqualTo("1111.0");

		assertThat(editor.post("/api/v1/" + SLUG + "/stats/indicators/" + CODE + "/published?value=false").status())
			.isEqualTo(200);
		assertThat(get(page, null, null).statusCode()).as("unpublished: gone at once").isEqualTo(404);
		assertThat(get(api, null, null).statusCode()).isIn(403, 404);
	}

	@Test
	void entriesArePerTenantAndPerLanguageAndAnonymousPagesSetNoCookie() {
		String gent = "/gent/cijfers";
		String mechelen = "/mechelen/cijfers";
		HttpResponse<String> dutch = get(gent, null, null);
		HttpResponse<String> english = get(gent, "en", null);
		HttpResponse<String> dutchAgain = get(gent, null, null);
		HttpResponse<String> englishAgain = get(gent, "en", null);
		assertThat(dutch.body()).contains("lang=\"nl\"").contains("Gent");
		assertThat(dutchAgain.body()).isEqualTo(dutch.body());
		assertThat(english.body()).contains("lang=\"en\"");
		assertThat(englishAgain.body()).isEqualTo(english.body()).isNotEqualTo(dutch.body());
		assertThat(englishAgain.headers().firstValue(PublicResponseCache.STATUS_HEADER)).hasValue("hit");
		HttpResponse<String> other = get(mechelen, null, null);
		assertThat(other.body()).contains("Mechelen").doesNotContain(">Gent<");
		for (HttpResponse<String> response : List.of(dutch, english, dutchAgain, englishAgain, other)) {
			assertThat(response.headers().allValues("Set-Cookie")).as("no session for anonymous visitors").isEmpty();
			assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
			assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
		}

		// a change in Mechelen leaves Gent's entry valid, and a revalidation gets 304
		ApiClient.Response imported = ApiClient.as(port, "redacteur.mechelen")
			.upload("/api/v1/mechelen/stats/import?createIndicators=true", "m.csv",
					"indicator;gebied;niveau;periode;waarde\nmechelen_cache_proef;12025;gemeente;2024;5\n"
						.getBytes(StandardCharsets.UTF_8),
					Map.of());
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(get(gent, null, null).headers().firstValue(PublicResponseCache.STATUS_HEADER)).hasValue("hit");
		assertThat(get(mechelen, null, null).headers().firstValue(PublicResponseCache.STATUS_HEADER)).hasValue("miss");
		String etag = dutch.headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> revalidated = send(request(gent, null, null).header("If-None-Match", etag));
		assertThat(revalidated.statusCode()).isEqualTo(304);
		assertThat(revalidated.body()).isEmpty();
	}

	@Test
	void aSignedInUsersPageIsNeitherStoredNorShownToOthers() {
		String page = "/kortrijk/plan/publiek";
		HttpResponse<String> anonymous = get(page, null, null);
		HttpResponse<String> signedIn = get(page, null, "beheerder.kortrijk");
		assertThat(signedIn.headers().firstValue(PublicResponseCache.STATUS_HEADER)).isEmpty();
		assertThat(signedIn.body()).contains("/kortrijk/beheer").contains("/logout");
		HttpResponse<String> anonymousAgain = get(page, null, null);
		assertThat(anonymousAgain.headers().firstValue(PublicResponseCache.STATUS_HEADER)).hasValue("hit");
		assertThat(anonymousAgain.body()).isEqualTo(anonymous.body())
			.doesNotContain("/logout")
			.doesNotContain("/kortrijk/beheer")
			.doesNotContain("_csrf");
	}

	@Test
	void aLargeAnswerIsSentByTheConnectorFromItsFile() throws IOException {
		String path = "/api/v1/gent/stats/indicators";
		HttpResponse<byte[]> first = bytes(request(path, null, null));
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body().length).as("large enough for a file").isGreaterThanOrEqualTo(48 * 1024);
		HttpResponse<byte[]> hit = bytes(request(path, null, null));
		assertThat(hit.headers().firstValue(PublicResponseCache.STATUS_HEADER)).hasValue("hit");
		assertThat(hit.body()).isEqualTo(first.body());
		assertThat(hit.headers().firstValueAsLong("Content-Length")).hasValue(first.body().length);

		// the bytes come from the file: changed on disk (same length), the next hit
		// carries the change (every file with these bytes: an entry replaced by an
		// earlier test leaves its file for a minute)
		List<Path> stored;
		try (Stream<Path> all = Files.list(files.folder())) {
			stored = all.filter(f -> Arrays.equals(read(f), first.body())).toList();
		}
		assertThat(stored).isNotEmpty();
		byte[] changed = first.body().clone();
		changed[changed.length - 2] = (byte) (changed[changed.length - 2] == ' ' ? '\t' : ' ');
		try {
			for (Path file : stored) {
				Files.write(file, changed);
			}
			assertThat(bytes(request(path, null, null)).body()).isEqualTo(changed);
		}
		finally {
			for (Path file : stored) {
				Files.write(file, first.body());
			}
		}
		assertThat(bytes(request(path, null, null)).body()).isEqualTo(first.body());

		// a revalidation still gets 304 without a body
		String etag = hit.headers().firstValue("ETag").orElseThrow();
		HttpResponse<byte[]> revalidated = bytes(request(path, null, null).header("If-None-Match", etag));
		assertThat(revalidated.statusCode()).isEqualTo(304);
		assertThat(revalidated.body()).isEmpty();
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			return new byte[0];
		}
	}

	private HttpResponse<byte[]> bytes(HttpRequest.Builder request) {
		return send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	private static byte[] csv(int value) {
		return ("indicator;gebied;niveau;periode;waarde\n" + CODE + ";36015;gemeente;2024;" + value + "\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static String value(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get(0).get("value").asString();
	}

	private HttpRequest.Builder request(String path, String language, String user) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		if (language != null) {
			request.header("Cookie", PublicResponseCache.LANGUAGE_COOKIE + "=" + language);
		}
		if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		return request;
	}

	private HttpResponse<String> get(String path, String language, String user) {
		return send(request(path, language, user));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
		return Http.send(http, request.build(), body);
	}

}
