package be.obmi.privacy.importing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import be.obmi.privacy.domain.ActivityContent;
import be.obmi.privacy.domain.ActivityField;

/**
 * A field of an activity's content as the text of one cell (XLSX, CSV, DOCX, PDF): lists
 * joined with {@code "; "}, a data category as {@code name (gevoelig) [retention]}, a
 * transfer as {@code US: safeguard}. The column names of the files are the Dutch ones of
 * {@link #COLUMNS} (docs/formats/privacy-register.md).
 */
public final class RegisterCells {

	/** The column of each field in the spreadsheet exports, in field order. */
	public static final Map<ActivityField, String> COLUMNS = Map.ofEntries(Map.entry(ActivityField.NAME, "naam"),
			Map.entry(ActivityField.PURPOSE, "doel"), Map.entry(ActivityField.LEGAL_BASES, "rechtsgronden"),
			Map.entry(ActivityField.SPECIAL_CATEGORY_CONDITIONS, "voorwaarden_art9"),
			Map.entry(ActivityField.DATA_SUBJECTS, "betrokkenen"),
			Map.entry(ActivityField.DATA_CATEGORIES, "gegevenscategorieen"),
			Map.entry(ActivityField.RECIPIENTS, "ontvangers"), Map.entry(ActivityField.TRANSFERS, "doorgiften"),
			Map.entry(ActivityField.RETENTION, "bewaartermijn"),
			Map.entry(ActivityField.SECURITY_MEASURES, "beveiligingsmaatregelen"),
			Map.entry(ActivityField.RESPONSIBLE_SERVICE, "verantwoordelijke_dienst"),
			Map.entry(ActivityField.SYSTEMS, "systemen"), Map.entry(ActivityField.SOURCE, "bron"),
			Map.entry(ActivityField.CONTROLLER, "verwerkingsverantwoordelijke"),
			Map.entry(ActivityField.DPO_CONTACT, "contact_dpo"));

	private RegisterCells() {
	}

	/** The Dutch column names of the fields, in field order. */
	public static List<String> fieldColumns() {
		return Arrays.stream(ActivityField.values()).map(COLUMNS::get).toList();
	}

	/** Every field's text, in field order. */
	public static List<String> values(ActivityContent content) {
		return Arrays.stream(ActivityField.values()).map(f -> value(content, f)).toList();
	}

	/** The field's text; empty for an empty list, null for an empty text. */
	public static String value(ActivityContent c, ActivityField field) {
		return value(c, field, "gevoelig");
	}

	/**
	 * The field's text, a sensitive data category marked with {@code sensitive} (the word
	 * in the reader's language).
	 */
	public static String value(ActivityContent c, ActivityField field, String sensitive) {
		return switch (field) {
			case NAME -> c.name();
			case PURPOSE -> c.purpose();
			case LEGAL_BASES -> joined(c.legalBases());
			case SPECIAL_CATEGORY_CONDITIONS -> joined(c.specialCategoryConditions());
			case DATA_SUBJECTS -> joined(c.dataSubjects());
			case DATA_CATEGORIES ->
				c.dataCategories().stream().map(d -> category(d, sensitive)).collect(Collectors.joining("; "));
			case RECIPIENTS -> joined(c.recipients());
			case TRANSFERS ->
				c.transfers().stream().map(t -> t.country() + ": " + t.safeguard()).collect(Collectors.joining("; "));
			case RETENTION -> c.retention();
			case SECURITY_MEASURES -> joined(c.securityMeasures());
			case RESPONSIBLE_SERVICE -> c.responsibleService();
			case SYSTEMS -> joined(c.systems());
			case SOURCE -> c.source();
			case CONTROLLER -> c.controller();
			case DPO_CONTACT -> c.dpoContact();
		};
	}

	private static String category(ActivityContent.DataCategory category, String sensitive) {
		return category.name() + (category.sensitive() ? " (" + sensitive + ")" : "")
				+ (category.retention() == null || category.retention().isBlank() ? ""
						: " [" + category.retention() + "]");
	}

	private static String joined(List<String> values) {
		return String.join("; ", values);
	}

}
