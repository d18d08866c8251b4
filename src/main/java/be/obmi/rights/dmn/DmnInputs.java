package be.obmi.rights.dmn;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import be.obmi.rights.domain.Answers;
import be.obmi.rights.domain.Question;

/**
 * The inputs a DMN model of the Rechtenverkenner may read (its input data names), what
 * each takes from the answers and which question gives it. Nothing here names a person.
 */
public final class DmnInputs {

	/** An input: the question that gives it and its value (null while unknown). */
	record Input(Question question, Function<Answers, Object> value) {

	}

	/** The inputs by name, in the order of the questionnaire. */
	public static final Map<String, Input> NAMES = Map.ofEntries(
			Map.entry("nis", new Input(Question.RESIDENCE, Answers::nis)),
			Map.entry("wijk", new Input(Question.RESIDENCE, Answers::wijk)),
			Map.entry("sector", new Input(Question.RESIDENCE, Answers::sector)),
			Map.entry("age", new Input(Question.AGE, answers -> number(answers.age()))),
			Map.entry("adults", new Input(Question.HOUSEHOLD, answers -> number(answers.adults()))),
			Map.entry("children", new Input(Question.HOUSEHOLD,
					answers -> answers.childAges() == null ? null : BigDecimal.valueOf(answers.childAges().size()))),
			Map.entry("childAges",
					new Input(Question.HOUSEHOLD,
							answers -> answers.childAges() == null ? null
									: answers.childAges().stream().map(BigDecimal::valueOf).toList())),
			Map.entry("householdSize", new Input(Question.HOUSEHOLD, answers -> number(answers.householdSize()))),
			Map.entry("singleParent", new Input(Question.HOUSEHOLD, Answers::singleParent)),
			Map.entry("income", new Input(Question.INCOME, answers -> number(answers.yearlyIncome()))),
			Map.entry("equivalisedIncome", new Input(Question.INCOME, answers -> number(answers.equivalisedIncome()))),
			Map.entry("statutes", new Input(Question.STATUTES, DmnInputs::statutes)),
			Map.entry("housing", new Input(Question.HOUSING,
					answers -> answers.housing() == null ? null : answers.housing().name())));

	private DmnInputs() {
	}

	/** The statutes the household has, by name; null while the question is unanswered. */
	private static List<String> statutes(Answers answers) {
		if (answers.statutes().isEmpty()) {
			return null;
		}
		return answers.statutes()
			.entrySet()
			.stream()
			.filter(entry -> Boolean.TRUE.equals(entry.getValue()))
			.map(entry -> entry.getKey().name())
			.sorted()
			.toList();
	}

	/**
	 * The question an unknown input needs: equivalised income needs the household when
	 * the income itself is known.
	 */
	static Question question(String name, Answers answers) {
		if ("equivalisedIncome".equals(name) && answers.yearlyIncome() != null) {
			return Question.HOUSEHOLD;
		}
		return NAMES.get(name).question();
	}

	private static BigDecimal number(Number value) {
		return value == null ? null : new BigDecimal(value.toString());
	}

}
