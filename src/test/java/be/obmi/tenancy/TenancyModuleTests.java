package be.obmi.tenancy;

import java.util.List;

import be.obmi.audit.AuditEvent;
import be.obmi.audit.AuditTrail;
import be.obmi.audit.DataChanged;
import be.obmi.audit.DataGenerations;
import be.obmi.audit.FieldChange;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tenancy module with its one neighbour ({@code DIRECT_DEPENDENCIES}: audit, whose
 * {@link AuditTrail} records every change of a tenant in the same transaction) against
 * the real embedded PostgreSQL of the test profile, with the tenants the migrations seed.
 * <p>
 * The embedded database is configured in platform
 * ({@code EmbeddedPostgresConfiguration}), and Spring Modulith drops the bean definitions
 * of modules that are not bootstrapped, so platform is an extra include; what platform's
 * beans need (tenants, municipalities, data generations) is all here.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
class TenancyModuleTests {

	@Autowired
	Tenants tenants;

	@Autowired
	Municipalities municipalities;

	@Autowired
	AuditTrail audit;

	@Autowired
	DataGenerations generations;

	@Test
	void theSeededTenantsAreFoundBySlugAndId() {
		Tenant mechelen = tenants.bySlug("mechelen").orElseThrow();
		assertThat(mechelen.name()).isEqualTo("Mechelen");
		assertThat(mechelen.nisCode()).isEqualTo("12025");
		assertThat(mechelen.kind()).isEqualTo(Tenant.Kind.GEMEENTE);
		assertThat(mechelen.centrumstad()).isTrue();
		assertThat(tenants.byId(mechelen.id())).contains(mechelen);
		assertThat(tenants.slugsById(List.of(mechelen.id()))).containsEntry(mechelen.id(), "mechelen");
		assertThat(tenants.knownId("mechelen")).hasValue(mechelen.id());
		assertThat(tenants.bySlug("nergensdorp")).isEmpty();
		assertThatThrownBy(() -> tenants.require("nergensdorp")).isInstanceOf(TenantNotFoundException.class)
			.hasMessage("Onbekend bestuur: nergensdorp");
	}

	@Test
	void theMunicipalitiesOfFlandersAndBrusselsAreKnownByNisCode() {
		assertThat(municipalities.all()).hasSize(319);
		assertThat(municipalities.byNisCode("23088")).get()
			.extracting(Municipality::name, Municipality::province)
			.containsExactly("Vilvoorde", "Vlaams-Brabant");
	}

	@Test
	void addingAMunicipalityRecordsItsHistoryAndAnnouncesTheChange(AssertablePublishedEvents events) {
		long platformGeneration = generations.platform();
		Tenant vilvoorde = tenants.add("23088", "#005ca9");
		assertThat(vilvoorde.slug()).isEqualTo("vilvoorde");
		assertThat(vilvoorde.primaryColor()).isEqualTo("#005ca9");
		assertThat(tenants.bySlug("vilvoorde")).contains(vilvoorde);
		List<AuditEvent> history = audit.history(vilvoorde.id(), "bestuur", String.valueOf(vilvoorde.id()), 5);
		assertThat(history).singleElement().satisfies(event -> {
			assertThat(event.action()).isEqualTo(AuditEvent.Action.CREATE);
			assertThat(event.entityLabel()).isEqualTo("Vilvoorde");
			assertThat(event.changes()).contains(FieldChange.added("nis", "23088"),
					FieldChange.added("slug", "vilvoorde"));
		});
		assertThat(events).contains(DataChanged.class)
			.matching(changed -> vilvoorde.id() == changed.tenantId() && "bestuur".equals(changed.entityType()));
		assertThat(generations.platform()).as("a tenant's settings are shown on every tenant's pages")
			.isGreaterThan(platformGeneration);
		assertThat(generations.tenant(vilvoorde.id())).isPositive();
	}

	@Test
	void aMunicipalityIsNotAddedTwiceNorWithAnUnknownCodeOrColour(AssertablePublishedEvents events) {
		assertThatThrownBy(() -> tenants.add("12025", null)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("Mechelen is al een bestuur op het platform.");
		assertThatThrownBy(() -> tenants.add("99999", null)).hasMessage("Onbekende NIS-code: 99999");
		assertThatThrownBy(() -> tenants.add("11001", "rood")).hasMessage("Kleur moet de vorm #RRGGBB hebben.");
		assertThat(tenants.bySlug("aartselaar")).isEmpty();
		assertThat(events.ofType(DataChanged.class)).isEmpty();
	}

}
