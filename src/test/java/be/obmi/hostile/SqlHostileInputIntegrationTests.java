package be.obmi.hostile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.springframework.web.bind.annotation.ValueConstants;

/**
 * SQL meta-characters, NUL bytes, very long values and odd Unicode in every parameter of
 * every read route and every API route, enumerated from the request mappings (each
 * {@code @PathVariable} and {@code @RequestParam} of the handler), one parameter at a
 * time with sensible values for the others, over real HTTP as the platform admin (who may
 * use every route). No answer is a 5xx or shows a database error, and an injection in a
 * filter never widens the result.
 */
@ObmiIntegrationTest
class SqlHostileInputIntegrationTests {

	/**
	 * For every parameter: the classic injection with every meta-character
	 * ({@code ' " ; -- % _ \}), and a NUL in a very long value.
	 */
	static final List<String> PAYLOADS = List.of("' OR '1'='1\";--%_\\", "a\u0000" + "x".repeat(2_000));

	/**
	 * For API parameters also: a LIKE pattern, a stacked statement, odd Unicode and
	 * number edge cases.
	 */
	static final List<String> API_PAYLOADS = List.of("%' OR 1=1 --; DROP TABLE tenancy.tenant; --", "x".repeat(2_000),
			"Ω😀\u202E1e309", "-1");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	record Route(RequestMethod method, String pattern, List<Param> params) {
	}

	record Param(String name, boolean path, boolean required) {
	}

