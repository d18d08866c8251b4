package be.obmi.opendata;

import java.util.Objects;

/**
 * One category of a dimension: a stable code, a label per language, an optional parent
 * code for hierarchies and, for metric dimensions, an optional unit.
 */
public record Category(String code, LocalizedText label, String parentCode, CategoryUnit unit) {

	public Category {
		Objects.requireNonNull(code, "code");
		if (code.isBlank()) {
			throw new IllegalArgumentException("category code must not be blank");
		}
		label = label == null ? LocalizedText.empty() : label;
	}

	public Category(String code, LocalizedText label) {
		this(code, label, null, null);
	}

}
