package be.obmi.population;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import be.obmi.identity.TenantMembers;
import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.Race;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two uploads of the same extract for the same reference date, released together: the
 * imports are serialised per city, so one stores the snapshot and the other is refused
 * (422, the snapshot exists) — never two snapshots, never half of one.
 */
@ObmiIntegrationTest
class PopulationConcurrentImportsIntegrationTests {

	/** Lier: a municipality no other test uses. */
	static final String NIS = "12021";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	TenantMembers members;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoUploadsOfOneReferenceDateAtOnceStoreOneSnapshot() {
		Tenant tenant = PopulationTestTenants.tenant(tenants, members, jdbc, NIS);
		StringWriter csv = new StringWriter();
		new ResidentGenerator(31, PopulationTestTenants.sectors(jdbc, NIS), "2500").first(1_500,
				LocalDate.of(2024, 1, 1), csv);
		byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
		ApiClient analyst = ApiClient.as(port, "analist." + tenant.slug());

		List<Object> replies = Race.of(2, () -> analyst.upload("/api/v1/" + tenant.slug() + "/bevolking/extracten",
				"extract.csv", file, Map.of("peildatum", "2024-01-01")));

		assertThat(replies).map(reply -> ((ApiClient.Response) reply).status()).containsExactlyInAnyOrder(200, 422);
		assertThat(replies).map(reply -> ((ApiClient.Response) reply).body())
			.anySatisfy(body -> assertThat(body).contains("2024-01-01"));
		assertThat(jdbc.sql("select count(*) from population.snapshot where tenant_id = ? and reference_date = ?")
			.params(tenant.id(), LocalDate.of(2024, 1, 1))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from population.person where tenant_id = ?")
			.param(tenant.id())
			.query(Long.class)
			.single()).as("one extract's rows").isEqualTo(csv.toString().lines().count() - 1);
	}

}
