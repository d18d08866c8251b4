package be.obmi.hostile;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.util.Base64;
import java.util.HashMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ValueConstants;

/**
 * Issue 11, point 9: every form and API field has length and range checks answered with a
 * Dutch 400, never a 500. The routes and their fields are read from the application's own
 * {@code RequestMappingHandlerMapping} (every {@code @RequestParam}, every component of a
 * {@code @ModelAttribute} form and every path variable), so a field added later is fuzzed
 * without editing this test. Each field in turn gets hostile values for its type — a text
 * of 100,001 characters, a NUL character, numbers that overflow, underflow or are not
 * numbers, dates outside 1900–2200 or that do not exist — while the other fields hold
 * plausible values. The fuzz tenant's editors and administrator send them with the right
 * role, so access control does not hide a missing check:
 * <ul>
 * <li>no answer is a 5xx;</li>
 * <li>a write with a hostile value is refused with a 4xx (not accepted with a redirect or
 * 200), and its body is Dutch and, for the API, names the field;</li>
 * <li>a read with a hostile value is refused in Dutch or ignored, never a 5xx;</li>
 * <li>afterwards no table holds any of the long texts.</li>
 * </ul>
 */
@ObmiIntegrationTest
class FieldBoundsHostileInputIntegrationTests {

	static final String TENANT = "antwerpen";

	static final String LONG = "FUZZ" + "x".repeat(100_000);

	static final List<String> NUMBERS = List.of("99999999999999999999999", "-99999999999999999999999", "1e400", "NaN",
			"Infinity", "1e-400", "12abc");

	static final List<String> DATES = List.of("0001-01-01", "99999-12-31", "1850-06-30", "2025-02-30", "gisteren");

	/**
	 * Routes only the tenant's DPO may use (see RouteAccessHostileInputIntegrationTests).
	 */
	static final Pattern DPO_STEP = Pattern.compile("/\\{slug}/privacy/(zichtbaarheid|verwerkingen/[^/]+/"
			+ "(nazien|publiceren|depubliceren)|dpia/[^/]+/(advies|dpo-vereist)|maturiteit/[^/]+/afsluiten)");

	/**
	 * pirk (P3): routes with owner data need the function OWNER_DATA (the vacancy
	 * officer, redacteur with that function).
	 */
	static final Pattern OWNER_STEP = Pattern
		.compile("/\\{slug}/pirk/(eigenaars(/.*)?|campagnes/[^/]+/(verzenden|brieven\\.csv))");

	/** String fields that carry a number or a year. */
	static final Pattern NUMERIC_TEXT = Pattern.compile("(?i).*(value|target|baseline|waarde|year|jaar|threshold).*");

	/**
	 * Words a Dutch message of the platform uses; an English default message has none of
	 * them.
	 */
	static final Pattern DUTCH = Pattern
		.compile("(?i)\\b(moet|mag|niet|niets|ongeldig|waarde|tussen|geweigerd|te lang|tekens|"
				+ "verplicht|bestaat|onbekend|gewijzigd|kies|geef|hoort|heeft|veld)");

	/** Phrases of Spring's and Hibernate Validator's English defaults. */
	static final Pattern ENGLISH = Pattern.compile(
			"(?i)(failed to convert|required request|must not|must be|size must|bad request|validation failed|is not present|not a valid)");

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcClient jdbc;

	/**
	 * A field of a route; {@code optional} when the route does without it (then it is
	 * only sent as the target).
	 */
	record Field(String name, Class<?> type, boolean path, boolean optional) {

		Field(String name, Class<?> type, boolean path) {
			this(name, type, path, false);
		}

	}

	/**
	 * Real identifiers of the fuzz tenant, so a hostile value is judged by its field's
	 * check, not by a 404.
	 */
	final Map<String, String> ids = new HashMap<>();

	private void findIds() {
		long tenant = jdbc.sql("select id from tenancy.tenant where slug = ?").param(TENANT).query(Long.class).single();
		long indicator = jdbc.sql("""
				select i.id from plan.indicator i join plan.plan_item p on p.id = i.item_id
				where i.tenant_id = ? and i.value_type = 'NUMBER' order by i.id limit 1""")
			.param(tenant)
			.query(Long.class)
			.single();
		ids.put("indicator", String.valueOf(indicator));
		ids.put("item",
				String.valueOf(jdbc.sql("select item_id from plan.indicator where id = ?")
					.param(indicator)
					.query(Long.class)
					.single()));
		jdbc.sql("select id from plan.status_round where tenant_id = ? order by id desc limit 1")
			.param(tenant)
			.query(Long.class)
			.optional()
			.ifPresent(round -> ids.put("round", String.valueOf(round)));
		ids.put("user",
				String.valueOf(jdbc.sql("select id from identity.user_account where username = ?")
					.param("lezer." + TENANT)
					.query(Long.class)
					.single()));
	}

