package be.obmi.privacy.web;

import java.time.LocalDate;
import java.util.UUID;

import be.obmi.privacy.PrivacyFixtures;
import be.obmi.privacy.domain.ActivityState;
import be.obmi.privacy.domain.Audience;
import be.obmi.privacy.domain.OrganisationRole;
import be.obmi.privacy.domain.ProcessingActivities.Activity;
import be.obmi.privacy.domain.Register;

/** What the privacy web tests show: one processing activity of Mechelen. */
final class PrivacyWebFixtures {

	static final UUID ACTIVITY_ID = UUID.fromString("6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b");

	private PrivacyWebFixtures() {
	}

	static Activity activity(ActivityState state) {
		return new Activity(21, ACTIVITY_ID, 9, Register.CONTROLLER, Audience.CITIZENS, null, null,
				OrganisationRole.CONTROLLER, state, false, 1, null, null, false, 4,
				PrivacyFixtures.content("Parkeerkaarten", "web"), LocalDate.of(2026, 1, 1));
	}

}
