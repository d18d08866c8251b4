package be.obmi.buildings.comparison;

import be.obmi.shared.InvisibleCharacters;

/**
 * A city's row for one process as its redacteur sends it.
 *
 * @param version the version of the city's row in the open round the form was read with;
 * -1 when the city had no row in that round yet
 */
public record ComparisonForm(String processCode, String systemName, String supplier, RegisterLink registerLink,
		LinkedObject linkedObject, String qualityIssues, Integer maturity, int version) {

	public ComparisonState state() {
		return new ComparisonState(blankToNull(systemName), blankToNull(supplier), registerLink, linkedObject,
				blankToNull(qualityIssues), maturity);
	}

	static String blankToNull(String text) {
		String clean = text == null ? null : InvisibleCharacters.clean(text);
		return clean == null || clean.isBlank() ? null : clean.strip();
	}

}
