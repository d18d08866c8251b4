package be.obmi.rights.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import be.obmi.shared.Reason;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One typed condition of an eligibility rule, as a city's staff edit it without code.
 * Each needs the answer to one {@link Question} and says whether the answers meet it, do
 * not meet it (with the reason in plain words and what would change it) or cannot tell
 * yet. Stored as JSON with its {@code type}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = Condition.AgeBetween.class, name = "age"),
		@JsonSubTypes.Type(value = Condition.HouseholdSize.class, name = "householdSize"),
		@JsonSubTypes.Type(value = Condition.ChildrenUnder.class, name = "children"),
		@JsonSubTypes.Type(value = Condition.SingleParent.class, name = "singleParent"),
		@JsonSubTypes.Type(value = Condition.IncomeAtMost.class, name = "income"),
		@JsonSubTypes.Type(value = Condition.HasStatute.class, name = "statute"),
		@JsonSubTypes.Type(value = Condition.LivesIn.class, name = "area"),
		@JsonSubTypes.Type(value = Condition.HousingIs.class, name = "housing") })
public sealed interface Condition {

	/** The question whose answer decides this condition. */
	Question question();

	/** Whether the answers meet the condition, with the parameters in force. */
	Check check(Answers answers, Map<String, BigDecimal> parameters);

	/**
	 * Whether {@code value} lies from {@code min} to {@code max} (either may be null: no
	 * bound), with the message {@code key} while unknown and its sub-keys {@code tooLow},
	 * {@code tooHigh} and {@code met}.
	 */
	private static Check between(Condition condition, Integer value, Integer min, Integer max, String key,
			String tooLow, String tooHigh) {
		if (value == null) {
			return Check.unknown(condition, key, min, max);
		}
		if (min != null && value < min) {
			return Check.failed(condition, key + "." + tooLow, value, min);
		}
		if (max != null && value > max) {
			return Check.failed(condition, key + "." + tooHigh, value, max);
		}
		return Check.met(condition, key + ".met", value);
	}

	/** Age from {@code min} to {@code max} years (either may be null: no bound). */
	record AgeBetween(Integer min, Integer max) implements Condition {

		@Override
		public Question question() {
			return Question.AGE;
		}

		@Override
		public Check check(Answers answers, Map<String, BigDecimal> parameters) {
			return between(this, answers.age(), min, max, "rights.criterion.age", "tooYoung", "tooOld");
		}

	}

	/** A household of {@code min} to {@code max} members (either may be null). */
	record HouseholdSize(Integer min, Integer max) implements Condition {

		@Override
		public Question question() {
			return Question.HOUSEHOLD;
		}

		@Override
		public Check check(Answers answers, Map<String, BigDecimal> parameters) {
			return between(this, answers.householdSize(), min, max, "rights.criterion.household", "tooSmall",
					"tooLarge");
		}

	}

	/** At least {@code count} children younger than {@code underAge} in the household. */
	record ChildrenUnder(int underAge, int count) implements Condition {

		@Override
		public Question question() {
			return Question.HOUSEHOLD;
		}

		@Override
		public Check check(Answers answers, Map<String, BigDecimal> parameters) {
			if (answers.childAges() == null) {
				return Check.unknown(this, "rights.criterion.children", count, underAge);
			}
			long children = answers.childAges().stream().filter(age -> age < underAge).count();
			return children >= count ? Check.met(this, "rights.criterion.children.met", children, underAge)
					: Check.failed(this, "rights.criterion.children.tooFew", children, count, underAge);
		}

	}

	/** One adult raising the children alone. */
	record SingleParent() implements Condition {

		@Override
		public Question question() {
			return Question.HOUSEHOLD;
		}

		@Override
		public Check check(Answers answers, Map<String, BigDecimal> parameters) {
			if (answers.singleParent() == null) {
				return Check.unknown(this, "rights.criterion.singleParent");
			}
			return answers.singleParent() ? Check.met(this, "rights.criterion.singleParent.met")
					: Check.failed(this, "rights.criterion.singleParent.not");
		}

	}

	/**
	 * A yearly taxable income of at most {@code ceiling}, for the household or per
	 * consumption unit ({@code equivalised}), raised by {@code perDependant} for each
	 * member beyond the first (may be null).
	 */
	record IncomeAtMost(Value ceiling, boolean equivalised, Value perDependant) implements Condition {

