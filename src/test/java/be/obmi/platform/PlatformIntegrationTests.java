package be.obmi.platform;

import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Operations endpoints, API documentation, security headers and htmx partials of the
 * running application.
 */
@ObmiIntegrationTest
class PlatformIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void healthIsUpAndInfoNamesTheApplication() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/info"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.application.name").value("OBMi"));
	}

	@Test
	void theApiIsDocumentedWithOpenApi() throws Exception {
		mvc.perform(get("/api/docs/openapi.json"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.info.title").value("OBMi API"))
			.andExpect(jsonPath("$.paths['/api/v1/{slug}/account'].get.parameters[0].name").value("slug"));
	}

	@Test
	void pagesCarryStrictSecurityHeaders() throws Exception {
		mvc.perform(get("/"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().exists("Referrer-Policy"));
	}

	@Test
	void htmxRequestsGetOnlyThePageContent() throws Exception {
		String full = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
		String partial = mvc.perform(get("/").header("HX-Request", "true"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(full).contains("<html").contains("<header");
		assertThat(partial).doesNotContain("<html").doesNotContain("<header").contains("<main").contains("Mechelen");
		String boosted = mvc.perform(get("/").header("HX-Request", "true").header("HX-Boosted", "true"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(boosted).contains("<html");
	}

	@Test
	void theTenantThemeMakesTheHeaderReadable() throws Exception {
		mvc.perform(get("/css/tenant/mechelen.css"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("--tenant-primary:#6d2077")))
			.andExpect(content().string(containsString("--tenant-on-primary:#ffffff")));
		mvc.perform(get("/css/tenant/bestaat-niet.css")).andExpect(status().isNotFound());
		mvc.perform(get("/bestaat-niet")).andExpect(status().isNotFound());
	}

	@Test
	void publicApiReadsCarryAnEtagAnswerConditionalRequestsAndAllowOtherOrigins() throws Exception {
		var first = mvc.perform(get("/api/v1/gent/stats/indicators"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		String etag = first.getHeader("ETag");
		assertThat(etag).isNotBlank();
		mvc.perform(get("/api/v1/gent/stats/indicators").header("If-None-Match", etag))
			.andExpect(status().isNotModified());
		mvc.perform(get("/api/v1/gent/stats/indicators").header("Origin", "https://data.example.org"))
			.andExpect(status().isOk())
			.andExpect(header().string("Access-Control-Allow-Origin", "*"));
		mvc.perform(MockMvcRequestBuilders.options("/api/v1/gent/stats/indicators")
			.header("Origin", "https://data.example.org")
			.header("Access-Control-Request-Method", "GET"))
			.andExpect(status().isOk())
			.andExpect(header().string("Access-Control-Allow-Origin", "*"));
	}

}
