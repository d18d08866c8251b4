package be.obmi.privacy.web;

import be.obmi.identity.Role;
import be.obmi.privacy.domain.ActivityState;
import be.obmi.privacy.domain.ProcessingActivities;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.dpo;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** An activity's form and steps: the redacteur writes, the DPO checks and publishes. */
@PrivacyWebTest
class ActivityControllerWebTests extends WebSliceSupport {

	@Autowired
	ProcessingActivities activities;

	@Test
	void aCreatedActivityRedirectsToItsPage() throws Exception {
		when(activities.create(eq(MECHELEN), any(), eq("redacteur.mechelen")))
			.thenReturn(PrivacyWebFixtures.activity(ActivityState.DRAFT));
		mvc.perform(post("/mechelen/privacy/verwerkingen/nieuw").param("name", "Parkeerkaarten")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(redirectedUrl("/mechelen/privacy/verwerkingen/" + PrivacyWebFixtures.ACTIVITY_ID));
	}

	@Test
	void onlyTheDpoChecksAndAStaleStepShowsThePageWith409() throws Exception {
		String check = "/mechelen/privacy/verwerkingen/" + PrivacyWebFixtures.ACTIVITY_ID + "/nazien";
		mvc.perform(post(check).param("version", "4").with(as(member("mechelen", Role.BEHEERDER))).with(csrf()))
			.andExpect(status().isForbidden());
		verifyNoInteractions(activities);

		when(activities.check(MECHELEN, PrivacyWebFixtures.ACTIVITY_ID, 3))
			.thenThrow(new ConcurrentChangeException(Reason.of("privacy.refused.changedMeanwhile")));
		when(activities.require(MECHELEN, PrivacyWebFixtures.ACTIVITY_ID))
			.thenReturn(PrivacyWebFixtures.activity(ActivityState.COMPLETED));
		mvc.perform(post(check).param("version", "3").with(as(dpo("mechelen"))).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(view().name("privacy/activity"))
			.andExpect(model().attributeExists("error"));
	}

	@Test
	void anAddressThatIsNoIdIsNotFound() throws Exception {
		mvc.perform(get("/mechelen/privacy/verwerkingen/geen-id").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isNotFound());
	}

}