		@Override
		public Question question() {
			return Question.INCOME;
		}

		/**
		 * The ceiling for these answers, null while the household is unknown and needed.
		 */
		public BigDecimal ceilingFor(Answers answers, Map<String, BigDecimal> parameters) {
			BigDecimal base = ceiling.resolve(parameters);
			if (perDependant == null) {
				return base;
			}
			Integer size = answers.householdSize();
			return size == null ? null
					: base.add(perDependant.resolve(parameters).multiply(BigDecimal.valueOf(Math.max(0, size - 1))));
		}

		@Override
		public Check check(Answers answers, Map<String, BigDecimal> parameters) {
			Long income = equivalised ? answers.equivalisedIncome() : answers.yearlyIncome();
			BigDecimal limit = ceilingFor(answers, parameters);
			if (income == null || limit == null) {
				return Check.unknown(this, "rights.criterion.income",
						limit == null ? ceiling.resolve(parameters) : limit);
			}
			if (BigDecimal.valueOf(income).compareTo(limit) > 0) {
				return Check
					.failed(this,
							equivalised ? "rights.criterion.income.equivalisedAbove" : "rights.criterion.income.above",
							income, limit)
					.changedBy("rights.criterion.income.change", limit);
			}
			return Check.met(this, "rights.criterion.income.met", income, limit);
		}

	}

	/** One of the social statutes (e.g. verhoogde tegemoetkoming or leefloon). */
	record HasStatute(Set<SocialStatute> anyOf) implements Condition {

		public HasStatute {
			anyOf = Set.copyOf(anyOf);
		}

		@Override
		public Question question() {
			return Question.STATUTES;
		}

		@Override
		public Check check(Answers answers, Map<String, BigDecimal> parameters) {
			for (SocialStatute statute : anyOf) {
				if (Boolean.TRUE.equals(answers.statutes().get(statute))) {
					return Check.met(this, "rights.criterion.statute.met", Reason.of(statute.messageKey()));
				}
			}
			if (!answers.statutesKnown(anyOf)) {
				return Check.unknown(this, "rights.criterion.statute");
			}
			return Check.failed(this, "rights.criterion.statute.none").changedBy("rights.criterion.statute.change");
		}

	}

	/**
	 * Residence in one of the areas: whole cities by NIS code ({@code CITY}), wijken or
	 * statistical sectors by their codes.
	 */
	record LivesIn(AreaLevel level, Set<String> codes) implements Condition {

		public LivesIn {
			codes = Set.copyOf(codes);
		}

		@Override
		public Question question() {
			return Question.RESIDENCE;
		}

		@Override
		public Check check(Answers answers, Map<String, BigDecimal> parameters) {
			String code = switch (level) {
				case CITY -> answers.nis();
				case WIJK -> answers.wijk();
				case SECTOR -> answers.sector();
			};
			if (code == null) {
				return Check.unknown(this, "rights.criterion.area");
			}
			return codes.contains(code) ? Check.met(this, "rights.criterion.area.met")
					: Check.failed(this, "rights.criterion.area.outside");
		}

		/** The level of the areas a rule names. */
		public enum AreaLevel {

			CITY, WIJK, SECTOR

		}

	}

	/** One of the housing situations. */
	record HousingIs(Set<Answers.Housing> anyOf) implements Condition {

		public HousingIs {
			anyOf = Set.copyOf(anyOf);
		}

		@Override
		public Question question() {
			return Question.HOUSING;
		}

		@Override
		public Check check(Answers answers, Map<String, BigDecimal> parameters) {
			if (answers.housing() == null) {
				return Check.unknown(this, "rights.criterion.housing");
			}
			return anyOf.contains(answers.housing())
					? Check.met(this, "rights.criterion.housing.met", Reason.of(answers.housing().messageKey()))
					: Check.failed(this, "rights.criterion.housing.other", Reason.of(answers.housing().messageKey()));
		}

	}

	/**
	 * A criterion decided by a DMN decision table ({@link Decision}): it needs the answer
	 * to {@code question}. Not written in rule JSON; a decision reports it in its checks.
	 *
	 * @param table the name of the decision table
	 */
	record Decided(String table, Question question) implements Condition {

		@Override
		public Check check(Answers answers, Map<String, BigDecimal> parameters) {
			return Check.unknown(this, "rights.dmn.unknown", table);
		}

	}

}
