package be.obmi.rights;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import be.obmi.rights.catalogue.CityParameters;
import be.obmi.rights.catalogue.ExampleHouseholds;
import be.obmi.rights.catalogue.ExamplesFailedException;
import be.obmi.rights.catalogue.RightEntry;
import be.obmi.rights.catalogue.RightForm;
import be.obmi.rights.catalogue.Rights;
import be.obmi.rights.catalogue.RuleVersion;
import be.obmi.rights.catalogue.RuleVersions;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rights module with what it depends on, against the embedded PostgreSQL without demo
 * data: a rule version whose example fails is not published, a valid one is; an invalid
 * rule is refused; a city's parameter overrides the base of a shared right.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
@TestPropertySource(properties = "obmi.demo.enabled=false")
class RightsModuleTests {

	@Autowired
	Rights rights;

	@Autowired
	RuleVersions versions;

	@Autowired
	ExampleHouseholds examples;

	@Autowired
	CityParameters parameters;

	@Autowired
	Tenants tenants;

	@Test
	void aVersionWhoseExampleFailsIsNotPublished() {
		Tenant hasselt = tenants.require("hasselt");
		RightEntry right = rights.create(hasselt.id(), new RightForm("module-premie-" + suffix(), "Modulepremie", "",
				"LOKAAL", "", "", "", "", "", "", "", "", "", null, null), false);
		examples.save(right, hasselt.id(), "Laag inkomen", "{\"yearlyIncome\": 20000}", LocalDate.now(), "ELIGIBLE");
		RuleVersion strict = versions.draft(right, LocalDate.of(2024, 1, 1), null,
				"{\"all\": [{\"type\": \"income\", \"ceiling\": {\"literal\": 15000}, \"equivalised\": false}]}", "",
				"test");
		assertThatThrownBy(() -> versions.publish(right, strict.id())).isInstanceOf(ExamplesFailedException.class)
			.hasMessageContaining("Laag inkomen");
		RuleVersion fair = versions.draft(right, LocalDate.of(2024, 1, 1), null,
				"{\"all\": [{\"type\": \"income\", \"ceiling\": {\"literal\": 25000}, \"equivalised\": false}]}", "",
				"test");
		assertThat(versions.publish(right, fair.id()).published()).isTrue();
		assertThat(rights.publish(right).published()).isTrue();
		assertThatThrownBy(
				() -> versions.draft(right, LocalDate.now(), null, "{\"all\": [{\"type\": \"magic\"}]}", "", "test"))
			.isInstanceOf(RefusedValueException.class);
	}

	@Test
	void aCityParameterOverridesTheBaseOfASharedRight() {
		Tenant hasselt = tenants.require("hasselt");
		RightEntry shared = rights.create(null, new RightForm("module-gedeeld-" + suffix(), "Gedeeld recht", "",
				"VLAAMS", "", "", "", "", "", "", "", "", "", null, null), false);
		parameters.set(hasselt.id(), shared, "bedrag", BigDecimal.valueOf(75));
		assertThat(parameters.of(hasselt.id(), shared.id())).isEqualTo(Map.of("bedrag", new BigDecimal("75.00")));
		parameters.set(hasselt.id(), shared, "bedrag", null);
		assertThat(parameters.of(hasselt.id(), shared.id())).isEmpty();
		rights.archive(shared);
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
