package be.obmi.opendata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;

/** Cubes for the tests: a realistic small city table, and a generated large one. */
final class SampleCubes {

	private SampleCubes() {
	}

	/**
	 * Inhabitants and share of over-65s per district, 2022–2024, with a suppressed and a
	 * missing cell.
	 */
	static Cube districts() {
		var area = new Dimension("geo", LocalizedText.of("Wijk", "District"), DimensionRole.GEO,
				List.of(new Category("12025", LocalizedText.of("Mechelen", "Mechelen")),
						new Category("12025A00", LocalizedText.of("Binnenstad", "City centre"), "12025", null),
						new Category("12025B10", LocalizedText.of("=Nekkerspoel", "=Nekkerspoel"), "12025", null)));
		var metric = new Dimension("indicator", LocalizedText.of("Indicator", "Indicator"), DimensionRole.METRIC,
				List.of(new Category("inw", LocalizedText.of("Inwoners", "Inhabitants"), null,
						new CategoryUnit(LocalizedText.of("personen", "persons"), 0)),
						new Category("p65", LocalizedText.of("Aandeel 65-plussers", "Share aged 65+"), null,
								new CategoryUnit(LocalizedText.of("%", "%"), 1))));
		var year = new Dimension("jaar", LocalizedText.of("Jaar", "Year"), DimensionRole.TIME,
				List.of(new Category("2022", LocalizedText.of("2022", "2022")),
						new Category("2023", LocalizedText.of("2023", "2023")),
						new Category("2024", LocalizedText.of("2024", "2024"))));
		var cells = new ArrayList<Cell>();
		double[] values = { 87000, 87500, 88100, 18.5, 18.7, 18.9, 21000, 21100, 21300, 17.2, 17.4, 17.5, 4000, 4050,
				4100, 20.1, 20.3, 20.4 };
		for (int i = 0; i < values.length; i++) {
			cells.add(Cell.ok(values[i]));
		}
		cells.set(13, Cell.suppressed());
		cells.set(17, Cell.missing(".."));
		return new Cube("bevolking_wijk", LocalizedText.of("Bevolking per wijk", "Population by district"),
				LocalizedText.of("Stad Mechelen", "City of Mechelen"),
				LocalizedText.of("zie indicator", "see indicator"), 1, Instant.parse("2025-03-01T10:15:00Z"),
				List.of(area, metric, year), Cells.of(cells), Map.of());
	}

	/**
	 * A value that differs per cell but is never stored: the suppressed value that must
	 * never leak.
	 */
	static final double SECRET = 13.0;

	/**
	 * About {@code count} cells computed on demand; every 1000th cell suppressed, every
	 * 777th missing.
	 */
	static Cube generated(int areas, int indicators, int years) {
		var area = new Dimension("geo", LocalizedText.of("Sector", "Sector"), DimensionRole.GEO,
				categories("S", areas));
		var metric = new Dimension("indicator", LocalizedText.of("Indicator", "Indicator"), DimensionRole.METRIC,
				categories("I", indicators));
		var year = new Dimension("jaar", LocalizedText.of("Jaar", "Year"), DimensionRole.TIME, categories("Y", years));
		long count = (long) areas * indicators * years;
		return new Cube("groot", LocalizedText.of("Groot", "Large"), LocalizedText.of("OBMi", "OBMi"),
				LocalizedText.empty(), 0, null, List.of(area, metric, year),
				Cells.generated(count,
						i -> i % 1000 == 0 ? Cell.suppressed() : i % 777 == 0 ? Cell.missing() : Cell.ok(i % 10_000)),
				Map.of());
	}

	private static List<Category> categories(String prefix, int count) {
		var list = new ArrayList<Category>(count);
		for (int i = 0; i < count; i++) {
			list.add(new Category(prefix + i, LocalizedText.of(prefix + " " + i, prefix + " " + i)));
		}
		return list;
	}

	/**
	 * Asserts two cubes are the same: metadata, dimensions, categories (with labels per
	 * language) and every cell.
	 */
	static void assertSameCube(Cube expected, Cube actual) {
		Assertions.assertThat(actual.id()).isEqualTo(expected.id());
		Assertions.assertThat(actual.title()).isEqualTo(expected.title());
		Assertions.assertThat(actual.source()).isEqualTo(expected.source());
		Assertions.assertThat(actual.unit()).isEqualTo(expected.unit());
		Assertions.assertThat(actual.decimals()).isEqualTo(expected.decimals());
		Assertions.assertThat(actual.updated()).isEqualTo(expected.updated());
		Assertions.assertThat(actual.dimensions()).isEqualTo(expected.dimensions());
		Assertions.assertThat(actual.extension()).isEqualTo(expected.extension());
		Assertions.assertThat(cellList(actual)).isEqualTo(cellList(expected));
	}

	static List<Cell> cellList(Cube cube) {
		var list = new ArrayList<Cell>();
		cube.cells().forEach(list::add);
		return list;
	}

}
