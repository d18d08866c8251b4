package be.obmi.opendata;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.LinkedHashSet;

/**
 * A statistical table as the open data formats see it: dimensions with ordered categories
 * and one cell per combination of categories, in row-major order. The unit and decimals
 * apply to every cell unless a metric dimension's categories give their own.
 *
 * @param id stable identifier, letters, digits, {@code _} and {@code -} (used as PX
 * MATRIX and SDMX dataflow id)
 * @param title title per language; the first language is the main language of the table
 * @param source the publisher as shown to readers, per language
 * @param unit unit of measure per language, may be empty
 * @param decimals number of decimals to show (0–15)
 * @param updated last change of the data, may be null
 * @param extension extra key–value metadata carried along (JSON-stat {@code extension}),
 * never null
 */
public record Cube(String id, LocalizedText title, LocalizedText source, LocalizedText unit, int decimals,
		Instant updated, List<Dimension> dimensions, Cells cells, Map<String, String> extension) {

	public Cube {
		Objects.requireNonNull(id, "id");
		if (!id.matches("[A-Za-z0-9_\\-]+")) {
			throw new IllegalArgumentException("cube id must consist of letters, digits, _ and -: " + id);
		}
		title = title == null ? LocalizedText.empty() : title;
		source = source == null ? LocalizedText.empty() : source;
		unit = unit == null ? LocalizedText.empty() : unit;
		if (decimals < 0 || decimals > 15) {
			throw new IllegalArgumentException("decimals must be between 0 and 15");
		}
		dimensions = List.copyOf(dimensions);
		if (dimensions.isEmpty()) {
			throw new IllegalArgumentException("a cube needs at least one dimension");
		}
		var ids = new HashSet<String>();
		for (var dimension : dimensions) {
			if (!ids.add(dimension.id())) {
				throw new IllegalArgumentException("dimension " + dimension.id() + " appears twice");
			}
		}
		Objects.requireNonNull(cells, "cells");
		if (cells.count() != cellCount(dimensions)) {
			throw new IllegalArgumentException(
					"cube has " + cells.count() + " cells but its dimensions span " + cellCount(dimensions));
		}
		extension = extension == null ? Map.of() : Map.copyOf(extension);
	}

	/** The product of the dimension sizes. */
	public static long cellCount(List<Dimension> dimensions) {
		long count = 1;
		for (var dimension : dimensions) {
			count = Math.multiplyExact(count, dimension.size());
		}
		return count;
	}

	/** The main language: the first language of the title, or Dutch. */
	public String language() {
		return this.title.isEmpty() ? "nl" : this.title.languages().iterator().next();
	}

	/**
	 * All languages used in the title, dimension and category labels, main language
	 * first.
	 */
	public List<String> languages() {
		var languages = new LinkedHashSet<String>();
		languages.add(language());
		languages.addAll(this.title.languages());
		for (var dimension : this.dimensions) {
			languages.addAll(dimension.label().languages());
			for (var category : dimension.categories()) {
				languages.addAll(category.label().languages());
			}
		}
		return List.copyOf(languages);
	}

	public Cube withCells(Cells newCells) {
		return new Cube(this.id, this.title, this.source, this.unit, this.decimals, this.updated, this.dimensions,
				newCells, this.extension);
	}

}
