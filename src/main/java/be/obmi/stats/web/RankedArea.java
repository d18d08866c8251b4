package be.obmi.stats.web;

import be.obmi.stats.query.StatsQueries;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * An area's figure with its rank among the areas of its level: 1 is the highest value;
 * equal values share a rank and the next rank skips ("1, 2, 2, 4"). Suppressed and
 * missing figures have no rank.
 *
 * @param rank null when the figure is not published
 */
record RankedArea(StatsQueries.Cell cell, Integer rank) {

	/**
	 * The cells ranked: those with a value from the highest down, then the others by
	 * name. Never returns null.
	 */
	static List<RankedArea> rank(List<StatsQueries.Cell> cells) {
		Collator collator = Collator.getInstance(LocaleContextHolder.getLocale());
		List<StatsQueries.Cell> ok = cells.stream()
			.filter(c -> "ok".equals(c.status()) && c.value() != null)
			.sorted(Comparator.comparing(StatsQueries.Cell::value, Comparator.reverseOrder())
				.thenComparing(c -> c.area().name(), collator))
			.toList();
		List<RankedArea> ranked = new ArrayList<>();
		for (int i = 0; i < ok.size(); i++) {
			boolean tied = i > 0 && ok.get(i).value().equals(ok.get(i - 1).value());
			ranked.add(new RankedArea(ok.get(i), tied ? ranked.get(i - 1).rank() : i + 1));
		}
		cells.stream()
			.filter(c -> !ok.contains(c))
			.sorted(Comparator.comparing(c -> c.area().name(), collator))
			.forEach(c -> ranked.add(new RankedArea(c, null)));
		return ranked;
	}

}
