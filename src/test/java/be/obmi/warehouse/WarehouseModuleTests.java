package be.obmi.warehouse;

import java.nio.charset.StandardCharsets;

import be.obmi.audit.DataChanged;
import be.obmi.plan.importing.PlanImport;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warehouse module with all it depends on ({@code ALL_DEPENDENCIES}: plan and stats,
 * whose published views it reads, and what they need in turn: tenancy, identity, audit,
 * opendata) against the real embedded PostgreSQL of the test profile: a full rebuild of
 * the star schema, and a plan imported afterwards that reaches the impact pages through
 * its {@link DataChanged} event, the pending mark {@link WarehouseRefresh} sets for it
 * and the catch-up. {@code DIRECT_DEPENDENCIES} does not start: warehouse uses audit and
 * tenancy only as types (the event, the tenant), so they are not bootstrapped, but plan
 * and stats need their beans, and identity and opendata.
 * <p>
 * Platform is an extra include because the embedded database is configured there
 * ({@code EmbeddedPostgresConfiguration}) and Spring Modulith drops the bean definitions
 * of modules that are not bootstrapped. Without demo data ({@code obmi.demo.enabled}) the
 * rebuild takes a second instead of fifteen (disclosure control over 226,000 demo
 * observations); the plan is arranged through plan's import service, as no API of plan
 * creates one. The scheduled catch-up is moved out of the way ({@code refresh-delay}) so
 * that the test sees the pending mark before it is consumed; the test runs it itself.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
@TestPropertySource(properties = { "obmi.demo.enabled=false", "obmi.warehouse.refresh-delay=20m" })
class WarehouseModuleTests {

	static final String PLAN_CSV = """
			code;type;bovenliggende_code;titel;omschrijving;prioritair;beleidsveld;politiek_verantwoordelijke;ambtelijk_verantwoordelijke;startdatum;einddatum
			BD01;BD;;Een veilige stad;;nee;0490;Burgemeester;Dienst Veiligheid;2026-01-01;2031-12-31
			AP01.01;AP;BD01;Veilige schoolomgevingen;;nee;0200;;;;
			AC01.01.01;AC;AP01.01;Schoolstraten invoeren;;ja;0200;;;;
			AC01.01.02;AC;AP01.01;Fietspaden markeren;;nee;0200;;;;
			""";

	@Autowired
	WarehouseRebuild rebuild;

	@Autowired
	WarehouseRefresh refresh;

	@Autowired
	ImpactQueries impact;

	@Autowired
	PlanImport planImport;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRebuildBuildsTheStarSchemaFromTheModulesViews() {
		WarehouseRebuild.Result result = rebuild.rebuild("test");
		assertThat(result.succeeded()).as(result.message()).isTrue();
		assertThat(result.rowCounts()).containsEntry("dim_tenant", (long) tenants.all().size());
		assertThat(result.rowCounts().get("dim_area")).as("the reference areas of stats").isPositive();
		assertThat(result.rowCounts().get("dim_indicator")).as("the reference catalogue of stats").isPositive();
		assertThat(result.rowCounts().get("dim_policy_field")).as("the BBC policy fields of plan").isPositive();
		assertThat(rebuild.exists()).isTrue();
		assertThat(impact.available()).isTrue();
		assertThat(rebuild.log(1)).singleElement()
			.satisfies(entry -> assertThat(entry).containsEntry("trigger", "test"));
	}

	@Test
	void aPlanImportedAfterTheRebuildReachesTheImpactPagesThroughItsChangeEvent(Scenario scenario) {
		if (!rebuild.exists()) {
			assertThat(rebuild.rebuild("test").succeeded()).isTrue();
		}
		Tenant gent = tenants.require("gent");
		assertThat(impact.goals(gent)).isEmpty();

		scenario
			.stimulate(() -> planImport.importPlan(gent, PLAN_CSV.getBytes(StandardCharsets.UTF_8), "redacteur.gent"))
			.andWaitForStateChange(() -> pending(gent.id()))
			.andVerify(pending -> assertThat(pending).isTrue());
		refresh.catchUp();

		assertThat(pending(gent.id())).isFalse();
		assertThat(impact.goals(gent)).singleElement().satisfies(goal -> {
			assertThat(goal.code()).isEqualTo("BD01");
			assertThat(goal.title()).isEqualTo("Een veilige stad");
			assertThat(goal.priority()).isTrue();
			assertThat(goal.actions()).isEqualTo(2);
		});
		assertThat(impact.actions(gent, "BD01")).extracting(ImpactQueries.Action::code)
			.containsExactly("AC01.01.01", "AC01.01.02");
	}

	private boolean pending(long tenantId) {
		return jdbc.sql("select exists (select 1 from warehouse_meta.pending where tenant_id = ?)")
			.param(tenantId)
			.query(Boolean.class)
			.single();
	}

}
