package be.obmi.rights;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import be.obmi.rights.nontakeup.NonTakeUp;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.stats.TenantFigures;
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
 * The rights module's imports raced: two LPDC imports of one city, and two non-take-up
 * runs of one city, released together. They are serialised (or one is refused with 409):
 * no 500, no right twice, no household counted twice.
 */
@ObmiIntegrationTest
class RightsConcurrentImportsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	NonTakeUp nonTakeUp;

	@Autowired
	TenantFigures figures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoLpdcImportsOfOneCityAtOnceLeaveOneRightPerInstance() throws Exception {
		Tenant genk = tenants.require("genk");
		byte[] file = new String(RightsLpdcIntegrationTests.fixture("kortrijk-instances.jsonld"),
				StandardCharsets.UTF_8)
			.replace("refnis2019/34022", "refnis2019/" + genk.nisCode())
			.getBytes(StandardCharsets.UTF_8);
		ApiClient editor = ApiClient.as(port, "redacteur.genk");

		List<Object> replies = Race.of(2,
				() -> editor.upload("/api/v1/genk/rechten/lpdc", "lpdc.jsonld", file, Map.of()));

		assertThat(replies).allSatisfy(reply -> assertThat(reply).isInstanceOfSatisfying(ApiClient.Response.class,
				r -> assertThat(r.status()).as(r.body()).isIn(200, 409)));
		assertThat(replies).anySatisfy(reply -> assertThat(((ApiClient.Response) reply).status()).isEqualTo(200));
		long rows = jdbc.sql("select count(*) from rights.right_entry where tenant_id = ? and lpdc_id is not null")
			.param(genk.id())
			.query(Long.class)
			.single();
		long instances = jdbc
			.sql("select count(distinct lpdc_id) from rights.right_entry where tenant_id = ? and lpdc_id is not null")
			.param(genk.id())
			.query(Long.class)
			.single();
		assertThat(rows).isPositive().isEqualTo(instances);
	}

	@Test
	void twoNonTakeUpRunsOfOneCityAtOnceCountEveryHouseholdOnce() {
		Tenant hasselt = tenants.require("hasselt");
		byte[] file = HouseholdFixtures.hasselt().getBytes(StandardCharsets.UTF_8);
		long before = runs(hasselt);

		List<Object> outcomes = Race.of(2, () -> nonTakeUp.run(hasselt, "huishoudens.csv", file, "2023", "test"));

		List<NonTakeUp.Result> done = outcomes.stream()
			.filter(NonTakeUp.Result.class::isInstance)
			.map(NonTakeUp.Result.class::cast)
			.toList();
		assertThat(done).isNotEmpty();
		assertThat(outcomes).as("the other run waited for the first or was refused as busy")
			.allSatisfy(o -> assertThat(o).isInstanceOfAny(NonTakeUp.Result.class, ConcurrentChangeException.class));
		assertThat(runs(hasselt) - before).isEqualTo(done.size());
		for (NonTakeUp.RightCount count : done.getFirst().rights()) {
			assertThat(figures.publicCells(hasselt, count.indicator(), "gemeente", "2023"))
				.as("the city's count of %s is one run's, not the sum of two", count.code())
				.singleElement()
				.satisfies(city -> assertThat(city.value()).isEqualTo((double) count.eligible()));
		}
	}

	private long runs(Tenant tenant) {
		return jdbc.sql("select count(*) from rights.non_take_up_run where tenant_id = ?")
			.param(tenant.id())
			.query(Long.class)
			.single();
	}

}
