package be.obmi.privacy.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which fields of a processing activity a tenant's public register shows, chosen by its
 * DPO. Every field not in {@code publicFields} is private and never leaves the staff
 * side: the public views are built from the mask ({@link ActivityView#of}), not hidden in
 * a template. The activity's name is always public (the register lists activities by it).
 *
 * @param publicFields the public fields
 * @param version the optimistic-lock version of the stored mask (0 when the DPO never
 * saved one)
 * @param chosen whether the DPO saved a mask; else the defaults apply
 */
public record FieldMask(Set<ActivityField> publicFields, int version, boolean chosen) {

	/**
	 * The defaults before a DPO chooses: what the GDPR's transparency duties (art. 13/14)
	 * tell data subjects anyway is public — name, purpose, legal bases and art. 9
	 * conditions, data subjects, data categories, recipients, transfers, retention,
	 * responsible service, source. Private: security measures (a map for attackers),
	 * systems and applications (same), the controller's and the DPO's contact details
	 * (names of persons; the city's general contact is on its site).
	 */
	public static final Set<ActivityField> DEFAULT_PUBLIC = Collections.unmodifiableSet(EnumSet.of(ActivityField.NAME,
			ActivityField.PURPOSE, ActivityField.LEGAL_BASES, ActivityField.SPECIAL_CATEGORY_CONDITIONS,
			ActivityField.DATA_SUBJECTS, ActivityField.DATA_CATEGORIES, ActivityField.RECIPIENTS,
			ActivityField.TRANSFERS, ActivityField.RETENTION, ActivityField.RESPONSIBLE_SERVICE, ActivityField.SOURCE));

	/** Every field: the staff exports, which show the whole register. */
	public static final FieldMask ALL = new FieldMask(EnumSet.allOf(ActivityField.class), 0, true);

	public FieldMask {
		EnumSet<ActivityField> fields = EnumSet.noneOf(ActivityField.class);
		fields.addAll(publicFields);
		fields.add(ActivityField.NAME);
		publicFields = Collections.unmodifiableSet(fields);
	}

	/** The defaults, before the DPO saved a mask. */
	public static FieldMask defaults() {
		return new FieldMask(DEFAULT_PUBLIC, 0, false);
	}

	public boolean isPublic(ActivityField field) {
		return publicFields.contains(field);
	}

}
