package be.obmi.rights.dmn;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.obmi.rights.domain.Answers;
import be.obmi.rights.domain.Eligibility;
import be.obmi.rights.domain.EligibilityRule;
import be.obmi.rights.domain.Question;
import be.obmi.shared.RefusedValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real DMN files run by the KIE DMN engine through the evaluator: the same three groups
 * as typed conditions, the table and rule that decided named, undecided while an input is
 * unknown, a city top-up on a parameter the table reads, and models that do not compile
 * refused with the engine's message.
 */
class DmnRulesTests {

	static final LocalDate DAY = LocalDate.of(2026, 3, 1);

	static String dmn(String name) {
		try (InputStream in = DmnRulesTests.class.getResourceAsStream("/rights/dmn/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<EligibilityRule> rule() {
		return List.of(new EligibilityRule(LocalDate.of(2025, 1, 1), null, List.of(), List.of(),
				Map.of("plafond", new BigDecimal("25000")), "",
				DmnRules.compile(dmn("energietoelage.dmn"), Set.of("plafond"))));
	}

	static Answers household(int adults, List<Integer> children, Long income) {
		return new Answers("44021", null, null, 40, adults, children, false, income, Map.of(), null);
	}

	@Test
	void aSmallHouseholdUnderTheCeilingIsEligibleWithTheAmountAndTheRuleNamed() {
		Eligibility.Outcome outcome = Eligibility.evaluate(rule(), Map.of(), household(2, List.of(), 24000L), DAY);
		assertThat(outcome.verdict()).isEqualTo(Eligibility.Verdict.ELIGIBLE);
		assertThat(outcome.parameters().get("bedrag")).isEqualByComparingTo("200");
		assertThat(outcome.met().getFirst().reason().arguments()).contains("eligible")
			.anySatisfy(argument -> assertThat(String.valueOf(argument)).contains("#2").contains("Klein gezin"));
	}

	@Test
	void anIncomeAboveTheCeilingIsNotEligibleWithTheTablesReason() {
		Eligibility.Outcome outcome = Eligibility.evaluate(rule(), Map.of(), household(2, List.of(), 26000L), DAY);
		assertThat(outcome.verdict()).isEqualTo(Eligibility.Verdict.NOT_ELIGIBLE);
		assertThat(outcome.failed()).hasSize(1);
		assertThat(outcome.failed().getFirst().reason().arguments())
			.anySatisfy(argument -> assertThat(String.valueOf(argument)).contains("#3"))
			.contains("Het inkomen ligt boven het plafond voor deze gezinsgrootte");
	}

	@Test
	void aCityTopUpOfTheCeilingChangesTheOutcome() {
		Eligibility.Outcome outcome = Eligibility.evaluate(rule(), Map.of("plafond", new BigDecimal("27000")),
				household(2, List.of(), 26000L), DAY);
		assertThat(outcome.verdict()).isEqualTo(Eligibility.Verdict.ELIGIBLE);
	}

	@Test
	void whileTheIncomeIsUnknownTheRightIsUndecidedAndNeedsOnlyThatQuestion() {
		Eligibility.Outcome outcome = Eligibility.evaluate(rule(), Map.of(), household(2, List.of(3), null), DAY);
		assertThat(outcome.verdict()).isEqualTo(Eligibility.Verdict.MAYBE);
		assertThat(Eligibility.openQuestions(List.of(outcome))).containsExactly(Question.INCOME);
	}

	@Test
	void aModelThatDoesNotCompileIsRefusedWithTheEnginesMessage() {
		assertThatThrownBy(() -> DmnRules.compile(dmn("broken-feel.dmn"), Set.of()))
			.isInstanceOf(RefusedValueException.class)
			.satisfies(ex -> assertThat(((RefusedValueException) ex).reason().code()).isEqualTo("rights.refused.dmn"));
		assertThatThrownBy(() -> DmnRules.compile("<definitions>kapot", Set.of()))
			.isInstanceOf(RefusedValueException.class);
		assertThatThrownBy(() -> DmnRules.compile(dmn("unknown-input.dmn"), Set.of()))
			.isInstanceOf(RefusedValueException.class)
			.satisfies(ex -> assertThat(((RefusedValueException) ex).reason().code())
				.isEqualTo("rights.refused.dmnInput"));
	}

}
