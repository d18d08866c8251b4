package be.obmi.stats.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.obmi.shared.tabular.Table;
import be.obmi.shared.tabular.TableReader;
import be.obmi.stats.domain.Area;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's sector→wijk partition on the real reference areas of the 13 centrumsteden:
 * every sector of the city in exactly one of its wijken, no wijk without sectors, the
 * same on every call.
 */
class DemoWijkenTests {

	static final Reference REFERENCE = Reference.read();

	@ParameterizedTest
	@ValueSource(strings = { "41002", "11002", "31005", "71016", "44021", "71022", "34022", "24062", "12025", "35013",
			"36015", "46021", "13040" })
	void everySectorIsInExactlyOneWijkOfItsCity(String nisCode) {
		Area city = REFERENCE.area("gemeente", nisCode);
		List<Area> sectors = REFERENCE.below(city, "statsec");
		List<Area> wijken = REFERENCE.below(city, "wijk");
		assertThat(sectors).hasSizeGreaterThan(wijken.size());
		Map<Area, List<Area>> members = DemoWijken.assign(city, wijken, sectors, REFERENCE::parent);
		assertThat(members.keySet()).containsExactlyInAnyOrderElementsOf(wijken);
		List<Area> assigned = members.values().stream().flatMap(List::stream).toList();
		assertThat(assigned).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sectors);
		members.forEach((wijk, inside) -> assertThat(inside).as(wijk.name()).isNotEmpty());
		assertThat(DemoWijken.assign(city, wijken.reversed(), sectors.reversed(), REFERENCE::parent))
			.isEqualTo(members);
	}

	@Test
	void aDeelgemeenteGoesToTheWijkNamedAfterIt() {
		Area mechelen = REFERENCE.area("gemeente", "12025");
		Map<Area, List<Area>> members = DemoWijken.assign(mechelen, REFERENCE.below(mechelen, "wijk"),
				REFERENCE.below(mechelen, "statsec"), REFERENCE::parent);
		Area hombeek = REFERENCE.area("wijk", "1202506");
		assertThat(hombeek.name()).isEqualTo("Hombeek (Mechelen)");
		assertThat(members.get(hombeek)).isNotEmpty()
			.allSatisfy(s -> assertThat(REFERENCE.parent(s).name()).isEqualTo("Hombeek"));
	}

	/** The areas of {@code reference/stats/areas.csv}, with made-up ids. */
	record Reference(Map<String, Area> byKey, Map<Long, Area> byId) {

		static Reference read() {
			Map<String, Area> byKey = new HashMap<>();
			Map<Long, Area> byId = new HashMap<>();
			List<String[]> parents = new ArrayList<>();
			long id = 0;
			for (Table.Row row : TableReader.reference("reference/stats/areas.csv").rows()) {
				parents.add(new String[] { row.cell(0) + ":" + row.cell(1), row.cell(3) + ":" + row.cell(4) });
				byKey.put(row.cell(0) + ":" + row.cell(1),
						new Area(++id, row.cell(0), row.cell(1), row.cell(2), null, true));
			}
			for (String[] link : parents) {
				Area area = byKey.get(link[0]);
				Area parent = byKey.get(link[1]);
				Area linked = new Area(area.id(), area.level(), area.code(), area.name(),
						parent == null ? null : parent.id(), true);
				byKey.put(link[0], linked);
				byId.put(linked.id(), linked);
			}
			return new Reference(byKey, byId);
		}

		Area area(String level, String code) {
			return byKey.get(level + ":" + code);
		}

		Area parent(Area area) {
			return area.parentId() == null ? null : byId.get(area.parentId());
		}

		List<Area> below(Area ancestor, String level) {
			List<Area> result = new ArrayList<>();
			for (Area area : byId.values()) {
				Set<Long> seen = new HashSet<>();
				for (Area a = area; a != null && seen.add(a.id()); a = parent(a)) {
					if (a.id() == ancestor.id() && area.level().equals(level)) {
						result.add(area);
					}
				}
			}
			return result;
		}

	}

}
