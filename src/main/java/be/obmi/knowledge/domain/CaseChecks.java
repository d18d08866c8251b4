package be.obmi.knowledge.domain;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import be.obmi.shared.BelgianNumber;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.stats.AreaNames;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rules a case's form must meet before it is saved: a title, a summary of bounded
 * length, field values that fit the collection's template ({@link FieldValues}), an area
 * the statistics know (within the city's own for a city), a point inside Belgium, known
 * themes and related cases that exist.
 */
@Component
class CaseChecks {

	/** Belgium's bounding box (WGS84). */
	static final double MIN_LAT = 49.49, MAX_LAT = 51.51, MIN_LON = 2.54, MAX_LON = 6.41;

	private static final Set<String> AREA_LEVELS = Set.of("gemeente", "deelgemeente", "wijk", "statsec");

	private final JdbcClient jdbc;

	private final Collections collections;

	private final AreaNames areas;

	CaseChecks(JdbcClient jdbc, Collections collections, AreaNames areas) {
		this.jdbc = jdbc;
		this.collections = collections;
		this.areas = areas;
	}

	/** A form that passed the checks, its values cleaned. */
	record Checked(String title, String summary, String body, Map<String, Object> values, String areaLevel,
			String areaCode, Double latitude, Double longitude, List<Long> related) {
	}

	/**
	 * The form's values as they are saved.
	 * @throws RefusedValueException for the first value the rules refuse
	 */
	Checked check(Collection collection, Tenant city, CaseForm form) {
		String title = form.title() == null ? "" : form.title().strip();
		if (title.isEmpty() || title.length() > 300) {
			throw new RefusedValueException(Reason.of("knowledge.refused.caseTitle"));
		}
		String summary = form.summary() == null ? "" : form.summary().strip();
		if (summary.length() > FieldValues.MAX_TEXT) {
			throw new RefusedValueException(Reason.of("knowledge.refused.caseSummary"));
		}
		Map<String, Object> values = FieldValues.checked(collections.fields(collection.id()), form.fields());
		String level = blank(form.areaLevel()) ? null : form.areaLevel().strip();
		String code = blank(form.areaCode()) ? null : form.areaCode().strip();
		if ((level == null) != (code == null) || (level != null && (!AREA_LEVELS.contains(level)
				|| areas.name(level, code, city == null ? null : city.statisticsNisCode()).isEmpty()))) {
			throw new RefusedValueException(Reason.of("knowledge.refused.caseArea", String.valueOf(code)));
		}
		Double lat = coordinate(form.latitude(), MIN_LAT, MAX_LAT);
		Double lon = coordinate(form.longitude(), MIN_LON, MAX_LON);
		if ((lat == null) != (lon == null)) {
			throw new RefusedValueException(Reason.of("knowledge.refused.casePoint"));
		}
		checkThemes(form.themes());
		return new Checked(title, summary, RichText.sanitised(form.body()), values, level, code, lat, lon,
				related(form.related()));
	}

	private static Double coordinate(String text, double min, double max) {
		if (blank(text)) {
			return null;
		}
		Double value = BelgianNumber.parseDouble(text);
		if (value == null || value < min || value > max) {
			throw new RefusedValueException(Reason.of("knowledge.refused.casePoint"));
		}
		return value;
	}

	private void checkThemes(List<String> themes) {
		Set<String> known = jdbc.sql("select code from knowledge.theme").query(String.class).set();
		for (String theme : themes) {
			if (!known.contains(theme)) {
				throw new RefusedValueException(Reason.of("knowledge.refused.caseTheme", theme));
			}
		}
	}

	/**
	 * The ids of the related cases, in the form's order, looked up in one query.
	 * @throws RefusedValueException for the first text that is no id of a case
	 */
	private List<Long> related(List<String> publicIds) {
		List<String> texts = publicIds.stream().filter(text -> !blank(text)).toList();
		List<UUID> uuids = new ArrayList<>();
		for (String text : texts) {
			uuids.add(uuid(text.strip()));
		}
		Map<UUID, Long> ids = new HashMap<>();
		if (!uuids.isEmpty()) {
			jdbc.sql("select public_id, id from knowledge.knowledge_case where public_id = any(cast(? as uuid[]))")
				.param(uuids.stream().filter(Objects::nonNull).map(UUID::toString).toArray(String[]::new))
				.query((ResultSet rs) -> {
					ids.put(rs.getObject("public_id", UUID.class), rs.getLong("id"));
				});
		}
		List<Long> related = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			Long id = uuids.get(i) == null ? null : ids.get(uuids.get(i));
			if (id == null) {
				throw new RefusedValueException(Reason.of("knowledge.refused.caseRelated", texts.get(i)));
			}
			related.add(id);
		}
		return related;
	}

	private static UUID uuid(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
