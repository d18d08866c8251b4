package be.obmi.opendata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact bytes every writer writes for cubes with awkward texts and numbers (formulas,
 * separators, quotes, line breaks and non-ASCII in codes and labels; negative, zero,
 * fractional and very large values; every status), compared with files written before the
 * writers were made faster (src/test/resources/opendata/written/): a faster writer must
 * not change one byte. {@code -Dopendata.written.record=<directory>} writes the files
 * instead.
 */
class WrittenBytesTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

	@Test
	void everyWriterWritesTheSameBytesAsBefore() throws IOException {
		String record = System.getProperty("opendata.written.record");
		for (var cube : cubes().entrySet()) {
			for (var writer : writers().entrySet()) {
				var out = new ByteArrayOutputStream();
				writer.getValue().write(cube.getValue(), out);
				String name = cube.getKey() + "." + writer.getKey();
				if (record != null) {
					Files.createDirectories(Path.of(record));
					Files.write(Path.of(record, name), out.toByteArray());
					continue;
				}
				try (InputStream expected = getClass().getResourceAsStream("/opendata/written/" + name)) {
					assertThat(expected).as(name).isNotNull();
					assertThat(out.toByteArray()).as(name).isEqualTo(expected.readAllBytes());
				}
			}
		}
	}

	private static Map<String, CubeWriter> writers() {
		Map<String, CubeWriter> writers = new LinkedHashMap<>();
		writers.put("csv", new CsvTableWriter());
		writers.put("en.csv", new CsvTableWriter("en"));
		writers.put("sdmx.csv", new SdmxCsvWriter());
		writers.put("sdmx-labels.csv", new SdmxCsvWriter(true, null));
		writers.put("sdmx-labels.en.csv", new SdmxCsvWriter(true, "en"));
		writers.put("json", new JsonStatWriter());
		writers.put("en.json", new JsonStatWriter("en"));
		writers.put("px", new PxWriter(CLOCK));
		return writers;
	}

	private static Map<String, Cube> cubes() {
		Map<String, Cube> cubes = new LinkedHashMap<>();
		cubes.put("districts", SampleCubes.districts());
		cubes.put("awkward", awkward());
		cubes.put("line", line());
		cubes.put("generated", SampleCubes.generated(7, 3, 5));
		return cubes;
	}

	/** Four dimensions, one of a single category, with every kind of text and value. */
	private static Cube awkward() {
		var area = new Dimension("=geo", LocalizedText.of("=cmd|' /C calc'!A0", "Gebied, \"area\""), DimensionRole.GEO,
				List.of(new Category("=HYPERLINK(\"http://x\")", LocalizedText.of("@SUM(1)", "@SUM(1)")),
						new Category("-1+1", LocalizedText.of("+1", "plus één")),
						new Category("A,B", LocalizedText.of("Sint-Niklaas; \"Waas\"\nland", "Saint-Nicolas")),
						new Category("Ü", LocalizedText.of("Zürich – 𝔘", "\tTab"))));
		var metric = new Dimension("indicator", LocalizedText.of("Indicator", "Indicator"), DimensionRole.METRIC,
				List.of(new Category("inw", LocalizedText.of("Inwoners", "Inhabitants"), null,
						new CategoryUnit(LocalizedText.of("personen", "persons"), 0))));
		var sex = new Dimension("geslacht", LocalizedText.of("Geslacht", "Sex"), DimensionRole.OTHER,
				List.of(new Category("M", LocalizedText.of("Man", "Male")),
						new Category("V", LocalizedText.of("Vrouw", "Female"))));
		var year = new Dimension("jaar", LocalizedText.of("Jaar", "Year"), DimensionRole.TIME,
				List.of(new Category("2023", LocalizedText.of("2023", "2023")),
						new Category("2024", LocalizedText.of("2024", "2024")),
						new Category("2025-Q1", LocalizedText.of("2025 K1", "2025 Q1"))));
		double[] values = { 0, -0.0, -3, 1.5, 1e15, 123456789012345.0, 0.1 + 0.2, 1e-7, -2.25, -999999999999999.0, 1e22,
				42, 7, 2500, 0.5, 99.95, -1e15, 3.0e-3, 1234567.125, 10 };
		var cells = new ArrayList<Cell>();
		for (int i = 0; i < 4 * 2 * 3; i++) {
			cells.add(switch (i % 8) {
				case 3 -> Cell.suppressed();
				case 5 -> Cell.missing();
				case 6 -> Cell.missing(i % 16 == 6 ? "-" : "x,\"y\"");
				case 7 -> i == 7 ? Cell.missing("=1") : Cell.missing("..");
				default -> Cell.ok(values[i % values.length]);
			});
		}
		return new Cube("awkward-tabel", LocalizedText.of("=Titel, \"met\" komma", "Title"),
				LocalizedText.of("Bron é", "Source"), LocalizedText.of("personen", "persons"), 2,
				Instant.parse("2025-03-01T10:15:30.123Z"), List.of(area, metric, sex, year), Cells.of(cells),
				Map.of("niveau", "gemeente", "uitsplitsing", "geslacht=M"));
	}

	/** One dimension only. */
	private static Cube line() {
		var year = new Dimension("jaar", LocalizedText.of("Jaar", "Year"), DimensionRole.TIME,
				List.of(new Category("2023", LocalizedText.of("2023", "2023")),
						new Category("2024", LocalizedText.of("2024", "2024")),
						new Category("2025", LocalizedText.of("2025", "2025"))));
		return new Cube("lijn", LocalizedText.of("Lijn", "Line"), null, null, 0, null, List.of(year),
				Cells.of(List.of(Cell.ok(5), Cell.suppressed(), Cell.ok(-17.5))), Map.of());
	}

}
