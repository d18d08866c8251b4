package be.obmi.rights.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates rights on (possibly partial) answers, explainably: per right eligible, maybe
 * (with the criteria that are still unknown) or not eligible (with the failed criteria
 * and what would change them); and which questions can still change an outcome, so the
 * questionnaire asks nothing else. Pure: no database, no clock (the day is given).
 */
public final class Eligibility {

	private Eligibility() {
	}

	/**
	 * The outcome of one right's rule as of a day.
	 * @param versions the rule's dated versions
	 * @param cityParameters the parameters the city of residence set for this right (its
	 * top-up); empty: the base values apply
	 */
	public static Outcome evaluate(List<EligibilityRule> versions, Map<String, BigDecimal> cityParameters,
			Answers answers, LocalDate asOf) {
		Optional<EligibilityRule> rule = versions.stream().filter(version -> version.appliesOn(asOf)).findFirst();
		if (rule.isEmpty()) {
			return new Outcome(Verdict.NOT_IN_FORCE, null, Map.of(), List.of(), List.of(), List.of());
		}
		Map<String, BigDecimal> parameters = new HashMap<>(rule.get().parameters());
		parameters.putAll(cityParameters);
		List<Check> met = new ArrayList<>();
		List<Check> failed = new ArrayList<>();
		List<Check> unknown = new ArrayList<>();
		for (Condition condition : rule.get().all()) {
			sort(condition.check(answers, parameters), met, failed, unknown);
		}
		for (Condition condition : rule.get().none()) {
			Check check = condition.check(answers, parameters);
			Check excluded = switch (check.state()) {
				case MET -> new Check(condition, Check.State.FAILED, check.reason(), null);
				case FAILED -> new Check(condition, Check.State.MET, check.reason(), null);
				case UNKNOWN -> check;
			};
			sort(excluded, met, failed, unknown);
		}
		if (rule.get().decision() != null) {
			Decision.Result decided = rule.get().decision().decide(answers, parameters);
			decided.checks().forEach(check -> sort(check, met, failed, unknown));
			parameters.putAll(decided.outputs());
		}
		Verdict verdict = !failed.isEmpty() ? Verdict.NOT_ELIGIBLE
				: !unknown.isEmpty() ? Verdict.MAYBE : Verdict.ELIGIBLE;
		return new Outcome(verdict, rule.get(), Map.copyOf(parameters), met, failed, unknown);
	}

	/**
	 * The questions that can still change one of the outcomes: those that an undecided
	 * (maybe) right still needs. A right already decided (eligible, or not eligible by a
	 * criterion) needs no further answer.
	 */
	public static Set<Question> openQuestions(List<Outcome> outcomes) {
		Set<Question> open = EnumSet.noneOf(Question.class);
		for (Outcome outcome : outcomes) {
			if (outcome.verdict() == Verdict.MAYBE) {
				outcome.unknown().forEach(check -> open.add(check.condition().question()));
			}
		}
		return open;
	}

	private static void sort(Check check, List<Check> met, List<Check> failed, List<Check> unknown) {
		switch (check.state()) {
			case MET -> met.add(check);
			case FAILED -> failed.add(check);
			case UNKNOWN -> unknown.add(check);
		}
	}

	/** The three groups of the answer, and a right not in force on the day. */
	public enum Verdict {

		ELIGIBLE, MAYBE, NOT_ELIGIBLE, NOT_IN_FORCE

	}

	/**
	 * The outcome of one right.
	 *
	 * @param rule the version in force on the day, null when none is
	 * @param parameters the parameter values used (base with the city's top-up)
	 */
	public record Outcome(Verdict verdict, EligibilityRule rule, Map<String, BigDecimal> parameters, List<Check> met,
			List<Check> failed, List<Check> unknown) {

	}

}