	@Test
	void everyFieldOfEveryRouteRefusesOutOfBoundsValuesInDutchAndNeverFails() throws Exception {
		findIds();
		List<String> problems = new ArrayList<>();
		int fuzzed = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			HandlerMethod handler = mapping.getValue();
			List<Field> fields = fields(handler);
			if (fields.isEmpty()) {
				continue;
			}
			Set<RequestMethod> declared = mapping.getKey().getMethodsCondition().getMethods();
			List<HttpMethod> methods = declared.isEmpty() ? List.of(HttpMethod.GET)
					: declared.stream().map(m -> HttpMethod.valueOf(m.name())).toList();
			for (String pattern : mapping.getKey().getPatternValues()) {
				if (pattern.equals("/error") || pattern.startsWith("/api/docs")) {
					continue;
				}
				for (HttpMethod method : methods) {
					for (Field target : fields) {
						for (String hostile : hostile(target, method)) {
							fuzzed++;
							String label = method + " " + pattern + " " + target.name() + "=" + shorten(hostile);
							Answer response = perform(method, pattern, fields, target, hostile);
							judge(label, method, pattern, target, response, problems);
						}
					}
				}
			}
		}
		assertThat(fuzzed).as("requests sent").isGreaterThan(300);
		List<String> stored = storedLongTexts();
		assertThat(problems).as("answers to out-of-bounds values").isEmpty();
		assertThat(stored).as("columns holding a 100,001-character text after the fuzz").isEmpty();
	}

	private void judge(String label, HttpMethod method, String pattern, Field target, Answer response,
			List<String> problems) {
		int status = response.status();
		String body = response.body();
		if (status >= 500) {
			problems.add(label + " → " + status);
			return;
		}
		if (status == 401 || status == 403) {
			problems.add(label + " → " + status + " (the fuzz user should have had access)");
			return;
		}
		boolean write = method != HttpMethod.GET;
		if (write && status < 400) {
			problems.add(label + " → accepted with " + status
					+ (response.location() == null ? "" : " → " + response.location()));
			return;
		}
		if (status == 400 || (write && status >= 400 && status != 404)) {
			if (!DUTCH.matcher(body).find() || ENGLISH.matcher(body).find()) {
				problems.add(label + " → " + status + " without a Dutch message: " + shorten(body));
			}
			else if (pattern.startsWith("/api/") && !target.path() && !body.contains(target.name())) {
				problems.add(label + " → " + status + " does not name the field: " + shorten(body));
			}
		}
	}

	/** What came back: status, body and where a redirect points. */
	record Answer(int status, String body, String location) {
	}

	private final Map<String, String[]> sessions = new HashMap<>();

	/**
	 * A logged-in session's cookie and CSRF token for pages, or the Basic header for the
	 * API.
	 */
	private String[] credentials(String username, boolean api) {
		return sessions.computeIfAbsent(username + api, key -> {
			if (api) {
				return new String[] { "Authorization", "Basic "
						+ Base64.getEncoder().encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8)),
						null };
			}
			PageSession session = PageSession.login(port, username);
			String token = URLDecoder.decode(session.csrf("/account"), StandardCharsets.UTF_8);
			return new String[] { "Cookie", session.cookieHeader(), token };
		});
	}

	private Answer perform(HttpMethod method, String pattern, List<Field> fields, Field target, String hostile)
			throws Exception {
		String path = pattern;
		Map<String, String> params = new LinkedHashMap<>();
		boolean multipart = false;
		for (Field field : fields) {
			if (field != target && field.optional() && field.type() != MultipartFile.class) {
				continue;
			}
			String value = field == target ? hostile : plausible(field, pattern);
			if (field.path()) {
				path = path.replace("{" + field.name() + "}", encode(value).replace("+", "%20"));
			}
			else if (field.type() == MultipartFile.class) {
				multipart = true;
			}
			else {
				params.put(field.name(), value);
			}
		}
		path = path.replace("{slug}", TENANT)
			.replace("{scope}", TENANT)// a variable with a regular expression may hold
										// braces itself: {id:[0-9a-f-]{36}}
			.replaceAll("\\{\\*?[^{}]*(\\{[^{}]*}[^{}]*)*}", "1");
		boolean api = pattern.startsWith("/api/");
		String[] credentials = credentials(user(pattern), api);
		HttpRequest.Builder request = HttpRequest.newBuilder()
			.header(credentials[0], credentials[1])
			.header("Accept-Language", "nl-BE")
			.header("Accept", api ? "application/json" : "text/html");
		if (credentials[2] != null) {
			request.header("X-CSRF-TOKEN", credentials[2]);
		}
		String query = params.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		if (method == HttpMethod.GET) {
			request.uri(URI.create(base() + path + (query.isEmpty() ? "" : "?" + query))).GET();
		}
		else if (multipart) {
			String boundary = "fuzz-" + UUID.randomUUID();
			StringBuilder body = new StringBuilder();
			params.forEach((name, value) -> body.append("--")
				.append(boundary)
				.append("\r\nContent-Disposition: form-data; name=\"")
				.append(name)
				.append("\"\r\n\r\n")
				.append(value)
				.append("\r\n"));
			for (Field field : fields) {
				if (field.type() == MultipartFile.class) {
					body.append("--")
						.append(boundary)
						.append("\r\nContent-Disposition: form-data; name=\"")
						.append(field.name())
						.append("\"; filename=\"leeg.csv\"\r\nContent-Type: text/csv\r\n\r\na;b\n\r\n");
				}
			}
			body.append("--").append(boundary).append("--\r\n");
			request.uri(URI.create(base() + path))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.method(method.name(), HttpRequest.BodyPublishers.ofString(body.toString()));
		}
		else {
			request.uri(URI.create(base() + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.method(method.name(), HttpRequest.BodyPublishers.ofString(query));
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.body(),
				response.headers().firstValue("Location").orElse(null));
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String user(String pattern) {
		if (pattern.startsWith("/platform") || pattern.startsWith("/api/v1/platform")) {
			return "platformbeheerder";
		}
		if (pattern.startsWith("/account")) {
			return "lezer." + TENANT;
		}
		// the Kenniscentrum's editors' pages
		if (pattern.startsWith("/kenniscentrum") || pattern.startsWith("/api/v1/kenniscentrum")) {
			return "kenniscentrum";
		}
		// the DPO's steps (the DPO is lezer, with the DPO function)
		if (DPO_STEP.matcher(pattern).matches()) {
			return "dpo." + TENANT;
		}
		if (OWNER_STEP.matcher(pattern).matches()) {
			return "leegstand." + TENANT;
		}
		// rights: the social workers' questionnaire and cases need the function
		// SOCIAL_WORKER
		if (pattern.startsWith("/{slug}/rechtenverkenner/hulpverlener")) {
			return "hulpverlener." + TENANT;
		}
		return "beheerder." + TENANT;
	}

	/**
	 * A value that passes its field's checks, so that the hostile one is what a refusal
	 * is about.
	 */
	private String plausible(Field field, String pattern) {
		String name = field.name().toLowerCase(Locale.ROOT);
		Class<?> type = field.type();
		if (field.path()) {
			if (name.equals("name")) {
				return "fuzz";
			}
			if (name.equals("itemid") || (name.equals("id") && pattern.contains("/items/{id}"))) {
				return ids.get("item");
			}
			if (name.equals("id") && pattern.contains("/rondes/{id}")) {
				return ids.getOrDefault("round", "1");
			}
			if (name.equals("id") && pattern.contains("/gebruikers/{id}")) {
				return ids.get("user");
			}
			return "1";
		}
		if (name.equals("indicator") && type == long.class) {
			return ids.get("indicator");
		}
		if (name.equals("round")) {
			return ids.getOrDefault("round", "1");
		}
		if (type == boolean.class || type == Boolean.class) {
			return "false";
		}
		if (type == LocalDate.class) {
			return name.contains("deadline") ? "2026-07-31" : "2026-06-30";
		}
		if (type.isEnum()) {
			return type.getEnumConstants()[0].toString();
		}
		if (type == String.class) {
			if (name.contains("mail")) {
				return "fuzz@example.org";
			}
			if (name.contains("password")) {
				return "Lang-genoeg-wachtwoord-2026!";
			}
			if (name.equals("niscode")) {
				return "11002";
			}
			if (name.equals("level") || name.equals("niveau")) {
				return "gemeente";
			}
			if (name.equals("format") || name.equals("formaat")) {
				return "csv";
			}
			if (name.equals("lang")) {
				return "nl";
			}
			if (name.contains("year") || name.contains("jaar")) {
				return "2026";
			}
			return NUMERIC_TEXT.matcher(name).matches() ? "12" : "fuzz";
		}
		if (name.contains("year") || name.contains("jaar")) {
			return "2026";
		}
		return "1";
	}

	private static List<String> hostile(Field field, HttpMethod method) {
		Class<?> type = field.type();
		List<String> values = new ArrayList<>();
		if (type == String.class) {
			values.add(LONG);
			values.add("a\u0000b");
			if (NUMERIC_TEXT.matcher(field.name()).matches()) {
				values.addAll(NUMBERS);
			}
		}
		else if (isNumber(type)) {
			values.addAll(NUMBERS);
			if (field.name().toLowerCase(Locale.ROOT).matches(".*(year|jaar).*")) {
				values.add("99999");
				values.add("-5");
			}
		}
		else if (type == LocalDate.class) {
			values.addAll(DATES);
		}
		else if (type.isEnum() || type == boolean.class || type == Boolean.class) {
			values.add("ONBEKEND" + "x".repeat(300));
		}
		if (field.path()) {
			// a NUL or a text that long never reaches the application in a path: the
			// server refuses the request line
			values.remove(LONG);
			values.remove("a\u0000b");
			values.add("x".repeat(2000));
		}
		else if (method == HttpMethod.GET && values.remove(LONG)) {
			// a query string must fit in the request line (8 kB)
			values.add(0, LONG.substring(0, 3000));
		}
		return values;
	}

	private static boolean isNumber(Class<?> type) {
		return type == int.class || type == long.class || type == double.class || type == Integer.class
				|| type == Long.class || type == Double.class || type == BigDecimal.class;
	}

	/**
	 * The fields a handler binds from the request: request parameters, form components
	 * and path variables.
	 */
	static List<Field> fields(HandlerMethod handler) {
		List<Field> fields = new ArrayList<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			Parameter reflected = parameter.getParameter();
			var requestParam = parameter.getParameterAnnotation(RequestParam.class);
			var pathVariable = parameter.getParameterAnnotation(PathVariable.class);
			if (requestParam != null) {
				String name = !requestParam.name().isEmpty() ? requestParam.name()
						: !requestParam.value().isEmpty() ? requestParam.value() : reflected.getName();
				boolean optional = !requestParam.required()
						|| !requestParam.defaultValue().equals(ValueConstants.DEFAULT_NONE);
				if (Map.class.isAssignableFrom(parameter.getParameterType())) {
					continue;
				}
				fields.add(new Field(name, parameter.getParameterType(), false, optional));
			}
			else if (pathVariable != null) {
				String name = pathVariable.name().isEmpty() ? reflected.getName() : pathVariable.name();
				if (!name.equals("slug") && !name.equals("scope")) {
					fields.add(new Field(name, parameter.getParameterType(), true));
				}
			}
			else if (parameter.hasParameterAnnotation(ModelAttribute.class)
					&& parameter.getParameterType().isRecord()) {
				for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
					fields.add(new Field(component.getName(), component.getType(), false));
				}
			}
			else if (MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
				fields.add(new Field(reflected.getName(), MultipartFile.class, false));
			}
		}
		return fields.stream().anyMatch(f -> f.type() != MultipartFile.class) ? fields : List.of();
	}

	/**
	 * Every text column of the application's schemas that holds one of the long texts.
	 */
	private List<String> storedLongTexts() {
		List<String> found = new ArrayList<>();
		List<Map<String, Object>> columns = jdbc
			.sql("""
					select table_schema, table_name, column_name from information_schema.columns
					where table_schema not in ('pg_catalog', 'information_schema')
					  and data_type in ('text', 'character varying', 'jsonb', 'json')
					  and table_name in (select table_name from information_schema.tables where table_type = 'BASE TABLE')""")
			.query()
			.listOfRows();
		for (Map<String, Object> column : columns) {
			String qualified = "\"" + column.get("table_schema") + "\".\"" + column.get("table_name") + "\"";
			String name = "\"" + column.get("column_name") + "\"";
			long count = jdbc
				.sql("select count(*) from " + qualified + " where length(" + name + "::text) > 100000 and " + name
						+ "::text like '%FUZZxxxxxxxxxx%'")
				.query(Long.class)
				.single();
			if (count > 0) {
				found.add(qualified + "." + name + ": " + count);
			}
		}
		return found;
	}

	private static String shorten(String text) {
		String flat = text.replaceAll("\\s+", " ").replaceAll("x{10,}", "x…x");
		return flat.length() > 160 ? flat.substring(0, 160) + "… (" + flat.length() + ")" : flat;
	}

}
