package be.obmi.stats;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

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
 * Two adjustments of a city's city-region, and two imports of the same projections,
 * released together: they are serialised per city, so the city-region is exactly one of
 * the two files (never a mix) and the projections are stored once.
 */
@ObmiIntegrationTest
class AreaGroupsAndProjectionsConcurrencyIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoAdjustmentsOfACityRegionAtOnceLeaveOneOfThemWhole() {
		Tenant brugge = tenants.require("brugge");
		List<String> files = List.of("gemeente;zone\n31006;agglomeratie\n31022;agglomeratie\n",
				"gemeente;zone\n31004;banlieue\n31042;banlieue\n31040;banlieue\n");
		AtomicInteger next = new AtomicInteger();
		ApiClient editor = ApiClient.as(port, "redacteur.brugge");

		List<Object> replies = Race.of(2, () -> editor.upload("/api/v1/brugge/stats/stadsregio", "regio.csv",
				files.get(next.getAndIncrement()).getBytes(StandardCharsets.UTF_8), Map.of()));

		assertThat(replies).map(reply -> ((ApiClient.Response) reply).status())
			.allSatisfy(s -> assertThat(s).isIn(200, 409));
		Set<String> members = Set.copyOf(jdbc.sql("""
				select a.code || ';' || m.zone from stats.area_group g
				join stats.area_group_member m on m.group_id = g.id join stats.area a on a.id = m.area_id
				where g.tenant_id = ? and g.kind = 'stadsregio' and m.zone <> 'kernstad'""")
			.param(brugge.id())
			.query(String.class)
			.list());
		assertThat(members).isIn(Set.of("31006;agglomeratie", "31022;agglomeratie"),
				Set.of("31004;banlieue", "31042;banlieue", "31040;banlieue"));
	}

	@Test
	void twoImportsOfTheSameProjectionsAtOnceStoreThemOnce() {
		String scenario = "wedloop-" + System.nanoTime();
		byte[] file = ("indicator;gebied;niveau;jaar;waarde;scenario;basisjaar\n"
				+ "bev_totaal;31005;gemeente;2030;120000;" + scenario + ";2023\n"
				+ "bev_totaal;31005;gemeente;2035;121500;" + scenario + ";2023\n")
			.getBytes(StandardCharsets.UTF_8);
		ApiClient editor = ApiClient.as(port, "redacteur.brugge");

		List<Object> replies = Race.of(2,
				() -> editor.upload("/api/v1/brugge/stats/projections", "p.csv", file, Map.of()));

		assertThat(replies).map(reply -> ((ApiClient.Response) reply).status())
			.contains(200)
			.allSatisfy(s -> assertThat(s).isIn(200, 409));
		assertThat(jdbc.sql("select count(*) from stats.projection where scenario = ?")
			.param(scenario)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

}
