package be.obmi.stats.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import be.obmi.audit.FieldChange;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;

/**
 * What the data team edits of an indicator: its name, theme, definition and unit in Dutch
 * and English, its source, disclosure threshold and decimals. Blank optional texts are
 * stored as null (not translated, no definition); the Dutch name and the theme are
 * required.
 *
 * @param threshold values above 0 and below it are not published (0–1,000,000); null when
 * the form left it empty (refused)
 * @param decimals 0–6; null when the form left it empty (refused)
 */
public record IndicatorDescription(String name, String nameEn, String theme, String themeEn, String definition,
		String definitionEn, String unit, String unitEn, String source, Integer threshold, Integer decimals) {

	public IndicatorDescription {
		name = trimmed(name);
		nameEn = trimmed(nameEn);
		theme = trimmed(theme);
		themeEn = trimmed(themeEn);
		definition = trimmed(definition);
		definitionEn = trimmed(definitionEn);
		unit = trimmed(unit);
		unitEn = trimmed(unitEn);
		source = trimmed(source);
	}

	/** The indicator's current description, to fill the form. */
	public static IndicatorDescription of(Indicator i) {
		return new IndicatorDescription(i.name(), i.nameEn(), i.theme(), i.themeEn(), i.definition(), i.definitionEn(),
				i.unit(), i.unitEn(), i.source(), i.threshold(), i.decimals());
	}

	/**
	 * @throws RefusedValueException for the first field that is missing, too long or out
	 * of range, in the order of the form
	 */
	void check() {
		if (name == null) {
			throw new RefusedValueException(Reason.of("stats.refused.nameMissing"));
		}
		length("name", name, 300);
		length("nameEn", nameEn, 300);
		if (theme == null) {
			throw new RefusedValueException(Reason.of("stats.refused.themeMissing"));
		}
		length("theme", theme, 120);
		length("themeEn", themeEn, 120);
		length("definition", definition, 4000);
		length("definitionEn", definitionEn, 4000);
		length("unit", unit, 120);
		length("unitEn", unitEn, 120);
		length("source", source, 1000);
		if (threshold == null || threshold < 0 || threshold > 1_000_000) {
			throw new RefusedValueException(Reason.of("stats.refused.thresholdRange"));
		}
		if (decimals == null || decimals < 0 || decimals > 6) {
			throw new RefusedValueException(Reason.of("stats.refused.decimalsRange"));
		}
	}

	/** Each field that differs from the indicator's, for the audit history. */
	List<FieldChange> changesFrom(Indicator old) {
		List<FieldChange> changes = new ArrayList<>();
		Stream
			.of(FieldChange.between("naam", old.name(), name), FieldChange.between("naam_en", old.nameEn(), nameEn),
					FieldChange.between("thema", old.theme(), theme),
					FieldChange.between("thema_en", old.themeEn(), themeEn),
					FieldChange.between("definitie", old.definition(), definition),
					FieldChange.between("definitie_en", old.definitionEn(), definitionEn),
					FieldChange.between("eenheid", old.unit(), unit),
					FieldChange.between("eenheid_en", old.unitEn(), unitEn),
					FieldChange.between("bron", old.source(), source),
					FieldChange.between("drempel", old.threshold(), threshold),
					FieldChange.between("decimalen", old.decimals(), decimals))
			.filter(Objects::nonNull)
			.forEach(changes::add);
		return changes;
	}

	private static void length(String field, String value, int max) {
		if (value != null && value.length() > max) {
			throw new RefusedValueException(
					Reason.of("stats.refused.textTooLong", Reason.of("stats.admin.edit." + field), max));
		}
	}

	private static String trimmed(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
