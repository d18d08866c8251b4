package be.obmi.privacy.web;

import be.obmi.privacy.domain.PublicRegister;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public register as JSON: its shape; an unknown activity is 404. */
@PrivacyWebTest
class PublicRegisterApiControllerWebTests extends WebSliceSupport {

	@Autowired
	PublicRegister register;

	@Test
	void theListNamesTheTenantThePublicFieldsAndTheFacets() throws Exception {
		when(register.search(eq(MECHELEN), any())).thenReturn(PublicRegisterControllerWebTests.EMPTY);
		mvc.perform(get("/api/v1/mechelen/privacy/publiek"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.tenant").value("mechelen"))
			.andExpect(jsonPath("$.count").value(0))
			.andExpect(jsonPath("$.publicFields").isArray())
			.andExpect(jsonPath("$.facets.legalBasis").isArray());
	}

	@Test
	void anUnknownActivityIsNotFound() throws Exception {
		mvc.perform(get("/api/v1/mechelen/privacy/publiek/" + PrivacyWebFixtures.ACTIVITY_ID))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/onbekend/privacy/publiek")).andExpect(status().isNotFound());
	}

}
