package be.obmi.rights.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.obmi.rights.domain.Condition.AgeBetween;
import be.obmi.rights.domain.Condition.HasStatute;
import be.obmi.rights.domain.Condition.IncomeAtMost;
import be.obmi.rights.domain.Condition.LivesIn;
import be.obmi.rights.domain.Eligibility.Outcome;
import be.obmi.rights.domain.Eligibility.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluator on fixture households: the failed criterion with its ceiling, rights
 * limited to sectors, a city's top-up on a shared right, dated thresholds, and the
 * questions that are still worth asking.
 */
class EligibilityTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

	/** A household of two adults and two children of 4 and 9, in Gent's sector A00. */
	static final Answers FAMILY = new Answers("44021", "44021WIJK01", "44021A00-", 38, 2, List.of(4, 9), false, 41_000L,
			Map.of(SocialStatute.VERHOOGDE_TEGEMOETKOMING, false, SocialStatute.LEEFLOON, false),
			Answers.Housing.PRIVATE_TENANT);

	static EligibilityRule rule(LocalDate from, LocalDate to, List<Condition> all, Map<String, BigDecimal> parameters) {
		return new EligibilityRule(from, to, all, List.of(), parameters, "https://codex.vlaanderen.be/");
	}

	@Test
	void aHouseholdIneligibleOnlyByIncomeShowsExactlyThatCriterionAndTheCeiling() {
		EligibilityRule schoolAllowance = rule(LocalDate.of(2020, 1, 1), null,
				List.of(new Condition.ChildrenUnder(18, 1), new IncomeAtMost(Value.parameter("plafond"), false, null)),
				Map.of("plafond", new BigDecimal("38500")));

		Outcome outcome = Eligibility.evaluate(List.of(schoolAllowance), Map.of(), FAMILY, TODAY);

		assertThat(outcome.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
		assertThat(outcome.failed()).singleElement().satisfies(check -> {
			assertThat(check.condition()).isInstanceOf(IncomeAtMost.class);
			assertThat(check.reason().code()).isEqualTo("rights.criterion.income.above");
			assertThat(check.reason().arguments()).containsExactly("41000", "38500");
			assertThat(check.change().arguments()).containsExactly("38500");
		});
		assertThat(outcome.met()).hasSize(1);
		assertThat(outcome.unknown()).isEmpty();
	}

	@Test
	void aRightLimitedToTwoSectorsIsOfferedInOneOfThemAndNotInTheNeighbouringSector() {
		EligibilityRule neighbourhoodPremium = rule(LocalDate.of(2024, 1, 1), null,
				List.of(new LivesIn(LivesIn.AreaLevel.SECTOR, Set.of("44021A00-", "44021A01-"))), Map.of());

		assertThat(Eligibility.evaluate(List.of(neighbourhoodPremium), Map.of(), FAMILY, TODAY).verdict())
			.isEqualTo(Verdict.ELIGIBLE);
		Answers neighbour = new Answers("44021", "44021WIJK01", "44021A02-", 38, 2, List.of(4, 9), false, 41_000L,
				Map.of(), Answers.Housing.PRIVATE_TENANT);
		Outcome outside = Eligibility.evaluate(List.of(neighbourhoodPremium), Map.of(), neighbour, TODAY);
		assertThat(outside.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
		assertThat(outside.failed()).singleElement()
			.satisfies(check -> assertThat(check.reason().code()).isEqualTo("rights.criterion.area.outside"));
	}

	@Test
	void aCityTopUpGivesTheCitysCeilingThereAndTheBaseElsewhere() {
		EligibilityRule flemish = rule(LocalDate.of(2024, 1, 1), null,
				List.of(new IncomeAtMost(Value.parameter("plafond"), false, null)),
				Map.of("plafond", new BigDecimal("38500"), "bedrag", new BigDecimal("100")));
		Map<String, BigDecimal> gent = Map.of("plafond", new BigDecimal("42000"), "bedrag", new BigDecimal("150"));

		Outcome inGent = Eligibility.evaluate(List.of(flemish), gent, FAMILY, TODAY);
		Outcome elsewhere = Eligibility.evaluate(List.of(flemish), Map.of(), FAMILY, TODAY);

		assertThat(inGent.verdict()).isEqualTo(Verdict.ELIGIBLE);
		assertThat(inGent.parameters()).containsEntry("bedrag", new BigDecimal("150"));
		assertThat(elsewhere.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
		assertThat(elsewhere.parameters()).containsEntry("bedrag", new BigDecimal("100"));
	}

	@Test
	void theSameHouseholdBeforeAndAfterADatedThresholdChangeGetsTwoResults() {
		List<EligibilityRule> versions = List.of(
				rule(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
						List.of(new IncomeAtMost(Value.of(40_000), false, null)), Map.of()),
				rule(LocalDate.of(2026, 1, 1), null, List.of(new IncomeAtMost(Value.of(42_000), false, null)),
						Map.of()));

		assertThat(Eligibility.evaluate(versions, Map.of(), FAMILY, LocalDate.of(2025, 6, 1)).verdict())
			.isEqualTo(Verdict.NOT_ELIGIBLE);
		assertThat(Eligibility.evaluate(versions, Map.of(), FAMILY, LocalDate.of(2026, 6, 1)).verdict())
			.isEqualTo(Verdict.ELIGIBLE);
		assertThat(Eligibility.evaluate(versions, Map.of(), FAMILY, LocalDate.of(2024, 6, 1)).verdict())
			.isEqualTo(Verdict.NOT_IN_FORCE);
	}

	@Test
	void theIncomeQuestionIsNoLongerAskedOnceEveryIncomeDependentRightIsDecided() {
		List<EligibilityRule> seniorDiscount = List.of(rule(LocalDate.of(2020, 1, 1), null,
				List.of(new AgeBetween(65, null), new IncomeAtMost(Value.of(30_000), false, null)), Map.of()));
		List<EligibilityRule> statuteRight = List.of(rule(LocalDate.of(2020, 1, 1), null,
				List.of(new HasStatute(Set.of(SocialStatute.LEEFLOON, SocialStatute.VERHOOGDE_TEGEMOETKOMING))),
				Map.of()));

		Answers nothingYet = Answers.NONE;
		assertThat(Eligibility.openQuestions(outcomes(nothingYet, seniorDiscount, statuteRight)))
			.containsExactlyInAnyOrder(Question.AGE, Question.INCOME, Question.STATUTES);

		Answers young = new Answers(null, null, null, 30, null, null, null, null, Map.of(), null);
		assertThat(Eligibility.openQuestions(outcomes(young, seniorDiscount, statuteRight)))
			.as("the age decides the only income-dependent right")
			.containsExactly(Question.STATUTES);
	}

	@Test
	void anExcludedStatuteMakesTheRightUnavailable() {
		EligibilityRule rule = new EligibilityRule(LocalDate.of(2020, 1, 1), null, List.of(new AgeBetween(18, null)),
				List.of(new HasStatute(Set.of(SocialStatute.LEEFLOON))), Map.of(), null);
		Answers onLeefloon = new Answers(null, null, null, 40, null, null, null, null,
				Map.of(SocialStatute.LEEFLOON, true), null);
		assertThat(Eligibility.evaluate(List.of(rule), Map.of(), onLeefloon, TODAY).verdict())
			.isEqualTo(Verdict.NOT_ELIGIBLE);
		assertThat(Eligibility.evaluate(List.of(rule), Map.of(), FAMILY, TODAY).verdict()).isEqualTo(Verdict.ELIGIBLE);
	}

	@Test
	void theEquivalisedIncomeFollowsTheModifiedOecdScale() {
		// 1 + 0.5 (second adult) + 0.3 + 0.3 = 2.1 units
		assertThat(FAMILY.equivalisedIncome()).isEqualTo(Math.round(41_000 / 2.1));
	}

	@SafeVarargs
	private static List<Outcome> outcomes(Answers answers, List<EligibilityRule>... rights) {
		return Arrays.stream(rights).map(versions -> Eligibility.evaluate(versions, Map.of(), answers, TODAY)).toList();
	}

}
