package be.obmi.finance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import be.obmi.audit.DataChanged;
import be.obmi.plan.FinancialFigures;
import be.obmi.plan.PlanOutline;
import be.obmi.plan.importing.PlanImport;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The finance module with all it depends on ({@code ALL_DEPENDENCIES}: plan, whose
 * {@link PlanOutline} gives the item codes and hierarchy the figures roll up along,
 * tenancy, identity, audit, and what plan needs in turn: stats for the wijk names of its
 * demo plan, and opendata for stats) against the real embedded PostgreSQL of the test
 * profile: a BBC export imported through {@link FinanceImports} for a new tenant's plan,
 * rolled up by {@link FinanceFigures} and offered to plan as {@link FinancialFigures},
 * then undone. {@code DIRECT_DEPENDENCIES} does not start: plan cannot be created without
 * stats.
 * <p>
 * Platform is an extra include because the embedded database is configured there
 * ({@code EmbeddedPostgresConfiguration}) and Spring Modulith drops the bean definitions
 * of modules that are not bootstrapped. Without demo data ({@code obmi.demo.enabled}) the
 * start is seconds shorter and no demo figures mix with the test's; the plan is arranged
 * through plan's import service, as no API of plan creates one.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
@TestPropertySource(properties = "obmi.demo.enabled=false")
class FinanceModuleTests {

	static final String PLAN_CSV = """
			code;type;bovenliggende_code;titel;omschrijving;prioritair;beleidsveld;politiek_verantwoordelijke;ambtelijk_verantwoordelijke;startdatum;einddatum
			BD01;BD;;Een veilige stad;;nee;0490;;;;
			AP01.01;AP;BD01;Veilige schoolomgevingen;;nee;0200;;;;
			AC01.01.01;AC;AP01.01;Schoolstraten invoeren;;ja;0200;;;;
			AC01.01.02;AC;AP01.01;Fietspaden markeren;;nee;0200;;;;
			""";

	static final String BBC_CSV = """
			actie;boekjaar;beleidsveld;algemene_rekening;soort;richting;raming;realisatie
			AC01.01.01;2026;0200;REK2210000;investering;uitgave;1.000,00;250,00
			AC01.01.02;2026;0200;REK6130000;exploitatie;uitgave;500;0
			;2026;0020;REK7300000;exploitatie;ontvangst;2000;0
			""";

	@Autowired
	FinanceImports imports;

	@Autowired
	FinanceFigures figures;

	@Autowired
	FinancialFigures financialFigures;

	@Autowired
	PlanImport planImport;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anImportRollsUpAlongThePlanAndIsOfferedToPlanUntilItIsUndone(AssertablePublishedEvents events) {
		Tenant vilvoorde = tenants.add("23088", null);
		planImport.importPlan(vilvoorde, PLAN_CSV.getBytes(StandardCharsets.UTF_8), "redacteur.vilvoorde");

		FinanceImportSummary summary = imports.importFile(vilvoorde, "bbc-2026.csv",
				BBC_CSV.getBytes(StandardCharsets.UTF_8), LocalDate.of(2026, 3, 31), "Budget 2026");
		assertThat(summary.status()).isEqualTo("CREATED");
		assertThat(summary.lines()).isEqualTo(3);
		assertThat(summary.fiscalYears()).containsExactly(2026);
		assertThat(summary.totalEstimate()).isEqualByComparingTo("3500");

		FinanceFigures.Summary actionPlan = figures.summary(vilvoorde, "AP01.01", 2026);
		assertThat(actionPlan.expenditureEstimate()).isEqualByComparingTo("1500.00");
		assertThat(actionPlan.expenditureRealisation()).isEqualByComparingTo("250.00");
		assertThat(actionPlan.expenditureExecutionRate()).isEqualByComparingTo("16.7");
		assertThat(figures.summary(vilvoorde, "BD01", 2026).expenditureEstimate()).as("rolled up to the goal")
			.isEqualByComparingTo("1500.00");
		assertThat(figures.summary(vilvoorde, "AC01.01.02", 2026).expenditureEstimate()).isEqualByComparingTo("500");
		assertThat(figures.summary(vilvoorde, null, 2026).receiptsEstimate()).isEqualByComparingTo("2000");
		assertThat(financialFigures.perYear(vilvoorde, "AP01.01"))
			.filteredOn(amounts -> Integer.valueOf(2026).equals(amounts.year()))
			.singleElement()
			.satisfies(amounts -> assertThat(amounts.expenditureEstimate()).isEqualByComparingTo("1500"));
		assertThat(events.ofType(DataChanged.class)).contains(new DataChanged(vilvoorde.id(), "financiële import"));

		assertThat(imports.importFile(vilvoorde, "bbc-2026.csv", BBC_CSV.getBytes(StandardCharsets.UTF_8), null, null)
			.status()).as("the same figures again").isEqualTo("UNCHANGED");

		imports.undo(vilvoorde, summary.importId());
		assertThat(figures.summary(vilvoorde, "AP01.01", 2026).expenditureEstimate()).isEqualByComparingTo("0");
		assertThat(financialFigures.perYear(vilvoorde, "AP01.01")).isEmpty();
		assertThat(imports.history(vilvoorde)).filteredOn(version -> version.id() == summary.importId())
			.singleElement()
			.satisfies(version -> assertThat(version.undoneAt()).isNotNull());
	}

	@Test
	void aCodeThatIsNotInThePlanRefusesTheWholeFile() {
		Tenant gent = tenants.require("gent");
		String csv = """
				actie;boekjaar;beleidsveld;algemene_rekening;soort;richting;raming;realisatie
				AC99.99.99;2026;0200;REK2210000;investering;uitgave;1000;0
				""";
		assertThatThrownBy(() -> imports.importFile(gent, "fout.csv", csv.getBytes(StandardCharsets.UTF_8), null, null))
			.isInstanceOfSatisfying(ImportRejectedException.class,
					rejected -> assertThat(rejected.errors()).singleElement()
						.satisfies(error -> assertThat(error.column()).isEqualTo("actie")));
		assertThat(figures.summary(gent, null, 2026).expenditureEstimate()).isEqualByComparingTo(BigDecimal.ZERO);
	}

	@Test
	void aMultiYearInvestmentPlanWithoutPolicyFieldOrAccountImportsUnderThePlanItems() {
		Tenant halle = tenants.add("23027", null);
		planImport.importPlan(halle, PLAN_CSV.getBytes(StandardCharsets.UTF_8), "redacteur.halle");
		String csv = """
				actie;boekjaar;soort;richting;raming
				AC01.01.01;2026;investering;uitgave;120000
				AC01.01.01;2027;investering;uitgave;80.000,00
				AP01.01;2028;investering;uitgave;50000
				""";

		FinanceImportSummary summary = imports.importFile(halle, "meerjarig-investeringsplan.csv",
				csv.getBytes(StandardCharsets.UTF_8), null, "Meerjarig investeringsplan");

		assertThat(summary.lines()).isEqualTo(3);
		assertThat(summary.fiscalYears()).containsExactly(2026, 2027, 2028);
		assertThat(figures.summary(halle, "BD01", null).expenditureEstimate()).isEqualByComparingTo("250000");
		assertThat(jdbc.sql("""
				select distinct policy_field || '/' || account from finance.current_line where tenant_id = ?
				order by 1""").param(halle.id()).query(String.class).list())
			.as("the policy field of each plan item, the account recorded as unknown")
			.containsExactly("0200/ONBEKEND");
	}

}
