package be.obmi.pirk;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import be.obmi.pirk.domain.MatchMethod;
import be.obmi.pirk.domain.ObjectFilter;
import be.obmi.pirk.domain.ObjectSearch;
import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.domain.RealEstateDraft;
import be.obmi.pirk.domain.RealEstateKind;
import be.obmi.pirk.domain.RealEstates;
import be.obmi.pirk.domain.RegisterEntries;
import be.obmi.pirk.domain.RegisterType;
import be.obmi.pirk.importing.RegisterImports;
import be.obmi.shared.GeoJson;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pirk module with what it depends on (stats for the areas, tenancy, identity, audit)
 * against the embedded PostgreSQL, without demo data: objects placed in their wijk, a
 * register extract matched by CaPaKey and by location with one row in the work queue, and
 * the filter of the list selecting by register.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
@TestPropertySource(properties = "obmi.demo.enabled=false")
class PirkModuleTests {

	@Autowired
	Tenants tenants;

	@Autowired
	RealEstates objects;

	@Autowired
	RegisterImports imports;

	@Autowired
	RegisterEntries entries;

	@Autowired
	ObjectSearch search;

	@Test
	void anExtractIsMatchedAndFiltered() {
		Tenant mechelen = tenants.require("mechelen");
		RealEstate parcel = objects.create(mechelen, new RealEstateDraft(RealEstateKind.PARCEL, null, null, null, null,
				"12025A0777/00C000", null, "GROND", null, false));
		RealEstate unit = objects.create(mechelen, new RealEstateDraft(RealEstateKind.BUILDING_UNIT, null, null, null,
				null, null, null, "WONEN", GeoJson.point(4.4792, 51.0279), false));
		assertThat(unit.wijkCode()).as("Grote Markt lies in Centrum").isEqualTo("1202501");
		String csv = """
				id;capakey;lengtegraad;breedtegraad;straat;huisnummer;postcode
				OP-1;12025a0777/00c000;;;;;
				OP-2;;4,47921;51,02791;;;
				OP-3;;;;Nergensstraat;1;2800
				""";
		RegisterImports.ImportSummary summary = imports.importFile(mechelen, RegisterType.ONBEBOUWDE_PERCELEN, "Stad",
				LocalDate.of(2026, 10, 1), "percelen.csv", csv.getBytes(StandardCharsets.UTF_8), false);
		assertThat(summary.created()).isEqualTo(3);
		assertThat(summary.queued()).isEqualTo(1);
		assertThat(entries.ofObject(mechelen, parcel.id())).singleElement()
			.satisfies(e -> assertThat(e.method()).isEqualTo(MatchMethod.CAPAKEY));
		assertThat(entries.ofObject(mechelen, unit.id())).singleElement()
			.satisfies(e -> assertThat(e.method()).isEqualTo(MatchMethod.DISTANCE));
		ObjectFilter inRegister = ObjectFilter.from(Map.of("register", "ONBEBOUWDE_PERCELEN"));
		assertThat(search.list(mechelen, inRegister, 10)).extracting(RealEstate::id)
			.containsExactlyInAnyOrder(parcel.id(), unit.id());
		assertThat(search.count(mechelen, inRegister)).isEqualTo(2);
	}

}
