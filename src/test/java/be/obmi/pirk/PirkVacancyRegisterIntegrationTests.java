package be.obmi.pirk;

import java.math.BigDecimal;
import java.time.LocalDate;

import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.domain.RealEstateDraft;
import be.obmi.pirk.domain.RealEstateKind;
import be.obmi.pirk.domain.RealEstates;
import be.obmi.pirk.register.CaseStep;
import be.obmi.pirk.register.ExemptionForm;
import be.obmi.pirk.register.InclusionForm;
import be.obmi.pirk.register.VacancyCase;
import be.obmi.pirk.register.VacancyCases;
import be.obmi.pirk.register.VacancyDeadlines;
import be.obmi.pirk.register.VacancyLevies;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.RefusedStateException;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Acceptance 3 of issue #17: the appeal deadline is computed from the date of receipt
 * (not from the act), an appeal after it is inadmissible; removal is refused without six
 * months of proven use and granted after; the levy years, exemptions and the deadlines
 * list. Runs in a tenant of its own (Boom).
 */
@ObmiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PirkVacancyRegisterIntegrationTests {

	@Autowired
	Tenants tenants;

	@Autowired
	RealEstates objects;

	@Autowired
	VacancyCases cases;

	@Autowired
	VacancyLevies levies;

	@Autowired
	VacancyDeadlines deadlines;

	Tenant boom;

	@BeforeAll
	void tenant() {
		boom = tenants.bySlug("boom").orElseGet(() -> tenants.add("11005", null));
	}

	long object(String number) {
		return objects
			.create(boom,
					new RealEstateDraft(RealEstateKind.BUILDING_UNIT, null, null, null, "register-" + number, null,
							new RealEstate.Address("Hoogstraat", number, null, "2850", "Boom"), "WONEN", null, false))
			.id();
	}

	long include(long object, LocalDate act, LocalDate receipt) {
		return cases.include(boom,
				new InclusionForm(object, "LEEGSTAND_WONINGEN", "LR-" + object, act, act.minusMonths(13), receipt),
				"redacteur.boom", false);
	}

	@Test
	void theAppealDeadlineIsComputedFromTheDateOfReceipt() {
		long id = include(object("1"), LocalDate.of(2025, 2, 1), null);
		assertThat(cases.find(boom, id).orElseThrow().appealDeadline()).as("no receipt, no clock").isNull();

		cases.recordReceipt(boom, id, LocalDate.of(2025, 2, 5), cases.find(boom, id).orElseThrow().version(),
				"redacteur.boom");
		VacancyCase c = cases.find(boom, id).orElseThrow();
		assertThat(c.appealDeadline()).isEqualTo(LocalDate.of(2025, 3, 7));
		assertThat(c.appealOpen(LocalDate.of(2025, 3, 7))).isTrue();
		assertThat(c.appealOpen(LocalDate.of(2025, 3, 8))).isFalse();

		assertThat(cases.lodgeAppeal(boom, id, LocalDate.of(2025, 3, 7), c.version(), "redacteur.boom"))
			.as("on the last day")
			.isEqualTo("PENDING");
		cases.decideAppeal(boom, id, LocalDate.of(2025, 4, 20), "UPHELD", cases.find(boom, id).orElseThrow().version(),
				"redacteur.boom");
		assertThat(cases.find(boom, id).orElseThrow().included()).isTrue();

		long late = include(object("2"), LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 10));
		assertThat(cases.lodgeAppeal(boom, late, LocalDate.of(2025, 3, 13),
				cases.find(boom, late).orElseThrow().version(), "redacteur.boom"))
			.as("31 days after receipt")
			.isEqualTo("INADMISSIBLE");

		long granted = include(object("3"), LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 3));
		cases.lodgeAppeal(boom, granted, LocalDate.of(2025, 2, 20), 0, "redacteur.boom");
		cases.decideAppeal(boom, granted, LocalDate.of(2025, 3, 20), "GRANTED", 1, "redacteur.boom");
		VacancyCase annulled = cases.find(boom, granted).orElseThrow();
		assertThat(annulled.included()).isFalse();
		assertThat(levies.schedule(boom, annulled, LocalDate.of(2027, 1, 1))).as("no levy after annulment").isEmpty();
		assertThat(cases.steps(boom, granted)).extracting(CaseStep::step)
			.containsExactly("INCLUDED", "RECEIVED", "APPEAL_LODGED", "APPEAL_DECIDED");
	}

	@Test
	void theAppealPeriodAndAPendingDecisionAreListedAsDeadlines() {
		LocalDate today = LocalDate.now();
		long object = object("4");
		long id = include(object, today.minusDays(20), today.minusDays(10));
		assertThat(deadlines.of(boom, today)).filteredOn(d -> d.caseId() == id).singleElement().satisfies(d -> {
			assertThat(d.kind()).isEqualTo(VacancyDeadlines.Kind.APPEAL_PERIOD);
			assertThat(d.due()).isEqualTo(today.plusDays(20));
			assertThat(d.overdue()).isFalse();
		});
		cases.lodgeAppeal(boom, id, today, 0, "redacteur.boom");
		assertThat(deadlines.of(boom, today)).filteredOn(d -> d.caseId() == id).singleElement().satisfies(d -> {
			assertThat(d.kind()).isEqualTo(VacancyDeadlines.Kind.APPEAL_DECISION);
			assertThat(d.due()).isEqualTo(today.plusDays(cases.decisionDays()));
		});
	}

	@Test
	void removalIsRefusedWithoutSixMonthsOfProvenUse() {
		long id = include(object("5"), LocalDate.of(2024, 1, 15), LocalDate.of(2024, 1, 20));

		VacancyCases.Removal refused = cases.decideRemoval(boom, id, LocalDate.of(2025, 6, 1),
				LocalDate.of(2025, 11, 30), 0, "redacteur.boom");
		assertThat(refused.granted()).isFalse();
		assertThat(refused.monthsProven()).isEqualTo(5);
		assertThat(refused.removableOn()).isEqualTo(LocalDate.of(2025, 12, 1));
		VacancyCase still = cases.find(boom, id).orElseThrow();
		assertThat(still.included()).isTrue();
		assertThat(still.useSince()).isEqualTo(LocalDate.of(2025, 6, 1));
		assertThat(cases.steps(boom, id)).extracting(CaseStep::step).endsWith("REMOVAL_REFUSED");
		assertThat(deadlines.of(boom, LocalDate.of(2025, 11, 30))).filteredOn(d -> d.caseId() == id).anySatisfy(d -> {
			assertThat(d.kind()).isEqualTo(VacancyDeadlines.Kind.REMOVAL_CHECK);
			assertThat(d.due()).isEqualTo(LocalDate.of(2025, 12, 1));
		});

		VacancyCases.Removal removed = cases.decideRemoval(boom, id, LocalDate.of(2025, 6, 1),
				LocalDate.of(2025, 12, 1), still.version(), "redacteur.boom");
		assertThat(removed.granted()).isTrue();
		VacancyCase gone = cases.find(boom, id).orElseThrow();
		assertThat(gone.included()).isFalse();
		assertThat(gone.removalReason()).isEqualTo("USE");
		assertThat(levies.schedule(boom, gone, LocalDate.of(2027, 1, 1))).extracting(VacancyLevies.LevyYear::year)
			.as("the levy of 15/01/2025 only: use began before the second")
			.containsExactly(1);
	}

	@Test
	void anObjectIsIncludedOnlyAfterTwelveMonthsOfVacancyAndOnce() {
		long object = object("6");
		assertThatThrownBy(() -> cases.include(boom,
				new InclusionForm(object, "LEEGSTAND_WONINGEN", "LR-x", LocalDate.of(2025, 6, 1),
						LocalDate.of(2024, 7, 1), null),
				"redacteur.boom", false))
			.isInstanceOf(RefusedStateException.class);
		include(object, LocalDate.of(2025, 6, 1), null);
		assertThatThrownBy(() -> include(object, LocalDate.of(2025, 7, 1), null))
			.isInstanceOf(RefusedStateException.class);
	}

	@Test
	void levyYearsFallDueYearlyAndAnExemptionCoversTheirDueDay() {
		long id = include(object("7"), LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 4));
		levies.addExemption(boom, id,
				new ExemptionForm("RENOVATION", LocalDate.of(2024, 12, 1), LocalDate.of(2025, 12, 31), "Vergunning"),
				"redacteur.boom");
		VacancyCase c = cases.find(boom, id).orElseThrow();
		assertThat(levies.schedule(boom, c, LocalDate.of(2026, 1, 15)))
			.extracting(VacancyLevies.LevyYear::year, VacancyLevies.LevyYear::dueOn, VacancyLevies.LevyYear::state)
			.containsExactly(tuple(1, LocalDate.of(2024, 3, 1), VacancyLevies.State.DUE),
					tuple(2, LocalDate.of(2025, 3, 1), VacancyLevies.State.EXEMPT),
					tuple(3, LocalDate.of(2026, 3, 1), VacancyLevies.State.UPCOMING));
		levies.assess(boom, id, 1, new BigDecimal("1250.00"), LocalDate.of(2024, 3, 10), "redacteur.boom");
		assertThatThrownBy(() -> levies.assess(boom, id, 1, new BigDecimal("1250.00"), LocalDate.of(2024, 3, 10),
				"redacteur.boom"))
			.isInstanceOf(RefusedStateException.class);
		assertThatThrownBy(() -> levies.assess(boom, id, 3, new BigDecimal("2500.00"), LocalDate.of(2026, 1, 15),
				"redacteur.boom"))
			.as("not due yet")
			.isInstanceOf(RefusedStateException.class);
		assertThat(levies.schedule(boom, cases.find(boom, id).orElseThrow(), LocalDate.of(2026, 1, 15)).getFirst())
			.satisfies(l -> {
				assertThat(l.state()).isEqualTo(VacancyLevies.State.ASSESSED);
				assertThat(l.amount()).isEqualByComparingTo("1250");
			});
	}

	@Test
	void aStaleVersionIsRefused() {
		long id = include(object("8"), LocalDate.of(2025, 2, 1), null);
		cases.recordReceipt(boom, id, LocalDate.of(2025, 2, 4), 0, "redacteur.boom");
		assertThatThrownBy(() -> cases.lodgeAppeal(boom, id, LocalDate.of(2025, 2, 10), 0, "redacteur.boom"))
			.isInstanceOf(ConcurrentChangeException.class);
	}

}
