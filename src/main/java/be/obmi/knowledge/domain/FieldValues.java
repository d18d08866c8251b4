package be.obmi.knowledge.domain;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.obmi.shared.BelgianNumber;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;

/**
 * A case's values of its template's fields: checked per type when saved (a refusal names
 * the field), and shown or exported as text. Kept in {@code field_values} by field code:
 * a number as a JSON number, a date as {@code yyyy-MM-dd}, a multi-choice as a list of
 * codes, everything else as a string. FILE fields hold no value: their files are
 * {@link CaseFiles}.
 */
public final class FieldValues {

	static final int MAX_TEXT = 20_000;

	private FieldValues() {
	}

	/**
	 * The values of the template's fields, checked and normalised; values for codes the
	 * template lacks are dropped.
	 * @throws RefusedValueException for the first field whose value the rules refuse
	 */
	public static Map<String, Object> checked(List<Field> template, Map<String, List<String>> input) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (Field field : template) {
			if (field.type() == FieldType.FILE) {
				continue;
			}
			List<String> typed = input.getOrDefault(field.code(), List.of())
				.stream()
				.filter(v -> v != null && !v.isBlank())
				.map(String::strip)
				.toList();
			if (typed.isEmpty()) {
				if (field.required()) {
					throw refused("knowledge.refused.fieldRequired", field);
				}
				continue;
			}
			values.put(field.code(), value(field, typed));
		}
		return values;
	}

	private static Object value(Field field, List<String> typed) {
		String text = typed.getFirst();
		if (text.length() > MAX_TEXT) {
			throw refused("knowledge.refused.fieldTooLong", field);
		}
		return switch (field.type()) {
			case NUMBER ->
				BelgianNumber.parse(text).orElseThrow(() -> refused("knowledge.refused.fieldNumber", field, text));
			case DATE -> date(field, text);
			case CHOICE -> choice(field, text);
			case MULTI_CHOICE -> typed.stream().distinct().map(code -> choice(field, code)).toList();
			case LINK -> link(field, text);
			case RICH_TEXT -> RichText.sanitised(text);
			default -> text;
		};
	}

	private static String date(Field field, String text) {
		try {
			LocalDate date = LocalDate.parse(text);
			if (date.getYear() < 1900 || date.getYear() > 2200) {
				throw refused("knowledge.refused.fieldDate", field, text);
			}
			return date.toString();
		}
		catch (DateTimeParseException ex) {
			throw refused("knowledge.refused.fieldDate", field, text);
		}
	}

	private static String choice(Field field, String code) {
		return field.choice(code)
			.map(Choice::code)
			.orElseThrow(() -> refused("knowledge.refused.fieldChoice", field, code));
	}

	private static String link(Field field, String text) {
		try {
			URI uri = new URI(text);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
				return text;
			}
		}
		catch (URISyntaxException ex) {
			// refused below
		}
		throw refused("knowledge.refused.fieldLink", field, text);
	}

	private static RefusedValueException refused(String code, Field field, Object... more) {
		List<Object> arguments = new ArrayList<>(List.of(field.labelNl()));
		arguments.addAll(List.of(more));
		return new RefusedValueException(Reason.of(code, arguments.toArray()));
	}

	/**
	 * A value as a person reads it: a number in the reader's format, choices by their
	 * label, a list joined with commas; rich text stays HTML (sanitised when saved).
	 */
	public static String text(Field field, Object value, Locale locale) {
		if (value == null) {
			return "";
		}
		return switch (field.type()) {
			case NUMBER -> number(value, locale);
			case CHOICE -> field.choiceLabel(value.toString(), locale);
			case MULTI_CHOICE ->
				String.join(", ", codes(value).stream().map(code -> field.choiceLabel(code, locale)).toList());
			default -> value.toString();
		};
	}

	/** What the form shows in a field's input(s). */
	public static List<String> input(Field field, Object value, Locale locale) {
		if (value == null) {
			return List.of();
		}
		return switch (field.type()) {
			case MULTI_CHOICE -> codes(value);
			case NUMBER -> List.of(number(value, locale));
			default -> List.of(value.toString());
		};
	}

	/**
	 * A number in the reader's format; a whole number of four digits or fewer (a year) is
	 * not grouped.
	 */
	static String number(Object value, Locale locale) {
		BigDecimal number = new BigDecimal(value.toString()).stripTrailingZeros();
		if (number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(10_000)) < 0) {
			return number.toPlainString();
		}
		return BelgianNumber.format(number, locale);
	}

	/** The codes of a (multi-)choice value. */
	public static List<String> codes(Object value) {
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return value == null ? List.of() : List.of(value.toString());
	}

}
