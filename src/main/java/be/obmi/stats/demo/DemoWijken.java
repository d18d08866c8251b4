package be.obmi.stats.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import be.obmi.stats.domain.Area;

/**
 * Which statistical sectors make up each wijk of a city in the demo data. The reference
 * has no sector→wijk mapping (the wijken come from the provinces' ggw7 layer, the sectors
 * from Statbel's list, and there are no sector polygons to intersect), so this is a demo
 * device: a deterministic partition, every sector of the city in exactly one of its
 * wijken, that looks plausible. The sectors of a deelgemeente whose name a wijk carries
 * (Hombeek, Sint-Amandsberg, Deurne - Noord; or the other way round: Lillo) go to the
 * wijken that carry it; the other sectors (the city's own deelgemeente, the unlocatable
 * ones) are spread over the wijken left without sectors, in code order, in runs of
 * neighbouring sector codes. A wijk still empty then takes the last sector of the wijk
 * with the most.
 */
final class DemoWijken {

	private DemoWijken() {
	}

	/**
	 * The sectors of each wijk, in the wijken's code order.
	 * @param city the gemeente
	 * @param wijken its wijken
	 * @param sectors its statistical sectors
	 * @param deelgemeente the deelgemeente of a sector
	 */
	static Map<Area, List<Area>> assign(Area city, List<Area> wijken, List<Area> sectors,
			Function<Area, Area> deelgemeente) {
		List<Area> targets = wijken.stream().sorted(Comparator.comparing(Area::code)).toList();
		Map<Area, List<Area>> members = new LinkedHashMap<>();
		targets.forEach(w -> members.put(w, new ArrayList<>()));
		if (targets.isEmpty()) {
			return members;
		}
		Map<Area, List<Area>> byDeelgemeente = new LinkedHashMap<>();
		sectors.stream()
			.sorted(Comparator.comparing(Area::code))
			.forEach(s -> byDeelgemeente.computeIfAbsent(deelgemeente.apply(s), d -> new ArrayList<>()).add(s));
		List<Area> rest = new ArrayList<>();
		byDeelgemeente.forEach((d, inside) -> {
			List<Area> named = d == null || words(d.name()).equals(words(city.name())) ? List.of()
					: targets.stream().filter(w -> carries(w, d)).toList();
			if (named.isEmpty()) {
				rest.addAll(inside);
			}
			else {
				spread(inside, named, members);
			}
		});
		List<Area> empty = targets.stream().filter(w -> members.get(w).isEmpty()).toList();
		spread(rest, empty.isEmpty() ? targets : empty, members);
		for (Area wijk : targets) {
			if (members.get(wijk).isEmpty()) {
				List<Area> largest = members.values().stream().max(Comparator.comparingInt(List::size)).orElseThrow();
				if (largest.size() > 1) {
					members.get(wijk).add(largest.removeLast());
				}
			}
		}
		return members;
	}

	/**
	 * Whether a wijk's name holds the deelgemeente's (Oud - Berchem: Berchem), or the
	 * other way round (Lillo: Berendrecht-Zandvliet-Lillo).
	 */
	private static boolean carries(Area wijk, Area deelgemeente) {
		String w = words(wijk.name());
		String d = words(deelgemeente.name());
		return w.contains(d) || d.contains(w);
	}

	/** Sectors in order over wijken in order, in runs of about equal length. */
	private static void spread(List<Area> sectors, List<Area> wijken, Map<Area, List<Area>> members) {
		for (int i = 0; i < sectors.size(); i++) {
			members.get(wijken.get((int) ((long) i * wijken.size() / sectors.size()))).add(sectors.get(i));
		}
	}

	/**
	 * A name as its words between spaces, lower case, without the city in brackets that
	 * the wijk names end with: {@code "Sint-Denijs-Westrem - Afsnee (Gent)"} becomes
	 * {@code " sint denijs westrem afsnee "}.
	 */
	private static String words(String name) {
		String bare = name.replaceAll("\\s*\\([^)]*\\)\\s*$", "");
		return " " + bare.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " ";
	}

}
