package be.obmi.stats;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Areas;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * The names of a city's areas, for other modules (the demo plan names its actions after
 * real wijken).
 */
@Service
public class AreaNames {

	private final Areas areas;

	AreaNames(Areas areas) {
		this.areas = areas;
	}

	/**
	 * The names of a municipality's wijken, by code; empty when it has none or is
	 * unknown.
	 */
	public List<String> wijken(String nisCode) {
		if (nisCode == null) {
			return List.of();
		}
		return areas.find("gemeente", nisCode)
			.map(city -> areas.children(city.id())
				.stream()
				.filter(a -> "wijk".equals(a.level()))
				.map(Area::name)
				.toList())
			.orElse(List.of());
	}

	/**
	 * The name of an area of the shared reference ({@code gemeente},
	 * {@code deelgemeente}, {@code wijk}, {@code sector}, ...) by level and code; when
	 * {@code withinNisCode} is given, only an area inside that municipality. Empty for an
	 * unknown area or one outside it.
	 */
	public Optional<String> name(String level, String code, String withinNisCode) {
		if (level == null || code == null) {
			return Optional.empty();
		}
		Optional<Area> area = areas.find(level, code);
		if (withinNisCode == null) {
			return area.map(Area::name);
		}
		return area
			.filter(a -> areas.find("gemeente", withinNisCode).map(city -> areas.isWithin(a, city)).orElse(false))
			.map(Area::name);
	}

}
