package be.obmi.stats.web;

import be.obmi.stats.domain.Area;
import be.obmi.stats.query.StatsQueries;

import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * An area's figure in two periods and the difference (second minus first, of the
 * unrounded values); no difference when either figure is not published.
 */
record PeriodChange(Area area, StatsQueries.Cell first, StatsQueries.Cell second, Double difference) {

	/**
	 * The areas of both lists (matched by code), those with a second figure from the
	 * highest down, then the others by name.
	 */
	static List<PeriodChange> compare(List<StatsQueries.Cell> first, List<StatsQueries.Cell> second) {
		Map<String, StatsQueries.Cell> before = new LinkedHashMap<>();
		first.forEach(c -> before.put(c.area().code(), c));
		Collator collator = Collator.getInstance(LocaleContextHolder.getLocale());
		return second.stream()
			.filter(c -> before.containsKey(c.area().code()))
			.map(c -> of(before.get(c.area().code()), c))
			.sorted(Comparator
				.comparing((PeriodChange p) -> shown(p.second()) ? p.second().value() : null,
						Comparator.nullsLast(Comparator.reverseOrder()))
				.thenComparing(p -> p.area().name(), collator))
			.toList();
	}

	private static PeriodChange of(StatsQueries.Cell first, StatsQueries.Cell second) {
		Double difference = shown(first) && shown(second) ? second.value() - first.value() : null;
		return new PeriodChange(second.area(), first, second, difference);
	}

	private static boolean shown(StatsQueries.Cell cell) {
		return "ok".equals(cell.status()) && cell.value() != null;
	}

}
