package be.obmi.rights.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.obmi.rights.catalogue.RuleJson;
import be.obmi.rights.domain.Answers;
import be.obmi.rights.domain.Condition;
import be.obmi.rights.domain.SocialStatute;
import be.obmi.rights.domain.Value;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;

import org.springframework.util.MultiValueMap;

/**
 * The rule form without JSON: an editor fills in the usual conditions (age, children,
 * single parent, income ceiling, statutes, housing, sectors or wijken, an amount) and
 * this builds the rule's JSON from them. The JSON field, when filled in, takes precedence
 * (for rules the form cannot express).
 */
final class RuleFormFields {

	private RuleFormFields() {
	}

	/** The rule's JSON: the JSON field as given, else built from the form's fields. */
	static String json(MultiValueMap<String, String> params) {
		String given = params.getFirst("rule");
		if (given != null && !given.isBlank()) {
			return given;
		}
		List<Condition> all = new ArrayList<>();
		List<Condition> none = new ArrayList<>();
		Map<String, BigDecimal> parameters = new LinkedHashMap<>();
		Integer ageMin = whole(params, "ageMin");
		Integer ageMax = whole(params, "ageMax");
		if (ageMin != null || ageMax != null) {
			all.add(new Condition.AgeBetween(ageMin, ageMax));
		}
		Integer childrenUnder = whole(params, "childrenUnder");
		if (childrenUnder != null) {
			Integer count = whole(params, "childrenCount");
			all.add(new Condition.ChildrenUnder(childrenUnder, count == null ? 1 : count));
		}
		if (params.containsKey("singleParent")) {
			all.add(new Condition.SingleParent());
		}
		BigDecimal ceiling = amount(params, "incomeCeiling");
		if (ceiling != null) {
			parameters.put("plafond", ceiling);
			BigDecimal perMember = amount(params, "incomePerMember");
			if (perMember != null) {
				parameters.put("perGezinslid", perMember);
			}
			all.add(new Condition.IncomeAtMost(Value.parameter("plafond"), params.containsKey("incomeEquivalised"),
					perMember == null ? null : Value.parameter("perGezinslid")));
		}
		Set<SocialStatute> statutes = EnumSet.noneOf(SocialStatute.class);
		for (SocialStatute statute : SocialStatute.values()) {
			if (params.getOrDefault("statute", List.of()).contains(statute.name())) {
				statutes.add(statute);
			}
		}
		if (!statutes.isEmpty()) {
			all.add(new Condition.HasStatute(statutes));
		}
		Set<Answers.Housing> housing = housings(params, "housing");
		if (!housing.isEmpty()) {
			all.add(new Condition.HousingIs(housing));
		}
		Set<Answers.Housing> excluded = housings(params, "excludeHousing");
		if (!excluded.isEmpty()) {
			none.add(new Condition.HousingIs(excluded));
		}
		Set<String> sectors = codes(params, "sectors");
		if (!sectors.isEmpty()) {
			all.add(new Condition.LivesIn(Condition.LivesIn.AreaLevel.SECTOR, sectors));
		}
		Set<String> wijken = codes(params, "wijken");
		if (!wijken.isEmpty()) {
			all.add(new Condition.LivesIn(Condition.LivesIn.AreaLevel.WIJK, wijken));
		}
		BigDecimal amount = amount(params, "amount");
		if (amount != null) {
			parameters.put("bedrag", amount);
		}
		return RuleJson.write(new RuleJson.Body(all, none, parameters));
	}

	private static Set<Answers.Housing> housings(MultiValueMap<String, String> params, String name) {
		Set<Answers.Housing> housing = EnumSet.noneOf(Answers.Housing.class);
		for (Answers.Housing option : Answers.Housing.values()) {
			if (params.getOrDefault(name, List.of()).contains(option.name())) {
				housing.add(option);
			}
		}
		return housing;
	}

	private static Set<String> codes(MultiValueMap<String, String> params, String name) {
		String text = params.getFirst(name);
		Set<String> codes = new LinkedHashSet<>();
		if (text == null || text.isBlank()) {
			return codes;
		}
		for (String code : Arrays.stream(text.split("[,;\\s]+")).filter(c -> !c.isEmpty()).toList()) {
			if (!code.matches("[A-Za-z0-9_-]{1,20}") || codes.size() >= 200) {
				throw new RefusedValueException(Reason.of("rights.refused.areaCode"));
			}
			codes.add(code);
		}
		return codes;
	}

	private static Integer whole(MultiValueMap<String, String> params, String name) {
		String text = params.getFirst(name);
		if (text == null || text.isBlank()) {
			return null;
		}
		if (!text.strip().matches("[0-9]{1,3}")) {
			throw new RefusedValueException(Reason.of("rights.refused.ruleNumber"));
		}
		return Integer.parseInt(text.strip());
	}

	private static BigDecimal amount(MultiValueMap<String, String> params, String name) {
		String text = params.getFirst(name);
		if (text == null || text.isBlank()) {
			return null;
		}
		if (!text.strip().matches("[0-9]{1,9}([.,][0-9]{1,2})?")) {
			throw new RefusedValueException(Reason.of("rights.refused.ruleNumber"));
		}
		return new BigDecimal(text.strip().replace(',', '.'));
	}

}
