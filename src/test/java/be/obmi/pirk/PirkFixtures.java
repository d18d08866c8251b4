package be.obmi.pirk;

import java.util.UUID;

import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.domain.RealEstateDraft;
import be.obmi.pirk.domain.RealEstateKind;
import be.obmi.pirk.domain.RealEstates;
import be.obmi.pirk.publication.VacancyIndicators;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Objects for P3's tests, each under a street name of its own. */
final class PirkFixtures {

	/**
	 * Olen's sectors: six and later seven vacant units, two (under the threshold), none.
	 */
	static final String OLEN_CENTRE = "13029A000";

	static final String OLEN_SMALL = "13029A01-";

	static final String OLEN_EMPTY = "13029A020";

	private PirkFixtures() {
	}

	/** A street name no other test uses. */
	static String street(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A building unit at a point (WGS84) with an address in the tenant. */
	static RealEstate object(RealEstates objects, Tenant tenant, String street, String number, double lon, double lat) {
		return objects.create(tenant,
				new RealEstateDraft(RealEstateKind.BUILDING_UNIT, null, null, null, null, null,
						new RealEstate.Address(street, number, null, "2800", tenant.name()), "WONEN",
						"{\"type\":\"Point\",\"coordinates\":[" + lon + "," + lat + "]}", false));
	}

	/**
	 * Marks the object vacant since the day, in a sector, as the screening and the
	 * register imports would (they are other helpers' work; the trigger opens the vacancy
	 * period).
	 */
	static void vacant(JdbcClient jdbc, RealEstate object, String vacancyClass, String since, String sector) {
		jdbc.sql("""
				update pirk.real_estate set vacancy_class = ?, vacant_since = cast(? as date),
				  sector_code = coalesce(?, sector_code) where id = ?""")
			.params(vacancyClass, since, sector, object.id())
			.update();
	}

	/**
	 * Olen as a tenant of its own with a small inventory, its figures published (once):
	 * 2025S1 ends with 7 vacant units in the centre (one ends on 1/10/2025), 2 in a
	 * second sector and none in a third.
	 */
	static synchronized Tenant olen(Tenants tenants, RealEstates objects, JdbcClient jdbc,
			VacancyIndicators indicators) {
		if (tenants.bySlug("olen").isPresent()) {
			return tenants.require("olen");
		}
		Tenant olen = tenants.add("13029", null);
		for (int i = 0; i < 6; i++) {
			vacant(jdbc, object(objects, olen, street("Leegstraat"), "1", 4.93, 51.14), "VERIFIED", "2025-02-01",
					OLEN_CENTRE);
		}
		for (int i = 0; i < 2; i++) {
			vacant(jdbc, object(objects, olen, street("Leegstraat"), "2", 4.93, 51.14), "VERIFIED", "2025-03-01",
					OLEN_SMALL);
		}
		vacant(jdbc, object(objects, olen, street("Leegstraat"), "3", 4.93, 51.14), "NONE", null, OLEN_EMPTY);
		RealEstate ended = object(objects, olen, street("Leegstraat"), "4", 4.93, 51.14);
		vacant(jdbc, ended, "VERIFIED", "2025-01-15", OLEN_CENTRE);
		vacant(jdbc, ended, "NONE", null, null);
		jdbc.sql("update pirk.vacancy_period set ended = date '2025-10-01' where real_estate_id = ?")
			.param(ended.id())
			.update();
		if (indicators.publish(olen, "test") < 3) {
			throw new IllegalStateException("Olen's half-years were not published");
		}
		return olen;
	}

}
