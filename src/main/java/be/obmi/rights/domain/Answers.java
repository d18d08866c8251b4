package be.obmi.rights.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a person (or their social worker) answered so far; every part may still be unknown
 * (null). Nothing here names a person.
 *
 * @param nis the NIS code of the city of residence, null while unknown
 * @param wijk the wijk of residence, null when unknown
 * @param sector the statistical sector of residence, null when unknown
 * @param age the age in years
 * @param adults the number of adults in the household
 * @param childAges the ages of the children in the household (empty: none), null while
 * unknown
 * @param singleParent whether one adult raises the children alone
 * @param yearlyIncome the household's yearly taxable income in euro
 * @param statutes per social statute whether the household has it (absent: not asked)
 * @param housing how the household lives, null while unknown
 */
public record Answers(String nis, String wijk, String sector, Integer age, Integer adults, List<Integer> childAges,
		Boolean singleParent, Long yearlyIncome, Map<SocialStatute, Boolean> statutes, Housing housing) {

	public static final Answers NONE = new Answers(null, null, null, null, null, null, null, null, Map.of(), null);

	public Answers {
		childAges = childAges == null ? null : List.copyOf(childAges);
		statutes = statutes == null ? Map.of() : Map.copyOf(statutes);
	}

	/** The household size, null while adults or children are unknown. */
	public Integer householdSize() {
		return adults == null || childAges == null ? null : adults + childAges.size();
	}

	/**
	 * The income per consumption unit on the modified OECD scale (first adult 1, each
	 * further member of 14 or older 0.5, each younger child 0.3); null while unknown.
	 */
	public Long equivalisedIncome() {
		if (yearlyIncome == null || adults == null || childAges == null) {
			return null;
		}
		double units = 1 + 0.5 * Math.max(0, adults - 1);
		for (int childAge : childAges) {
			units += childAge >= 14 ? 0.5 : 0.3;
		}
		return Math.round(yearlyIncome / units);
	}

	/** Whether the answers say anything about these statutes at all. */
	boolean statutesKnown(Set<SocialStatute> asked) {
		return statutes.keySet().containsAll(asked);
	}

	/** How a household lives. */
	public enum Housing {

		SOCIAL_TENANT, PRIVATE_TENANT, OWNER, HOMELESS, OTHER;

		public String messageKey() {
			return "rights.housing." + name().toLowerCase().replace("_", "");
		}

	}

}
