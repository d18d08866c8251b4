package be.obmi.privacy;

import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import be.obmi.audit.AuditTrail;
import be.obmi.identity.ObmiUser;
import be.obmi.identity.UserAccounts;
import be.obmi.privacy.domain.ActivityContent;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The public register: anonymous visitors see only activities that are published and
 * checked, of this city only, and only the fields the DPO's mask makes public — over the
 * pages, the JSON and the RDF; facets count what is found; the DPO (and only the DPO)
 * saves the mask.
 */
@ObmiIntegrationTest
class PublicRegisterIntegrationTests {

	static final String SLUG = "roeselare";

	/** The tenant whose mask the tests change. */
	static final String MASKED = "turnhout";

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	AuditTrail audit;

	@Autowired
	JsonMapper json;

	@Autowired
	UserAccounts accounts;

	PrivacyFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new PrivacyFixtures(jdbc, transactions, audit, json);
	}

	@Test
	void aPrivateFieldNeverShowsInTheJsonTheHtmlOrTheRdf() throws Exception {
		Tenant tenant = tenants.require(SLUG);
		String marker = unique("mask");
		UUID id = fixtures.published(tenant, PrivacyFixtures.content("Register P4 " + marker, marker));
		// the defaults: security measures, systems, controller and DPO contact are
		// private
		List<String> secret = List.of("maatregel-" + marker, "systeem-" + marker, "verantwoordelijke-" + marker,
				"dpo-" + marker);
		List<String> shown = List.of("doel-" + marker, "ontvanger-" + marker, "bewaartermijn-" + marker,
				"dienst-" + marker, "gezondheid-" + marker);
		for (String path : List.of("/" + SLUG + "/privacy/publiek", "/" + SLUG + "/privacy/publiek/" + id,
				"/api/v1/" + SLUG + "/privacy/publiek", "/api/v1/" + SLUG + "/privacy/publiek/" + id,
				"/api/v1/" + SLUG + "/privacy/publiek.ttl", "/api/v1/" + SLUG + "/privacy/publiek.jsonld")) {
			String body = anonymous(path);
			assertThat(body).as(path).contains("Register P4 " + marker);
			secret.forEach(value -> assertThat(body).as(path).doesNotContain(value));
			if (!path.endsWith("/publiek")) {
				shown.forEach(value -> assertThat(body).as(path).contains(value));
			}
		}
		JsonNode one = json.readTree(anonymous("/api/v1/" + SLUG + "/privacy/publiek/" + id));
		assertThat(one.has("securityMeasures")).isFalse();
		assertThat(one.has("controller")).isFalse();
		assertThat(one.get("legalBases").toString()).contains("A6-1-e");
		// a search over a private field finds nothing
		assertThat(json.readTree(anonymous("/api/v1/" + SLUG + "/privacy/publiek?q=maatregel-" + marker))
			.get("count")
			.asInt()).isZero();
		assertThat(
				json.readTree(anonymous("/api/v1/" + SLUG + "/privacy/publiek?q=DOEL-" + marker)).get("count").asInt())
			.isEqualTo(1);
	}

	@Test
	void theDposMaskHidesAFieldEverywhereAndIsInTheHistory() throws Exception {
		Tenant tenant = tenants.require(MASKED);
		String marker = unique("dpo");
		UUID id = fixtures.published(tenant, PrivacyFixtures.content("Masker P4 " + marker, marker));
		int version = jdbc.sql("select coalesce(max(version), 0) from privacy.field_mask where tenant_id = ?")
			.param(tenant.id())
			.query(Integer.class)
			.single();
		// purpose private, security measures public
		MockHttpServletResponse saved = mvc
			.perform(as(post("/" + MASKED + "/privacy/zichtbaarheid"), "dpo." + MASKED).with(csrf())
				.param("version", String.valueOf(version))
				.param("publiek", "legalBases", "dataSubjects", "securityMeasures"))
			.andReturn()
			.getResponse();
		assertThat(saved.getStatus()).isEqualTo(302);
		for (String path : List.of("/" + MASKED + "/privacy/publiek/" + id,
				"/api/v1/" + MASKED + "/privacy/publiek/" + id, "/api/v1/" + MASKED + "/privacy/publiek.ttl")) {
			String body = anonymous(path);
			assertThat(body).as(path).doesNotContain("doel-" + marker).doesNotContain("gegevens-" + marker);
			assertThat(body).as(path).contains("maatregel-" + marker);
		}
		assertThat(jdbc.sql("select count(*) from audit.audit_event where tenant_id = ? and entity_type = ?")
			.params(tenant.id(), "privacy.field_mask")
			.query(Integer.class)
			.single()).isPositive();
		// a stale version is refused and changes nothing
		MockHttpServletResponse stale = mvc
			.perform(as(post("/" + MASKED + "/privacy/zichtbaarheid"), "dpo." + MASKED).with(csrf())
				.param("version", String.valueOf(version))
				.param("publiek", "purpose"))
			.andReturn()
			.getResponse();
		assertThat(stale.getStatus()).isEqualTo(409);
		assertThat(anonymous("/api/v1/" + MASKED + "/privacy/publiek/" + id)).doesNotContain("doel-" + marker);
		// an unknown field is refused
		assertThat(mvc
			.perform(as(post("/" + MASKED + "/privacy/zichtbaarheid"), "dpo." + MASKED).with(csrf())
				.param("version", String.valueOf(version + 1))
				.param("publiek", "wachtwoord"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(400);
		// a redacteur of the city, or another city's DPO, may not
		for (String user : List.of("redacteur." + MASKED, "dpo.gent", "lezer." + MASKED)) {
			assertThat(mvc.perform(as(get("/" + MASKED + "/privacy/zichtbaarheid"), user))
				.andReturn()
				.getResponse()
				.getStatus()).as(user).isEqualTo(403);
		}
		assertThat(mvc.perform(as(get("/" + MASKED + "/privacy/zichtbaarheid"), "dpo." + MASKED))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("mask-securityMeasures");
	}

	@Test
	void anUnpublishedOrUncheckedActivityAndAnotherCitysAreAbsent() throws Exception {
		Tenant tenant = tenants.require(SLUG);
		String marker = unique("absent");
		UUID unpublished = fixtures.activity(tenant, PrivacyFixtures.content("Onzichtbaar A " + marker, marker),
				"CITIZENS", "CHECKED", false, null);
		UUID unchecked = fixtures.activity(tenant, PrivacyFixtures.content("Onzichtbaar B " + marker, marker),
				"CITIZENS", "COMPLETED", true, null);
		UUID gent = fixtures.published(tenants.require("gent"),
				PrivacyFixtures.content("Onzichtbaar Gent " + marker, marker));
		for (String path : List.of("/" + SLUG + "/privacy/publiek", "/api/v1/" + SLUG + "/privacy/publiek",
				"/api/v1/" + SLUG + "/privacy/publiek.ttl", "/api/v1/" + SLUG + "/privacy/publiek?doelgroep=STAFF")) {
			assertThat(anonymous(path)).as(path).doesNotContain(marker);
		}
		for (UUID id : List.of(unpublished, unchecked, gent)) {
			assertThat(status("/" + SLUG + "/privacy/publiek/" + id)).isEqualTo(404);
			assertThat(status("/api/v1/" + SLUG + "/privacy/publiek/" + id)).isEqualTo(404);
		}
		assertThat(status("/api/v1/" + SLUG + "/privacy/publiek/geen-uuid")).isEqualTo(404);
		assertThat(anonymous("/api/v1/gent/privacy/publiek/" + gent)).contains("Onzichtbaar Gent " + marker);
	}

	@Test
	void facetsCountTheFoundActivitiesAndFilter() throws Exception {
		Tenant tenant = tenants.require(SLUG);
		String marker = unique("facet");
		ActivityContent base = PrivacyFixtures.content("Facet A " + marker, marker);
		fixtures.published(tenant, base);
		fixtures.published(tenant,
				new ActivityContent("Facet B " + marker, base.purpose(), List.of("A6-1-a"), List.of(),
						base.dataSubjects(), base.dataCategories(), List.of("andere-ontvanger-" + marker), List.of(),
						base.retention(), base.securityMeasures(), base.responsibleService(), base.systems(),
						base.source(), base.controller(), base.dpoContact()));
		fixtures.activity(tenant, PrivacyFixtures.content("Facet personeel " + marker, marker), "STAFF", "CHECKED",
				true, null);
		JsonNode citizens = json
			.readTree(anonymous("/api/v1/" + SLUG + "/privacy/publiek?doelgroep=CITIZENS&q=" + marker));
		assertThat(citizens.get("count").asInt()).isEqualTo(2);
		assertThat(count(citizens, "dataCategory", "gegevens-" + marker)).isEqualTo(2);
		assertThat(count(citizens, "responsibleService", "dienst-" + marker)).isEqualTo(2);
		assertThat(count(citizens, "recipient", "ontvanger-" + marker)).isEqualTo(1);
		assertThat(count(citizens, "recipient", "andere-ontvanger-" + marker)).isEqualTo(1);
		assertThat(count(citizens, "legalBasis", "A6-1-a")).isEqualTo(1);
		JsonNode filtered = json.readTree(anonymous(
				"/api/v1/" + SLUG + "/privacy/publiek?doelgroep=CITIZENS&ontvanger=andere-ontvanger-" + marker));
		assertThat(filtered.get("count").asInt()).isEqualTo(1);
		assertThat(filtered.get("activities").get(0).get("name").asString()).isEqualTo("Facet B " + marker);
		// staff has its own tab; the search ignores accents
		JsonNode staff = json.readTree(anonymous("/api/v1/" + SLUG + "/privacy/publiek?doelgroep=STAFF&q=" + marker));
		assertThat(staff.get("count").asInt()).isEqualTo(1);
		assertThat(json.readTree(searched("/api/v1/" + SLUG + "/privacy/publiek", "categorieen " + marker))
			.get("count")
			.asInt()).isEqualTo(3);
		String page = anonymous("/" + SLUG + "/privacy/publiek?doelgroep=CITIZENS&gegevens=gegevens-" + marker);
		assertThat(page).contains("Facet A " + marker, "Facet B " + marker, "gegevens-" + marker + " (2)")
			.doesNotContain("Facet personeel " + marker);
		assertThat(anonymous("/" + SLUG + "/privacy/publiek?doelgroep=STAFF")).contains("Facet personeel " + marker);
	}

	@Test
	void thePagesSpeakDutchAndEnglish() throws Exception {
		Tenant tenant = tenants.require(SLUG);
		String marker = unique("taal");
		UUID id = fixtures.published(tenant, PrivacyFixtures.content("Taal " + marker, marker));
		assertThat(anonymous("/" + SLUG + "/privacy/publiek")).contains("Verwerkingsregister van Roeselare",
				"Rechtsgrond");
		assertThat(anonymous("/" + SLUG + "/privacy/publiek?lang=en")).contains(
				"Register of processing activities of Roeselare", "Legal basis",
				"Public interest or official authority (art. 6(1)(e) GDPR)");
		assertThat(anonymous("/" + SLUG + "/privacy/publiek/" + id + "?lang=en")).contains("Data subjects",
				"Retention period", "sensitive");
	}

	private static int count(JsonNode result, String facet, String value) {
		for (JsonNode entry : result.get("facets").get(facet)) {
			if (entry.get("value").asString().equals(value)) {
				return entry.get("count").asInt();
			}
		}
		return 0;
	}

	private String anonymous(String path) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		response.setCharacterEncoding("UTF-8");
		return response.getContentAsString();
	}

	private String searched(String path, String q) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).param("q", q)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		response.setCharacterEncoding("UTF-8");
		return response.getContentAsString();
	}

	private int status(String path) throws Exception {
		return mvc.perform(get(path)).andReturn().getResponse().getStatus();
	}

	private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String username) {
		ObmiUser user = accounts.loadUserByUsername(username);
		return request
			.with(authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
	}

	static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

}
