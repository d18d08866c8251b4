package be.obmi.privacy.web;

import java.util.List;
import java.util.Map;

import be.obmi.privacy.domain.FieldMask;
import be.obmi.privacy.domain.PublicRegister;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The public register: open to anyone, citizens' activities unless staff is asked. */
@PrivacyWebTest
class PublicRegisterControllerWebTests extends WebSliceSupport {

	static final PublicRegister.Result EMPTY = new PublicRegister.Result(FieldMask.defaults(), List.of(), Map.of(),
			List.of(), List.of(), List.of(), List.of());

	@Autowired
	PublicRegister register;

	@Test
	void anyoneSearchesTheCitizensRegisterWithTheQueryTrimmed() throws Exception {
		PublicRegister.Query query = new PublicRegister.Query("CITIZENS", "camera", null, null, null, null);
		when(register.search(MECHELEN, query)).thenReturn(EMPTY);
		mvc.perform(get("/mechelen/privacy/publiek").param("doelgroep", "IETS").param("q", "  camera "))
			.andExpect(status().isOk())
			.andExpect(view().name(PublicRegisterController.LIST_VIEW))
			.andExpect(model().attribute("query", query))
			.andExpect(model().attribute("result", EMPTY));
		verify(register).search(eq(MECHELEN), eq(query));
	}

	@Test
	void anActivityThatIsNotPublicIsNotFound() throws Exception {
		mvc.perform(get("/mechelen/privacy/publiek/" + PrivacyWebFixtures.ACTIVITY_ID))
			.andExpect(status().isNotFound());
		mvc.perform(get("/mechelen/privacy/publiek/geen-id")).andExpect(status().isNotFound());
	}

}
