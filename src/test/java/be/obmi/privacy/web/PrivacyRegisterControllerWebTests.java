package be.obmi.privacy.web;

import java.util.List;

import be.obmi.identity.Role;
import be.obmi.privacy.domain.ActivityState;
import be.obmi.privacy.domain.ProcessingActivities;
import be.obmi.privacy.domain.Register;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.dpo;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The staff register: for the tenant's members, with what each may do. */
@PrivacyWebTest
class PrivacyRegisterControllerWebTests extends WebSliceSupport {

	@Autowired
	ProcessingActivities activities;

	@Test
	void aLezerSeesTheRegisterButMayNotEdit() throws Exception {
		when(activities.list(eq(MECHELEN), any()))
			.thenReturn(List.of(PrivacyWebFixtures.activity(ActivityState.DRAFT)));
		mvc.perform(get("/mechelen/privacy").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name("privacy/register"))
			.andExpect(model().attribute("activities", List.of(PrivacyWebFixtures.activity(ActivityState.DRAFT))))
			.andExpect(model().attribute("register", Register.CONTROLLER))
			.andExpect(model().attribute("canEdit", false))
			.andExpect(model().attribute("dpo", false));
		mvc.perform(get("/mechelen/privacy").with(as(dpo("mechelen")))).andExpect(model().attribute("dpo", true));
	}

	@Test
	void anotherTenantsMemberIsRefused() throws Exception {
		mvc.perform(get("/mechelen/privacy").with(as(member("gent", Role.BEHEERDER))))
			.andExpect(status().isForbidden());
	}

}
