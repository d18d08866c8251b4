package be.obmi.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.UserAccounts;
import be.obmi.support.ObmiIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import java.util.ArrayList;
import java.util.List;

/**
 * Errors of a refused file are read in the user's language (issue 14): the API answers in
 * the language chosen on the site, else the request's {@code Accept-Language}, else
 * Dutch; the import pages in the site's language. Row and column stay the same in every
 * language.
 */
@ObmiIntegrationTest
class ImportErrorLanguageIntegrationTests {

	static final String BAD_STATISTICS = "indicator;gebied;periode;waarde\nbev_totaal;99999999;2024;5\n"
			+ "bev_totaal;34022;2024X;5\nbev_totaal;34022;2024;veel\n";

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Test
	void theApiAnswersInTheRequestedLanguageWithTheSameRowsAndColumns() throws Exception {
		JsonNode dutch = upload(null, null);
		JsonNode english = upload("en-GB,en;q=0.9", null);
		JsonNode chosenDutch = upload("en-GB", "nl");

		assertThat(dutch.get("detail").asString()).isEqualTo("Het bestand is geweigerd; er is niets gewijzigd.");
		assertThat(messages(dutch)).containsExactly("2 gebied Onbekend gebied '99999999'.",
				"3 periode Ongeldige periode '2024X': verwacht bv. 2024, 2024S1, 2024Q3 of 2024-06.",
				"4 waarde 'veel' is geen getal.");
		assertThat(english.get("detail").asString()).isEqualTo("The file was refused; nothing was changed.");
		assertThat(messages(english)).containsExactly("2 gebied Unknown area '99999999'.",
				"3 periode Invalid period '2024X': expected e.g. 2024, 2024S1, 2024Q3 or 2024-06.",
				"4 waarde 'veel' is not a number.");
		assertThat(messages(chosenDutch)).isEqualTo(messages(dutch));
	}

	@Test
	void theImportPageShowsTheErrorsInTheSiteLanguage() throws Exception {
		ObmiUser editor = accounts.loadUserByUsername("redacteur.kortrijk");
		var auth = authentication(
				UsernamePasswordAuthenticationToken.authenticated(editor, null, editor.getAuthorities()));
		MockMultipartFile file = new MockMultipartFile("file", "fout.csv", "text/csv",
				BAD_STATISTICS.getBytes(StandardCharsets.UTF_8));
		String english = mvc
			.perform(multipart("/kortrijk/cijfers/beheer/import").file(file)
				.with(auth)
				.with(csrf())
				.cookie(new Cookie("obmi-taal", "en")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String dutch = mvc.perform(multipart("/kortrijk/cijfers/beheer/import").file(file).with(auth).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(english).contains("Unknown area &#39;99999999&#39;.", "&#39;veel&#39; is not a number.")
			.doesNotContain("is geen getal");
		assertThat(dutch).contains("Onbekend gebied &#39;99999999&#39;.", "&#39;veel&#39; is geen getal.");
	}

	@Test
	void aFileLevelErrorOfAPlanImportIsInEnglishToo() throws Exception {
		JsonNode english = send("/api/v1/kortrijk/plan/import", "beheerder.kortrijk", "plan.csv",
				"titel;type\nIets;BD\n", "en");
		assertThat(english.get("errors").get(0).get("message").asString())
			.isEqualTo("Required column 'code' is missing from the header row.");
	}

	private JsonNode upload(String acceptLanguage, String cookie) throws Exception {
		HttpRequest.Builder request = multipartRequest("/api/v1/kortrijk/stats/import", "redacteur.kortrijk",
				"fout.csv", BAD_STATISTICS);
		if (acceptLanguage != null) {
			request.header("Accept-Language", acceptLanguage);
		}
		if (cookie != null) {
			request.header("Cookie", "obmi-taal=" + cookie);
		}
		return answer(request, 422);
	}

	private JsonNode send(String path, String user, String filename, String content, String acceptLanguage)
			throws Exception {
		return answer(multipartRequest(path, user, filename, content).header("Accept-Language", acceptLanguage), 422);
	}

	private HttpRequest.Builder multipartRequest(String path, String user, String filename, String content) {
		String boundary = "obmi" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
	}

	private static JsonNode answer(HttpRequest.Builder request, int status) throws Exception {
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<String> response = client.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
			return JsonMapper.builder().build().readTree(response.body());
		}
	}

	private static List<String> messages(JsonNode problem) {
		List<String> lines = new ArrayList<>();
		problem.get("errors")
			.forEach(e -> lines
				.add(e.get("row").asInt() + " " + e.get("column").asString() + " " + e.get("message").asString()));
		return lines;
	}

}
