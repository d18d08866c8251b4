package be.obmi.privacy.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fields of a processing activity ({@link ActivityContent}), by the code used in the
 * JSON, the public field mask and the diffs. {@code mandatory}: the columns the Belgian
 * Data Protection Authority's model register requires (art. 30(1)); an activity with one
 * of them empty is incomplete and cannot be published.
 */
public enum ActivityField {

	NAME("name", true), PURPOSE("purpose", true), LEGAL_BASES("legalBases", true),
	SPECIAL_CATEGORY_CONDITIONS("specialCategoryConditions", false), DATA_SUBJECTS("dataSubjects", true),
	DATA_CATEGORIES("dataCategories", true), RECIPIENTS("recipients", true), TRANSFERS("transfers", false),
	RETENTION("retention", true), SECURITY_MEASURES("securityMeasures", true),
	RESPONSIBLE_SERVICE("responsibleService", true), SYSTEMS("systems", false), SOURCE("source", false),
	CONTROLLER("controller", true), DPO_CONTACT("dpoContact", false);

	private final String code;

	private final boolean mandatory;

	ActivityField(String code, boolean mandatory) {
		this.code = code;
		this.mandatory = mandatory;
	}

	/** The field's name in {@link ActivityContent} and its JSON. */
	public String code() {
		return code;
	}

	public boolean mandatory() {
		return mandatory;
	}

	public static Optional<ActivityField> byCode(String code) {
		return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
	}

}
