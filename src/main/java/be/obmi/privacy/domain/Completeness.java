package be.obmi.privacy.domain;

import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * How complete an activity is against the Belgian DPA's model register: the share of the
 * {@link ActivityField#mandatory() mandatory} fields that are filled.
 */
public final class Completeness {

	private static final List<ActivityField> MANDATORY = Arrays.stream(ActivityField.values())
		.filter(ActivityField::mandatory)
		.toList();

	private Completeness() {
	}

	/** The mandatory fields left empty, in the register's order. */
	public static List<ActivityField> missing(ActivityContent content) {
		JsonNode tree = ContentDiff.tree(content);
		return MANDATORY.stream().filter(f -> ContentDiff.empty(tree.get(f.code()))).toList();
	}

	/** The share of mandatory fields filled, 0 to 100. */
	public static int score(ActivityContent content) {
		return (int) Math.round(100.0 * (MANDATORY.size() - missing(content).size()) / MANDATORY.size());
	}

}
