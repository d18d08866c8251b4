package be.obmi.audit;

import java.util.Objects;

/**
 * One field's change: {@code oldValue} is null for a created field, {@code newValue} null
 * for a removed one. Values are kept as display text.
 */
public record FieldChange(String field, String oldValue, String newValue) {

	public static FieldChange added(String field, Object value) {
		return new FieldChange(field, null, text(value));
	}

	public static FieldChange removed(String field, Object value) {
		return new FieldChange(field, text(value), null);
	}

	/** Returns a change only when the two values differ, else null. */
	public static FieldChange between(String field, Object oldValue, Object newValue) {
		String o = text(oldValue);
		String n = text(newValue);
		return Objects.equals(o, n) ? null : new FieldChange(field, o, n);
	}

	static String text(Object value) {
		return value == null ? null : value.toString();
	}

}
