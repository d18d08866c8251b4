package be.obmi.pirk;

import java.time.LocalDate;
import java.util.List;

import be.obmi.pirk.domain.ObjectFilter;
import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.domain.RealEstates;
import be.obmi.pirk.mobilisation.Campaign;
import be.obmi.pirk.mobilisation.CampaignObject;
import be.obmi.pirk.mobilisation.Campaigns;
import be.obmi.pirk.mobilisation.PirkProcessingActivities;
import be.obmi.pirk.publication.VacancyFigures;
import be.obmi.privacy.ModuleActivities;
import be.obmi.shared.Period;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PIRK's mobilisation and public counts as a module with what it depends on (stats,
 * knowledge, privacy and theirs; platform for the embedded database), without demo data:
 * the vacancy periods follow the objects' class (the trigger), the half-year counts come
 * from them, and a sent campaign opens cases, which proposes PIRK's processing activities
 * to the privacy module's register.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
@TestPropertySource(properties = "obmi.demo.enabled=false")
class PirkMobilisationModuleTests {

	@Autowired
	Tenants tenants;

	@Autowired
	RealEstates objects;

	@Autowired
	VacancyFigures figures;

	@Autowired
	Campaigns campaigns;

	@Autowired
	ModuleActivities activities;

	@Autowired
	JdbcClient jdbc;

	@Test
	void vacancyIsCountedPerHalfYearAndASentCampaignOpensCasesAndProposesTheGdprActivities() {
		Tenant vosselaar = tenants.bySlug("vosselaar").orElseGet(() -> tenants.add("13046", null));
		String street = PirkFixtures.street("Modulestraat");
		RealEstate first = PirkFixtures.object(objects, vosselaar, street, "1", 4.77, 51.20);
		RealEstate second = PirkFixtures.object(objects, vosselaar, street, "2", 4.77, 51.20);
		PirkFixtures.vacant(jdbc, first, "ADMINISTRATIVE", "2024-11-15", "13046A001");
		PirkFixtures.vacant(jdbc, second, "PARTLY_VACANT", "2025-02-01", "13046A001");
		PirkFixtures.vacant(jdbc, first, "DISMISSED", null, null);
		jdbc.sql("update pirk.vacancy_period set ended = date '2025-04-30' where real_estate_id = ?")
			.param(first.id())
			.update();

		List<VacancyFigures.AreaCounts> counts = figures.of(vosselaar, Period.parse("2025S1").orElseThrow());
		assertThat(counts).filteredOn(c -> c.level().equals("gemeente")).singleElement().satisfies(c -> {
			assertThat(c.stock()).isEqualTo(1);
			assertThat(c.inflow()).isEqualTo(1);
			assertThat(c.outflow()).isEqualTo(1);
		});
		assertThat(figures.halfYears(vosselaar, LocalDate.of(2026, 12, 6))).extracting(Period::code)
			.containsExactly("2024S2", "2025S1", "2025S2", "2026S1");

		Campaign campaign = campaigns.create(vosselaar, "Module",
				new ObjectFilter(null, null, null, null, null, null, null, null, street), null, false, "test");
		Campaign sent = campaigns.send(vosselaar, campaign.id(), campaign.version(), "test");
		assertThat(campaigns.objects(vosselaar, sent)).extracting(CampaignObject::vacancyClass)
			.containsExactlyInAnyOrder("DISMISSED", "PARTLY_VACANT");
		assertThat(activities.find(vosselaar, PirkProcessingActivities.OWNER_CONTACTS)).isPresent();
		assertThat(activities.find(vosselaar, PirkProcessingActivities.INVENTORY)).isPresent();
	}

}
