package be.obmi.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import be.obmi.support.ApiClient;
import be.obmi.support.Http;
import be.obmi.support.ObmiIntegrationTest;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 20 goal 5 (ADR 0018): after a publication the cache keeps showing a page's answer
 * of before ({@code X-Obmi-Cache: stale}) for at most the grace while the page is
 * rendered again in the background, then the new page; after an unpublish or an import
 * never the old answer, not once; the warm-up's secret header from outside renders
 * nothing around the cache and is counted by the rate limit; the most visited pages are
 * saved and rendered into an empty cache at start.
 */
@ObmiIntegrationTest
class PublicPageWarmUpIntegrationTests {

	private static final String SLUG = "sint-niklaas";

	private static final String LIST = "/api/v1/" + SLUG + "/stats/indicators";

	@LocalServerPort
	int port;

	@Autowired
	PublicResponseCache cache;

	@Autowired
	PublicPageWarmUp warmUp;

	@Autowired
	PopularPublicPages pages;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private ApiClient editor;

	@AfterEach
	void offAgain() {
		cache.grace(Duration.ZERO);
		warmUp.pagesPerChange(0);
	}

	@Test
	void afterAPublicationThePageOfBeforeIsShownUntilItsNewAnswerIsStoredAndNeverAfterTheGrace() {
		String first = draft("sn_warm_een");
		String second = draft("sn_warm_twee");
		String third = draft("sn_warm_drie");
		cache.grace(Duration.ofSeconds(10));
		String dashboard = "/" + SLUG + "/cijfers";
		get(LIST);
		get(dashboard);
		assertThat(status(get(LIST))).isEqualTo("hit");

		// no warm-up after the change: the first visitor gets the page of before, which
		// sets off its render
		publish(first, true);
		HttpResponse<String> stale = get(LIST);
		assertThat(status(stale)).isEqualTo("stale");
		assertThat(stale.body()).doesNotContain(first);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			HttpResponse<String> fresh = get(LIST);
			assertThat(status(fresh)).isEqualTo("hit");
			assertThat(fresh.body()).contains(first);
		});

		// with the warm-up: the most visited pages of the tenant are rendered right
		// after the commit, so the next visitor gets the new page from the cache
		warmUp.pagesPerChange(50);
		publish(second, true);
		await().atMost(Duration.ofSeconds(10)).until(warmUp::idle);
		HttpResponse<String> warmed = get(LIST);
		assertThat(status(warmed)).isEqualTo("hit");
		assertThat(warmed.body()).contains(first, second);
		assertThat(status(get(dashboard))).as("also the tenant's other visited pages").isEqualTo("hit");

		// after the grace: rendered, never the page of before
		warmUp.pagesPerChange(0);
		cache.grace(Duration.ofMillis(300));
		publish(third, true);
		sleep(Duration.ofMillis(400));
		HttpResponse<String> late = get(LIST);
		assertThat(status(late)).isEqualTo("miss");
		assertThat(late.body()).contains(third);
	}

	@Test
	void afterAnUnpublishOrAnImportNeverThePageOfBefore() {
		String code = draft("sn_warm_weg");
		publish(code, true);
		cache.grace(Duration.ofSeconds(10));
		warmUp.pagesPerChange(50);
		get(LIST);
		assertThat(get(LIST).body()).contains(code);

		publish(code, false);
		HttpResponse<String> after = get(LIST);
		assertThat(status(after)).as("not once the page that still lists it").isNotEqualTo("stale");
		assertThat(after.body()).doesNotContain(code);

		// an import, right after a publication whose grace is still running
		String page = "/api/v1/" + SLUG + "/stats/observations?indicator=" + code + "&level=gemeente&period=2024";
		publish(code, true);
		assertThat(get(page).body()).contains("4242");
		assertThat(status(get(page))).isEqualTo("hit");
		upload(code, 4343);
		HttpResponse<String> imported = get(page);
		assertThat(status(imported)).isNotEqualTo("stale");
		assertThat(imported.body()).contains("4343").doesNotContain("4242");
	}

	@Test
	void theSecretHeaderFromOutsideIsAnOrdinaryAnonymousRequest() throws ServletException, IOException {
		String code = draft("sn_warm_geheim");
		cache.grace(Duration.ofSeconds(10));
		get(LIST);
		publish(code, true);
		HttpResponse<String> guessed = send(request(LIST).header(PublicPageWarmUp.HEADER, "0".repeat(64)));
		assertThat(status(guessed)).as("a wrong secret does not render around the old answer").isEqualTo("stale");

		// a wrong secret on a page that is rendered is counted by the anonymous API limit
		HttpResponse<String> counted = send(
				request(LIST + "?geheim=" + System.nanoTime()).header(PublicPageWarmUp.HEADER, "geheim"));
		assertThat(status(counted)).isEqualTo("miss");
		assertThat(counted.headers().firstValue("X-RateLimit-Remaining")).isPresent();
		MockHttpServletRequest outside = new MockHttpServletRequest("GET", LIST);
		outside.addHeader(PublicPageWarmUp.HEADER, "geheim");
		assertThat(warmUp.internal(outside)).isFalse();

		// the attribute the cache sets for its own requests lets them pass the limit
		OpenApiAccess.AnonymousRateLimit limit = new OpenApiAccess.AnonymousRateLimit(1);
		assertThat(limited(limit, false)).isEqualTo(200);
		assertThat(limited(limit, false)).isEqualTo(429);
		assertThat(limited(limit, true)).isEqualTo(200);
	}

	@Test
	void theMostVisitedPagesAreSavedAndRenderedIntoAnEmptyCacheAtStart() {
		String area = "/" + SLUG + "/cijfers/gebieden";
		get(area);
		get(area, "en");
		get(area);
		pages.save();
		List<String> saved = jdbc.sql("select target || ' ' || language from platform.popular_public_page")
			.query(String.class)
			.list();
		assertThat(saved).contains(area + " ", area + " en");

		// this test's page among the saved ones (in the shared context other tests' pages
		// may be visited more often and come first)
		List<PopularPublicPages.Page> ours = pages.saved(200).stream().filter(p -> p.target().equals(area)).toList();
		assertThat(ours).hasSize(2);
		cache.clear();
		assertThat(warmUp.warm(ours, Duration.ofSeconds(40))).isPositive();
		assertThat(status(get(area))).as("rendered before the first visitor").isEqualTo("hit");
		assertThat(status(get(area, "en"))).isEqualTo("hit");
	}

	private int limited(OpenApiAccess.AnonymousRateLimit limit, boolean internal) throws ServletException, IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", LIST);
		request.setRemoteAddr("192.0.2.20");
		if (internal) {
			request.setAttribute(PublicPageWarmUp.INTERNAL, Boolean.TRUE);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		limit.doFilter(request, response, (req, res) -> {
		});
		return response.getStatus();
	}

	/** A new draft indicator of the tenant, with a value for the city in 2024. */
	private String draft(String code) {
		upload(code, 4242);
		return code;
	}

	private void upload(String code, int value) {
		ApiClient.Response imported = editor().upload("/api/v1/" + SLUG + "/stats/import?createIndicators=true",
				code + ".csv",
				("indicator;gebied;niveau;periode;waarde\n" + code + ";46021;gemeente;2024;" + value + "\n")
					.getBytes(StandardCharsets.UTF_8),
				Map.of());
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
	}

	private void publish(String code, boolean value) {
		assertThat(editor().post(LIST + "/" + code + "/published?value=" + value).status()).isEqualTo(200);
	}

	private ApiClient editor() {
		if (editor == null) {
			editor = ApiClient.as(port, "redacteur." + SLUG);
		}
		return editor;
	}

	private static String status(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.headers().firstValue(PublicResponseCache.STATUS_HEADER).orElse("");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
	}

	private HttpResponse<String> get(String path) {
		return send(request(path));
	}

	private HttpResponse<String> get(String path, String language) {
		return send(request(path).header("Cookie", PublicResponseCache.LANGUAGE_COOKIE + "=" + language));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		return Http.send(http, request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
