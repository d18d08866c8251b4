package be.obmi.knowledge.domain;

/**
 * A field as the template page adds or edits it.
 *
 * @param type a {@link FieldType} name
 * @param choices one choice per line: {@code code;label nl;label en} (English optional)
 */
public record FieldForm(String code, String labelNl, String labelEn, String type, String choices, Boolean required,
		Boolean facet) {

	/** A box left unticked sends nothing: not required, no facet. */
	public FieldForm {
		required = Boolean.TRUE.equals(required);
		facet = Boolean.TRUE.equals(facet);
	}

}
