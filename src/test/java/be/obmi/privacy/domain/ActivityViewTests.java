package be.obmi.privacy.domain;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import be.obmi.privacy.PrivacyFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A view through a mask holds only the public fields: the defaults hide security
 * measures, systems and both contacts; the name is always shown; a data category's own
 * retention follows the retention field; the search reads only what is shown.
 */
class ActivityViewTests {

	static RegisterActivity activity(String marker) {
		return new RegisterActivity(1, UUID.randomUUID(), "CONTROLLER", "CITIZENS", "CONTROLLER", "CHECKED", true, 1,
				LocalDate.of(2026, 1, 1), null, null, PrivacyFixtures.content("Naam " + marker, marker));
	}

	@Test
	void theDefaultsHideSecurityMeasuresSystemsAndContacts() {
		ActivityView view = ActivityView.of(activity("x"), FieldMask.defaults());
		assertThat(view.securityMeasures()).isNull();
		assertThat(view.systems()).isNull();
		assertThat(view.controller()).isNull();
		assertThat(view.dpoContact()).isNull();
		assertThat(view.purpose()).isEqualTo("doel-x categorieën");
		assertThat(view.dataCategories().getFirst().retention()).isEqualTo("bewaring-cat-x");
		assertThat(view.searchText()).doesNotContain("maatregel-x", "systeem-x", "verantwoordelijke-x", "dpo-x")
			.contains("doel-x", "scc-x", "gegevens-x");
	}

	@Test
	void theNameIsAlwaysShownAndACategorysRetentionFollowsTheRetentionField() {
		FieldMask mask = new FieldMask(EnumSet.of(ActivityField.DATA_CATEGORIES), 1, true);
		assertThat(mask.isPublic(ActivityField.NAME)).isTrue();
		ActivityView view = ActivityView.of(activity("y"), mask);
		assertThat(view.name()).isEqualTo("Naam y");
		assertThat(view.purpose()).isNull();
		assertThat(view.retention()).isNull();
		assertThat(view.dataCategories()).allSatisfy(d -> assertThat(d.retention()).isNull());
		assertThat(view.dataCategories().getLast().sensitive()).isTrue();
	}

	@Test
	void everythingShowsThroughTheStaffMask() {
		ActivityView view = ActivityView.of(activity("z"), FieldMask.ALL);
		assertThat(view.securityMeasures()).containsExactly("maatregel-z");
		assertThat(view.dpoContact()).isEqualTo("dpo-z");
	}

}
