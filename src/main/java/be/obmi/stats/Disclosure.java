package be.obmi.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Disclosure control of counts. Primary: a value above 0 and below the threshold is suppressed (0 is shown).
 * Secondary: among the areas that share a parent (whose total is published), a single suppressed cell could be
 * recovered as parent total minus the published siblings, so the smallest other cell is suppressed as well.
 */
final class Disclosure {

	private Disclosure() {
	}

	/** A cell to check: its key, its parent's key (groups siblings), its value (null = missing). */
	record Input(long key, Long parent, Double value) {
	}

	/** The keys to suppress. */
	static Set<Long> suppressed(List<Input> cells, int threshold) {
		Set<Long> result = new HashSet<>();
		if (threshold <= 0) {
			return result;
		}
		Map<Long, List<Input>> groups = new LinkedHashMap<>();
		for (Input cell : cells) {
			if (cell.value() != null && cell.value() > 0 && cell.value() < threshold) {
				result.add(cell.key());
			}
			groups.computeIfAbsent(cell.parent() == null ? -1L : cell.parent(), k -> new ArrayList<>()).add(cell);
		}
		for (List<Input> siblings : groups.values()) {
			long hidden = siblings.stream().filter(c -> result.contains(c.key())).count();
			if (hidden != 1 || siblings.size() < 2) {
				continue;
			}
			siblings.stream()
				.filter(c -> !result.contains(c.key()) && c.value() != null)
				.min(Comparator.comparingDouble(Input::value))
				.ifPresent(c -> result.add(c.key()));
		}
		return result;
	}

}
