package be.obmi.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.UserAccounts;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Refusals of a step (a value the rules refuse, a state that does not allow it, a check
 * of a form's field) are read in the user's language, as the errors of a refused file
 * are: a page in the language chosen on the site ({@code obmi-taal}, which a browser's
 * {@code Accept-Language} does not change), the API in that language, else the request's
 * {@code Accept-Language}, else Dutch. The Dutch texts are those the refusals had before
 * they became message codes. Nothing is changed by these requests (in Mechelen, whose
 * demo data the tests only read).
 */
@ObmiIntegrationTest
class RefusalLanguageIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Tenants tenants;

	@Autowired
	Plans plans;

	@Autowired
	PlanItems items;

	@Autowired
	StatusRounds rounds;

	@Test
	void aPageFormShowsARefusedValueInTheSiteLanguage() throws Exception {
		PlanItem item = anItem();
		String dutch = saveItem(item, "2026-05-01", "2026-01-01", "1", null, null);
		String english = saveItem(item, "2026-05-01", "2026-01-01", "1", "en", null);
		String browserInEnglish = saveItem(item, "2026-05-01", "2026-01-01", "1", null, "en-GB,en;q=0.9");

		assertThat(dutch).contains("De einddatum ligt voor de startdatum.");
		assertThat(english).contains("The end date is before the start date.").doesNotContain("einddatum ligt");
		assertThat(browserInEnglish).contains("De einddatum ligt voor de startdatum.");
	}

	@Test
	void aFormFieldCheckIsInTheSiteLanguage() throws Exception {
		PlanItem item = anItem();
		String dutch = saveItem(item, null, null, "-1", null, null);
		String english = saveItem(item, null, null, "-1", "en", null);

		assertThat(dutch).contains("Gewicht mag niet negatief zijn.");
		assertThat(english).contains("The weight cannot be negative.").doesNotContain("Gewicht mag");
	}

	@Test
	void aStepARoundsStateRefusesIsFlashedInTheSiteLanguage() throws Exception {
		Tenant mechelen = tenants.require("mechelen");
		Plan plan = plans.current(mechelen).orElseThrow();
		StatusRound closed = rounds.rounds(plan).stream().filter(r -> !r.open()).findFirst().orElseThrow();
		long update = rounds.tasks(mechelen, closed)
			.stream()
			.filter(t -> t.update() != null)
			.findFirst()
			.orElseThrow()
			.update()
			.id();
		String path = "/mechelen/plan/rondes/" + closed.id() + "/updates/" + update + "/goedkeuren";

		MvcResult dutch = mvc.perform(post(path).with(editor()).with(csrf())).andReturn();
		MvcResult english = mvc.perform(post(path).with(editor()).with(csrf()).cookie(new Cookie("obmi-taal", "en")))
			.andReturn();

		assertThat(dutch.getFlashMap().get("error"))
			.isEqualTo("Deze ronde is afgesloten; updates kunnen niet meer wijzigen.");
		assertThat(english.getFlashMap().get("error"))
			.isEqualTo("This round is closed; its updates can no longer change.");
	}

	@Test
	void theApiAnswersARefusalInTheRequestedLanguage() throws Exception {
		String path = "/api/v1/mechelen/stats/observations?indicator=bestaat_niet&period=2024&level=wijk";
		JsonNode dutch = get(path, null, null, 404);
		JsonNode english = get(path, "en-GB,en;q=0.9", null, 404);
		JsonNode chosenDutch = get(path, "en-GB", "nl", 404);

		assertThat(dutch.get("detail").asString()).isEqualTo("Onbekende indicator bestaat_niet");
		assertThat(english.get("detail").asString()).isEqualTo("Unknown indicator bestaat_niet");
		assertThat(english.get("message").asString()).isEqualTo("Unknown indicator bestaat_niet");
		assertThat(chosenDutch.get("detail").asString()).isEqualTo("Onbekende indicator bestaat_niet");
	}

	@Test
	void theApiAnswersAFieldCheckInTheRequestedLanguage() throws Exception {
		String path = "/api/v1/mechelen/stats/observations?indicator=" + "x".repeat(101) + "&period=2024";
		JsonNode dutch = get(path, null, null, 400);
		JsonNode english = get(path, "en", null, 400);

		assertThat(dutch.get("errors").get(0).get("message").asString())
			.contains("moet tussen 0 en 100 tekens lang zijn");
		assertThat(english.get("errors").get(0).get("message").asString())
			.contains("must be between 0 and 100 characters long")
			.startsWith("Field ");
	}

	@Test
	void aFilterAnswersItsRefusalInTheRequestedLanguageToo() throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/mechelen/account"))
			.header("Authorization", "Bearer obmi_ongeldig0000000000000000000000")
			.GET();
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<String> dutch = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> english = client.send(request.header("Accept-Language", "en").build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(dutch.statusCode()).isEqualTo(401);
			assertThat(JsonMapper.builder().build().readTree(dutch.body()).get("detail").asString())
				.isEqualTo("Ongeldig of ingetrokken API-token");
			assertThat(english.statusCode()).isEqualTo(401);
			assertThat(JsonMapper.builder().build().readTree(english.body()).get("detail").asString())
				.isEqualTo("Invalid or revoked API token");
		}
	}

	private PlanItem anItem() {
		Plan plan = plans.current(tenants.require("mechelen")).orElseThrow();
		return items.all(plan)
			.stream()
			.filter(i -> !i.priority() && i.type().name().equals("AC"))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Saves the item's form with the given dates and weight, as an editor, in the site
	 * language {@code cookie} (or none) with the browser language {@code acceptLanguage}
	 * (or none); the page that answers.
	 */
	private String saveItem(PlanItem item, String start, String end, String weight, String cookie,
			String acceptLanguage) throws Exception {
		MockHttpServletRequestBuilder request = post("/mechelen/plan/items/" + item.id()).with(editor())
			.with(csrf())
			.param("title", item.title())
			.param("_priority", "on")
			.param("weight", weight)
			.param("version", String.valueOf(item.version()));
		if (start != null) {
			request.param("startDate", start).param("endDate", end);
		}
		if (cookie != null) {
			request.cookie(new Cookie("obmi-taal", cookie));
		}
		if (acceptLanguage != null) {
			request.header("Accept-Language", acceptLanguage);
		}
		MvcResult result = mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private RequestPostProcessor editor() {
		ObmiUser editor = accounts.loadUserByUsername("redacteur.mechelen");
		return authentication(UsernamePasswordAuthenticationToken.authenticated(editor, null, editor.getAuthorities()));
	}

	private JsonNode get(String path, String acceptLanguage, String cookie, int status) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		if (acceptLanguage != null) {
			request.header("Accept-Language", acceptLanguage);
		}
		if (cookie != null) {
			request.header("Cookie", "obmi-taal=" + cookie);
		}
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<String> response = client.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
			return JsonMapper.builder().build().readTree(response.body());
		}
	}

}
