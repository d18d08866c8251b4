package be.obmi.identity;

import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The login page and why the last login failed. */
@IdentityWebTest
class LoginControllerWebTests extends WebSliceSupport {

	@Test
	void theLoginPageIsPublicAndNamesNoErrorAtFirst() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(view().name(LoginController.VIEW))
			.andExpect(model().attributeDoesNotExist("loginError"));
	}

	@Test
	void theReasonOfTheLastFailureIsShownOnce() throws Exception {
		MockHttpSession session = new MockHttpSession();
		session.setAttribute("obmi.loginError", "locked");
		mvc.perform(get("/login").session(session))
			.andExpect(status().isOk())
			.andExpect(model().attribute("loginError", "locked"));
		assertThat(session.getAttribute("obmi.loginError")).isNull();
	}

}