	@Test
	void metaCharactersInEveryParameterNeverGiveA5xxOrADatabaseError() throws Exception {
		ApiClient admin = ApiClient.as(port, "platformbeheerder");
		String indicator = admin.get("/api/v1/mechelen/stats/indicators").json().get(0).get("code").asString();
		String goal = admin.get("/api/v1/mechelen/plan/items").json().get(0).get("code").asString();
		List<Route> routes = routes();
		assertThat(routes).as("routes with parameters").hasSizeGreaterThan(30);
		HttpClient http = HttpClient.newHttpClient();
		List<Callable<String>> probes = new ArrayList<>();
		for (Route route : routes) {
			for (Param target : route.params()) {
				List<String> payloads = new ArrayList<>(PAYLOADS);
				if (route.pattern().startsWith("/api/")) {
					payloads.addAll(API_PAYLOADS);
				}
				for (String payload : payloads) {
					StringBuilder path = new StringBuilder(route.pattern());
					Map<String, String> query = new LinkedHashMap<>();
					for (Param param : route.params()) {
						String value = param == target ? payload : sensible(param, route.pattern(), indicator, goal);
						if (param.path()) {
							int at = path.indexOf("{" + param.name() + "}");
							if (at < 0) {
								// one handler, several patterns: this one lacks the
								// variable
								continue;
							}
							path.replace(at, at + param.name().length() + 2,
									UriUtils.encodePathSegment(value, StandardCharsets.UTF_8));
						}
						else if (value != null) {
							query.put(param.name(), value);
						}
					}
					StringBuilder uri = new StringBuilder("http://localhost:" + port + path);
					query.forEach((name, value) -> uri.append(uri.indexOf("?") < 0 ? '?' : '&')
						.append(name)
						.append('=')
						.append(UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8)));
					HttpRequest request = HttpRequest.newBuilder(URI.create(uri.toString()))
						.header("Authorization",
								"Basic " + Base64.getEncoder()
									.encodeToString("platformbeheerder:demo".getBytes(StandardCharsets.UTF_8)))
						.method(route.method().name(), HttpRequest.BodyPublishers.noBody())
						.build();
					String what = route.method() + " " + route.pattern() + " " + target.name() + "="
							+ abbreviate(payload);
					probes.add(() -> {
						HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
						String body = response.body();
						boolean bad = response.statusCode() >= 500 || body.contains("PSQLException")
								|| body.contains("SQLState") || body.contains("syntax error at")
								|| body.contains("BadSqlGrammar");
						return bad ? what + " gave " + response.statusCode() + ": " + abbreviate(body) : null;
					});
				}
			}
		}
		List<String> problems = new ArrayList<>();
		// a few at a time, as concurrent visitors would: the server answers while the
		// database works
		try (var pool = Executors.newFixedThreadPool(4)) {
			for (var result : pool.invokeAll(probes)) {
				if (result.get() != null) {
					problems.add(result.get());
				}
			}
		}
		int requests = probes.size();
		assertThat(problems).isEmpty();
		assertThat(requests).isGreaterThan(150);
		assertThat(admin.get("/api/v1/mechelen/plan/items").status()).as("tables still there").isEqualTo(200);
	}

	@Test
	void anInjectedFilterNeverWidensTheResult() {
		ApiClient anonymous = ApiClient.anonymous(port);
		for (String payload : List.of("' OR '1'='1", "%", "_", "%' OR 1=1 --")) {
			var observations = anonymous.get("/api/v1/mechelen/stats/observations?period=2024&level=gemeente&indicator="
					+ UriUtils.encodeQueryParam(payload, StandardCharsets.UTF_8));
			assertThat(observations.status()).as(payload).isIn(200, 400, 404);
			if (observations.status() == 200) {
				assertThat(observations.json().size()).as(payload).isZero();
			}
			var query = anonymous.get("/api/v1/mechelen/stats/observations/query?indicator="
					+ UriUtils.encodeQueryParam(payload, StandardCharsets.UTF_8));
			assertThat(query.status()).as(payload).isIn(200, 400, 404);
			if (query.status() == 200) {
				assertThat(query.json().get("total").asLong()).as(payload).isZero();
				assertThat(query.json().get("items").size()).as(payload).isZero();
			}
			var summary = ApiClient.as(port, "lezer.mechelen")
				.get("/api/v1/mechelen/finance/summary?code="
						+ UriUtils.encodeQueryParam(payload, StandardCharsets.UTF_8));
			assertThat(summary.status()).as(payload).isIn(200, 400, 404);
			if (summary.status() == 200) {
				assertThat(summary.json().get("expenditure").get("estimate").decimalValue().signum()).as(payload)
					.isZero();
				assertThat(summary.json().get("receipts").get("estimate").decimalValue().signum()).as(payload).isZero();
			}
		}
	}

	private static String sensible(Param param, String pattern, String indicator, String goal) {
		return switch (param.name()) {
			case "slug", "scope" -> "mechelen";
			case "level", "niveau" -> "gemeente";
			case "code" -> pattern.contains("gebied") ? "12025" : pattern.contains("impact") ? goal : indicator;
			case "indicator" -> indicator;
			case "period", "periode" -> "2024";
			case "format", "formaat" -> "csv";
			default -> param.required() ? "1" : null;
		};
	}

	/**
	 * GET routes and every /api route, with their path variables and request parameters.
	 */
	private List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			Set<RequestMethod> methods = new LinkedHashSet<>(entry.getKey().getMethodsCondition().getMethods());
			if (methods.isEmpty()) {
				methods.add(RequestMethod.GET);
			}
			List<Param> params = new ArrayList<>();
			for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
				PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
				RequestParam request = parameter.getParameterAnnotation(RequestParam.class);
				String name = parameter.getParameterName();
				if (path != null) {
					params.add(new Param(
							path.name().isEmpty() ? (path.value().isEmpty() ? name : path.value()) : path.name(), true,
							true));
				}
				else if (request != null && !parameter.getParameterType().getName().contains("MultipartFile")) {
					String requestName = request.name().isEmpty() ? (request.value().isEmpty() ? name : request.value())
							: request.name();
					params.add(new Param(requestName, false,
							request.required() && request.defaultValue().equals(ValueConstants.DEFAULT_NONE)));
				}
			}
			for (String pattern : entry.getKey().getPatternValues()) {
				List<Param> all = new ArrayList<>(params);
				for (String variable : List.of("slug", "scope")) {
					if (pattern.contains("{" + variable + "}")
							&& all.stream().noneMatch(p -> p.name().equals(variable))) {
						all.add(new Param(variable, true, true));
					}
				}
				for (RequestMethod method : methods) {
					if (!all.isEmpty() && (method == RequestMethod.GET || pattern.startsWith("/api/"))) {
						routes.add(new Route(method, pattern, all));
					}
				}
			}
		}
		return routes;
	}

	private static String abbreviate(String text) {
		return text.length() > 200 ? text.substring(0, 200) + "…" : text;
	}

}
