package be.obmi.stats;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Areas;

import java.util.List;

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

}
