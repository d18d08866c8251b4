package be.obmi.privacy.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A processing activity with only the fields a {@link FieldMask} shows: a hidden field is
 * null here, so no page, JSON or RDF built from a view can show it. The public register
 * builds its views with the tenant's mask, the staff exports with {@link FieldMask#ALL}.
 * The per-category retention of {@link #dataCategories} is shown only with
 * {@link ActivityField#RETENTION}.
 */
public record ActivityView(UUID publicId, String audience, LocalDate validFrom, String name, String purpose,
		List<String> legalBases, List<String> specialCategoryConditions, List<String> dataSubjects,
		List<ActivityContent.DataCategory> dataCategories, List<String> recipients,
		List<ActivityContent.Transfer> transfers, String retention, List<String> securityMeasures,
		String responsibleService, List<String> systems, String source, String controller, String dpoContact) {

	/** The view of an activity's current content through the mask. */
	public static ActivityView of(RegisterActivity activity, FieldMask mask) {
		ActivityContent c = activity.content();
		boolean retention = mask.isPublic(ActivityField.RETENTION);
		List<ActivityContent.DataCategory> categories = c.dataCategories()
			.stream()
			.map(d -> new ActivityContent.DataCategory(d.name(), d.sensitive(), retention ? d.retention() : null))
			.toList();
		return new ActivityView(activity.publicId(), activity.audience(), activity.validFrom(), c.name(),
				shown(mask, ActivityField.PURPOSE, c.purpose()), shown(mask, ActivityField.LEGAL_BASES, c.legalBases()),
				shown(mask, ActivityField.SPECIAL_CATEGORY_CONDITIONS, c.specialCategoryConditions()),
				shown(mask, ActivityField.DATA_SUBJECTS, c.dataSubjects()),
				shown(mask, ActivityField.DATA_CATEGORIES, categories),
				shown(mask, ActivityField.RECIPIENTS, c.recipients()),
				shown(mask, ActivityField.TRANSFERS, c.transfers()),
				shown(mask, ActivityField.RETENTION, c.retention()),
				shown(mask, ActivityField.SECURITY_MEASURES, c.securityMeasures()),
				shown(mask, ActivityField.RESPONSIBLE_SERVICE, c.responsibleService()),
				shown(mask, ActivityField.SYSTEMS, c.systems()), shown(mask, ActivityField.SOURCE, c.source()),
				shown(mask, ActivityField.CONTROLLER, c.controller()),
				shown(mask, ActivityField.DPO_CONTACT, c.dpoContact()));
	}

	private static <T> T shown(FieldMask mask, ActivityField field, T value) {
		return mask.isPublic(field) ? value : null;
	}

	/** All shown text of the view, for the search. */
	String searchText() {
		StringBuilder text = new StringBuilder();
		for (Object value : new Object[] { name, purpose, legalBases, specialCategoryConditions, dataSubjects,
				recipients, retention, securityMeasures, responsibleService, systems, source, controller,
				dpoContact }) {
			if (value != null) {
				text.append(value).append(' ');
			}
		}
		if (dataCategories != null) {
			dataCategories.forEach(
					d -> text.append(d.name()).append(' ').append(Objects.toString(d.retention(), "")).append(' '));
		}
		if (transfers != null) {
			transfers.forEach(t -> text.append(Objects.toString(t.country(), ""))
				.append(' ')
				.append(Objects.toString(t.safeguard(), ""))
				.append(' '));
		}
		return text.toString();
	}

}
