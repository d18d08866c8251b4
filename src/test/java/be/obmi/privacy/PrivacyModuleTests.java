package be.obmi.privacy;

import java.time.LocalDate;

import be.obmi.audit.DataChanged;
import be.obmi.privacy.domain.ActivityContent;
import be.obmi.privacy.domain.ActivityField;
import be.obmi.privacy.domain.ActivityState;
import be.obmi.privacy.domain.Audience;
import be.obmi.privacy.domain.OrganisationRole;
import be.obmi.privacy.domain.ProcessingActivities;
import be.obmi.privacy.domain.ProcessingActivities.Activity;
import be.obmi.privacy.domain.ProcessingActivities.Header;
import be.obmi.privacy.domain.PublicRegister;
import be.obmi.privacy.domain.Register;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.RefusedStateException;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The privacy module with all it depends on ({@code ALL_DEPENDENCIES}: plan for the
 * measures a DPIA puts in the multi-year plan, stats, notification, tenancy, identity,
 * audit, and what those need in turn) against the real embedded PostgreSQL of the test
 * profile, without demo data: a processing activity through its states (refused while a
 * mandatory field is empty), published into the public register, versioned on an edit
 * that sends it back to completed, each change announced; and a stale step refused.
 * <p>
 * Platform is an extra include because the embedded database is configured there
 * ({@code EmbeddedPostgresConfiguration}).
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
@TestPropertySource(properties = "obmi.demo.enabled=false")
class PrivacyModuleTests {

	static final Header FOR_CITIZENS = new Header(Register.CONTROLLER, Audience.CITIZENS, null,
			OrganisationRole.CONTROLLER);

	@Autowired
	ProcessingActivities activities;

	@Autowired
	PublicRegister publicRegister;

	@Autowired
	Tenants tenants;

	@Test
	void anActivityIsCompletedCheckedAndPublishedThenVersionedOnAnEdit(AssertablePublishedEvents events) {
		Tenant leuven = tenants.require("leuven");
		ActivityContent full = PrivacyFixtures.content("Moduletest parkeerkaarten", "module");
		ActivityContent empty = new ActivityContent(full.name(), null, null, null, null, null, null, null, null, null,
				null, null, null, null, null);
		Activity draft = activities.create(leuven, empty, FOR_CITIZENS, LocalDate.of(2026, 1, 1), null, null, false,
				"redacteur.leuven");
		assertThat(draft.missing()).contains(ActivityField.PURPOSE);
		assertThatThrownBy(() -> activities.complete(leuven, draft.publicId(), draft.version()))
			.isInstanceOf(RefusedStateException.class);

		Activity filled = activities.save(leuven, draft, full, FOR_CITIZENS, null, "redacteur.leuven");
		assertThat(filled.currentVersion()).isEqualTo(2);
		Activity completed = activities.complete(leuven, filled.publicId(), filled.version());
		Activity checked = activities.check(leuven, completed.publicId(), completed.version());
		Activity published = activities.publish(leuven, checked.publicId(), checked.version(), true);
		assertThat(published.state()).isEqualTo(ActivityState.CHECKED);
		assertThat(publicRegister.activity(leuven, published.publicId())).as("in the public register").isPresent();

		ActivityContent edited = new ActivityContent(full.name(), full.purpose() + " en bewonerskaarten",
				full.legalBases(), full.specialCategoryConditions(), full.dataSubjects(), full.dataCategories(),
				full.recipients(), full.transfers(), full.retention(), full.securityMeasures(),
				full.responsibleService(), full.systems(), full.source(), full.controller(), full.dpoContact());
		Activity after = activities.save(leuven, published, edited, FOR_CITIZENS, null, "redacteur.leuven");
		assertThat(after.state()).as("a checked activity that changes is checked again")
			.isEqualTo(ActivityState.COMPLETED);
		assertThat(after.currentVersion()).isEqualTo(3);
		assertThat(activities.history(leuven, after.publicId()).getFirst().changes()).isNotEmpty();
		assertThat(events.ofType(DataChanged.class))
			.contains(new DataChanged(leuven.id(), ProcessingActivities.ENTITY));
	}

	@Test
	void aStepOnAStaleVersionIsRefused() {
		Tenant leuven = tenants.require("leuven");
		Activity created = activities.create(leuven, PrivacyFixtures.content("Moduletest verouderd", "oud"),
				FOR_CITIZENS, null, null, null, false, "redacteur.leuven");
		activities.complete(leuven, created.publicId(), created.version());

		assertThatThrownBy(() -> activities.complete(leuven, created.publicId(), created.version()))
			.isInstanceOf(RefusedStateException.class);
		Activity completed = activities.require(leuven, created.publicId());
		assertThatThrownBy(() -> activities.check(leuven, completed.publicId(), created.version()))
			.isInstanceOf(ConcurrentChangeException.class);
	}

}
