package be.obmi.opendata;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dimension of a cube with its categories in their published order. Codes are unique
 * within a dimension.
 */
public record Dimension(String id, LocalizedText label, DimensionRole role, List<Category> categories) {

	public Dimension {
		Objects.requireNonNull(id, "id");
		label = label == null ? LocalizedText.empty() : label;
		role = role == null ? DimensionRole.OTHER : role;
		categories = List.copyOf(categories);
		if (categories.isEmpty()) {
			throw new IllegalArgumentException("dimension " + id + " has no categories");
		}
		var codes = new HashSet<String>();
		for (var category : categories) {
			if (!codes.add(category.code())) {
				throw new IllegalArgumentException("dimension " + id + " has category " + category.code() + " twice");
			}
		}
	}

	public int size() {
		return this.categories.size();
	}

	public Optional<Category> category(String code) {
		return this.categories.stream().filter(c -> c.code().equals(code)).findFirst();
	}

	public boolean hasHierarchy() {
		return this.categories.stream().anyMatch(c -> c.parentCode() != null);
	}

}
