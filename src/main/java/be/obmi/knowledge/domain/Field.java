package be.obmi.knowledge.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A typed field of a collection's template.
 *
 * @param choices the controlled list of a (multi-)choice field, else empty
 */
public record Field(long id, long collectionId, String code, String labelNl, String labelEn, FieldType type,
		List<Choice> choices, boolean required, boolean facet, int position) {

	public Field {
		choices = choices == null ? List.of() : List.copyOf(choices);
	}

	public String label(Locale locale) {
		return "en".equals(locale.getLanguage()) && !labelEn.isBlank() ? labelEn : labelNl;
	}

	public Optional<Choice> choice(String code) {
		return choices.stream().filter(c -> c.code().equals(code)).findFirst();
	}

	/** The label of a choice in the reader's language, or the code when it is unknown. */
	public String choiceLabel(String code, Locale locale) {
		return choice(code).map(c -> c.label(locale)).orElse(code);
	}

	/**
	 * The choices as the template page's text area shows them: {@code code;nl;en} per
	 * line.
	 */
	public String choicesText() {
		StringBuilder text = new StringBuilder();
		for (Choice c : choices) {
			text.append(c.code()).append(';').append(c.nl()).append(';').append(c.en()).append('\n');
		}
		return text.toString();
	}

}
