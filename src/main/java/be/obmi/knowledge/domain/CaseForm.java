package be.obmi.knowledge.domain;

import java.util.List;
import java.util.Map;

/**
 * A case as its form sends it.
 *
 * @param fields the typed values per field code, as typed (several for a multi-choice
 * field)
 * @param latitude WGS84 latitude as typed (Belgian or English decimals), may be blank
 * @param related the public ids of related cases
 * @param version the version the form was loaded at (ignored when creating)
 */
public record CaseForm(String title, String summary, String body, Map<String, List<String>> fields, String areaLevel,
		String areaCode, String latitude, String longitude, List<String> themes, List<String> related, int version) {

	public CaseForm {
		fields = fields == null ? Map.of() : Map.copyOf(fields);
		themes = themes == null ? List.of() : List.copyOf(themes);
		related = related == null ? List.of() : List.copyOf(related);
	}

}
