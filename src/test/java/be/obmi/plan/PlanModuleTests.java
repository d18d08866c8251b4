package be.obmi.plan;

import java.nio.charset.StandardCharsets;
import java.util.List;

import be.obmi.audit.AuditEvent;
import be.obmi.audit.AuditTrail;
import be.obmi.audit.DataChanged;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.importing.ImportSummary;
import be.obmi.plan.importing.PlanExport;
import be.obmi.plan.importing.PlanImport;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plan module with all it depends on ({@code ALL_DEPENDENCIES}: tenancy, audit,
 * identity for the pages' access checks, stats for the wijk names of the demo plan, and
 * opendata, which stats needs) against the real embedded PostgreSQL of the test profile:
 * a plan file imported through {@link PlanImport}, read back through the module's API for
 * other modules ({@link PlanOutline}) and exported again. {@code DIRECT_DEPENDENCIES}
 * does not start: stats, a direct dependency, cannot be created without opendata. Plan
 * depends on stats at all only for one demo-data lookup ({@code AreaNames} in
 * {@code DemoPlan}).
 * <p>
 * Platform is an extra include because the embedded database is configured there
 * ({@code EmbeddedPostgresConfiguration}) and Spring Modulith drops the bean definitions
 * of modules that are not bootstrapped. Without demo data ({@code obmi.demo.enabled}) the
 * start is seconds shorter; the tests add their own tenants and plans.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
@TestPropertySource(properties = "obmi.demo.enabled=false")
class PlanModuleTests {

	static final String HEADER = "code;type;bovenliggende_code;titel;omschrijving;prioritair;beleidsveld;"
			+ "politiek_verantwoordelijke;ambtelijk_verantwoordelijke;startdatum;einddatum\n";

	static final String PLAN_CSV = HEADER + """
			BD01;BD;;Een veilige stad;;nee;0490;Burgemeester;Dienst Veiligheid;2026-01-01;2031-12-31
			AP01.01;AP;BD01;Veilige schoolomgevingen;;nee;0200;Schepen van Mobiliteit;Dienst Mobiliteit;;
			AC01.01.01;AC;AP01.01;Schoolstraten invoeren;Elke school een schoolstraat;ja;0200;;;01/09/2026;
			AC01.01.02;AC;AP01.01;Fietspaden markeren;;nee;0200;;;;
			""";

	@Autowired
	PlanImport planImport;

	@Autowired
	PlanOutline outline;

	@Autowired
	PlanExport export;

	@Autowired
	Plans plans;

	@Autowired
	Tenants tenants;

	@Autowired
	AuditTrail audit;

	@Test
	void anImportedPlanIsReadBackWithItsHierarchyAndVersioned(AssertablePublishedEvents events) {
		Tenant tenant = tenants.add("23088", null);
		ImportSummary first = planImport.importPlan(tenant, PLAN_CSV.getBytes(StandardCharsets.UTF_8),
				"redacteur.vilvoorde");
		assertThat(first).isEqualTo(new ImportSummary(4, 4, 0, 0, 0, 1));

		assertThat(outline.codes(tenant)).containsExactly("AC01.01.01", "AC01.01.02", "AP01.01", "BD01");
		assertThat(outline.selfAndDescendants(tenant, "AP01.01")).containsExactlyInAnyOrder("AP01.01", "AC01.01.01",
				"AC01.01.02");
		List<PlanOutline.Item> items = outline.items(tenant);
		assertThat(items).extracting(PlanOutline.Item::path)
			.containsExactly("BD01", "BD01/AP01.01", "BD01/AP01.01/AC01.01.01", "BD01/AP01.01/AC01.01.02");
		assertThat(items).filteredOn(PlanOutline.Item::priority)
			.as("a priority action makes its action plan and goal priority")
			.extracting(PlanOutline.Item::code)
			.containsExactly("BD01", "AP01.01", "AC01.01.01");
		assertThat(events.ofType(DataChanged.class)).contains(new DataChanged(tenant.id(), "planitem"));
		assertThat(audit.history(tenant.id(), "planitem", null, 10)).hasSize(4)
			.allSatisfy(event -> assertThat(event.action()).isEqualTo(AuditEvent.Action.CREATE));

		ImportSummary again = planImport.importPlan(tenant, PLAN_CSV.getBytes(StandardCharsets.UTF_8),
				"redacteur.vilvoorde");
		assertThat(again).as("the same file changes nothing").isEqualTo(new ImportSummary(4, 0, 0, 4, 0, 1));

		String renamed = PLAN_CSV.replace("Fietspaden markeren", "Fietspaden markeren en verlichten");
		ImportSummary changed = planImport.importPlan(tenant, renamed.getBytes(StandardCharsets.UTF_8),
				"redacteur.vilvoorde");
		assertThat(changed).isEqualTo(new ImportSummary(4, 0, 1, 3, 0, 2));
		Plan plan = plans.current(tenant).orElseThrow();
		assertThat(plan.currentVersion()).isEqualTo(2);
		assertThat(export.csvText(plan)).contains("AC01.01.02;AC;AP01.01;Fietspaden markeren en verlichten;");
	}

	@Test
	void aFileWithErrorsChangesNothingAndNamesEveryError() {
		Tenant tenant = tenants.add("23062", null);
		String broken = HEADER + """
				BD01;BD;;Een veilige stad;;nee;0490;;;;
				AP01.01;XX;BD01;Veilige schoolomgevingen;;nee;0200;;;;
				AC01.01.01;AC;AP09.09;Schoolstraten invoeren;;ja;0200;;;;
				""";
		assertThatThrownBy(
				() -> planImport.importPlan(tenant, broken.getBytes(StandardCharsets.UTF_8), "redacteur.vilvoorde"))
			.isInstanceOfSatisfying(ImportRejectedException.class,
					rejected -> assertThat(rejected.errors()).extracting(error -> error.row() + ":" + error.column())
						.contains("3:type", "4:bovenliggende_code"));
		assertThat(outline.codes(tenant)).isEmpty();
		assertThat(audit.history(tenant.id(), "planitem", null, 10)).isEmpty();
	}

}
