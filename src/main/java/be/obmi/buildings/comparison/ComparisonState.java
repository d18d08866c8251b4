package be.obmi.buildings.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a city records of one process in a round: the system used, its supplier, how and
 * to which register object it is linked, known data-quality issues and the maturity (1–5,
 * see the legend on the matrix; null when not assessed).
 */
public record ComparisonState(String systemName, String supplier, RegisterLink registerLink, LinkedObject linkedObject,
		String qualityIssues, Integer maturity) {

	/** The fields' names in the matrix and exports, in order. */
	public static final List<String> FIELDS = List.of("systeem", "leverancier", "koppeling", "object",
			"kwaliteitsproblemen", "maturiteit");

	/** The names of the fields that differ from {@code other} (all for null). */
	public List<String> changedFrom(ComparisonState other) {
		if (other == null) {
			return FIELDS;
		}
		List<String> changed = new ArrayList<>();
		add(changed, "systeem", systemName, other.systemName);
		add(changed, "leverancier", supplier, other.supplier);
		add(changed, "koppeling", registerLink, other.registerLink);
		add(changed, "object", linkedObject, other.linkedObject);
		add(changed, "kwaliteitsproblemen", qualityIssues, other.qualityIssues);
		add(changed, "maturiteit", maturity, other.maturity);
		return List.copyOf(changed);
	}

	private static void add(List<String> changed, String name, Object a, Object b) {
		if (!Objects.equals(a, b)) {
			changed.add(name);
		}
	}

}
