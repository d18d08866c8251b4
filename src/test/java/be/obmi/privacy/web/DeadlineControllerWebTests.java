package be.obmi.privacy.web;

import be.obmi.identity.Role;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.dpo;
import static be.obmi.identity.WebUsers.member;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The DPO's deadlines: for the tenant's DPO only. */
@PrivacyWebTest
class DeadlineControllerWebTests extends WebSliceSupport {

	@Test
	void theDeadlinesAreTheDposOnly() throws Exception {
		mvc.perform(get("/mechelen/privacy/termijnen").with(as(dpo("mechelen"))))
			.andExpect(status().isOk())
			.andExpect(view().name("privacy/deadlines"))
			.andExpect(model().attributeExists("deadlines"));
		mvc.perform(get("/mechelen/privacy/termijnen").with(as(member("mechelen", Role.BEHEERDER))))
			.andExpect(status().isForbidden());
	}

}
