package be.obmi.stats.web;

import be.obmi.stats.domain.Indicator;
import be.obmi.stats.query.StatsSite;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A row of the comparison of the centrumsteden: a city with its rank (1 is the highest
 * value; none when its figure is not published) and whether it is the visitor's own city,
 * or Flanders as the reference.
 */
record ComparedCity(StatsSite.Comparison row, Integer rank, boolean own) {

	/**
	 * The cities from the highest value down (unpublished ones last, by name), then
	 * Flanders, but only for a ratio or a figure the source gives per area: a count of
	 * all of Flanders beside a city's count compares nothing.
	 */
	static List<ComparedCity> rank(List<StatsSite.Comparison> rows, Indicator indicator, String ownSlug) {
		Collator collator = Collator.getInstance(LocaleContextHolder.getLocale());
		List<StatsSite.Comparison> cities = rows.stream()
			.filter(r -> r.tenantSlug() != null)
			.sorted(Comparator
				.comparing((StatsSite.Comparison r) -> r.value().ok() ? r.value().value() : null,
						Comparator.nullsLast(Comparator.reverseOrder()))
				.thenComparing(r -> r.area().name(), collator))
			.toList();
		List<ComparedCity> ranked = new ArrayList<>();
		for (int i = 0; i < cities.size(); i++) {
			StatsSite.Comparison r = cities.get(i);
			Integer rank = !r.value().ok() ? null : i > 0 && r.value().value().equals(cities.get(i - 1).value().value())
					? ranked.get(i - 1).rank() : Integer.valueOf(i + 1);
			ranked.add(new ComparedCity(r, rank, r.tenantSlug().equals(ownSlug)));
		}
		if (!indicator.isSum()) {
			rows.stream()
				.filter(r -> r.tenantSlug() == null)
				.forEach(r -> ranked.add(new ComparedCity(r, null, false)));
		}
		return ranked;
	}

}
