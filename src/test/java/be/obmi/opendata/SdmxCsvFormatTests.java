package be.obmi.opendata;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import de.siegmar.fastcsv.reader.CsvReader;
import java.time.Instant;
import java.util.Map;

/**
 * SDMX-CSV 2.0 rules from the data message field guide (sdmx-twg/sdmx-csv,
 * docs/data_message_field_guide.md), checked on our output, plus reading with and without
 * labels.
 */
class SdmxCsvFormatTests {

	/** "in the form AGENCY:ARTEFACT_ID(VERSION)" */
	private static final Pattern ARTEFACT = Pattern
		.compile("[A-Za-z0-9_@$\\-.]+:[A-Za-z][A-Za-z0-9_@$\\-]*\\([0-9]+(\\.[0-9]+)*\\)");

	/** SDMX ids: letters, digits, _ @ $ -; starting with a letter. */
	private static final Pattern SDMX_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_@$\\-]*");

	static String csv(Cube cube, boolean labels) throws IOException {
		var out = new ByteArrayOutputStream();
		new SdmxCsvWriter(labels, null).write(cube, out);
		return out.toString(StandardCharsets.UTF_8);
	}

	/** RFC 4180 split of one record without embedded line breaks. */
	static List<String> fields(String line) {
		var reader = CsvReader.builder().ofCsvRecord(line);
		return reader.stream().findFirst().orElseThrow().getFields();
	}

	@Test
	void headerAndRowsFollowTheFieldGuide() throws IOException {
		var cube = SampleCubes.districts();
		var text = csv(cube, false);
		// RFC 4180: CRLF line ends, every record the same number of fields
		assertThat(text).contains("\r\n");
		var lines = List.of(text.split("\r\n"));
		var header = fields(lines.getFirst());
		// "The header field of the first column always contains the term STRUCTURE",
		// second STRUCTURE_ID, next ACTION
		assertThat(header.subList(0, 3)).containsExactly("STRUCTURE", "STRUCTURE_ID", "ACTION");
		// the separator is the character that follows the first column header term
		// STRUCTURE: a comma by default
		assertThat(text.charAt("STRUCTURE".length())).isEqualTo(',');
		// dimensions first, in the order of the structure, then the measure, then the
		// attributes
		assertThat(header.subList(3, header.size())).containsExactly("GEO", "INDICATOR", "JAAR", "OBS_VALUE",
				"OBS_STATUS", "OBS_CONF");
		assertThat(header.subList(3, header.size())).allMatch(id -> SDMX_ID.matcher(id).matches());
		assertThat(lines).hasSize(1 + 18);
		for (var line : lines.subList(1, lines.size())) {
			var row = fields(line);
			assertThat(row).hasSize(header.size());
			// first column: dataflow, datastructure or dataprovision
			assertThat(row.getFirst()).isIn("dataflow", "datastructure", "dataprovision");
			assertThat(row.get(1)).matches(ARTEFACT).isEqualTo("OBMI:DF_BEVOLKING_WIJK(1.0)");
			// one of the action types I, A, R, D
			assertThat(row.get(2)).isEqualTo("I");
			if (!row.get(6).isEmpty()) {
				assertThat(Double.parseDouble(row.get(6))).isFinite();
			}
			// OBS_STATUS and OBS_CONF from the SDMX cross-domain code lists CL_OBS_STATUS
			// and CL_CONF_STATUS
			assertThat(row.get(7)).isIn("A", "M");
			assertThat(row.get(8)).isIn("F", "C");
		}
		assertThat(fields(lines.get(1 + 13))).containsExactly("dataflow", "OBMI:DF_BEVOLKING_WIJK(1.0)", "I",
				"12025B10", "inw", "2023", "", "M", "C");
		assertThat(fields(lines.get(1 + 17))).containsExactly("dataflow", "OBMI:DF_BEVOLKING_WIJK(1.0)", "I",
				"12025B10", "p65", "2024", "", "M", "F");
		assertThat(text).doesNotContain("4050");
	}

	@Test
	void labelsModeUsesIdColonName() throws IOException {
		var text = csv(SampleCubes.districts(), true);
		var lines = List.of(text.split("\r\n"));
		var header = fields(lines.getFirst());
		assertThat(header.get(3)).isEqualTo("GEO: Wijk");
		var row = fields(lines.get(1));
		assertThat(row.get(1)).isEqualTo("OBMI:DF_BEVOLKING_WIJK(1.0): Bevolking per wijk");
		assertThat(row.get(3)).isEqualTo("12025: Mechelen");
		assertThat(row.get(4)).isEqualTo("inw: Inwoners");
	}

	@Test
	void textsThatASpreadsheetWouldRunAsFormulasAreNeutralised() throws IOException {
		var area = new Dimension("=geo", LocalizedText.of("=cmd|' /C calc'!A0", "x"), DimensionRole.GEO,
				List.of(new Category("=HYPERLINK(\"http://x\")", LocalizedText.of("@SUM(1)", "@SUM(1)")),
						new Category("-1+1", LocalizedText.of("+1", "+1"))));
		var cube = new Cube("tabel", LocalizedText.of("=titel", "=title"), LocalizedText.of("b", "b"),
				LocalizedText.of("u", "u"), 0, Instant.parse("2025-03-01T10:15:00Z"), List.of(area),
				Cells.of(List.of(Cell.ok(1), Cell.ok(-2))), Map.of());
		for (boolean labels : List.of(false, true)) {
			for (String line : csv(cube, labels).split("\r\n")) {
				for (String field : fields(line)) {
					assertThat(field.isEmpty() || "=+@\t\r".indexOf(field.charAt(0)) < 0
							|| (field.charAt(0) == '-' && field.matches("-[0-9.]+")))
						.as(field)
						.isTrue();
				}
			}
		}
		assertThat(csv(cube, false)).contains("'=HYPERLINK").contains(",-2,");
	}

	@Test
	void readsWhatItWritesWithAndWithoutLabels() throws IOException {
		var cube = SampleCubes.districts();
		for (var labels : List.of(false, true)) {
			var read = new SdmxCsvReader()
				.read(new ByteArrayInputStream(csv(cube, labels).getBytes(StandardCharsets.UTF_8)));
			assertThat(read.id()).isEqualTo("BEVOLKING_WIJK");
			assertThat(read.dimensions().stream().map(Dimension::size)).containsExactly(3, 2, 3);
			assertThat(read.dimensions().get(1).categories().get(1).code()).isEqualTo("p65");
			var cells = SampleCubes.cellList(read);
			assertThat(cells.get(0)).isEqualTo(Cell.ok(87000));
			assertThat(cells.get(13).status()).isEqualTo(CellStatus.SUPPRESSED);
			assertThat(cells.get(17).status()).isEqualTo(CellStatus.MISSING);
			if (labels) {
				assertThat(read.dimensions().getFirst().categories().get(1).label().in("nl")).isEqualTo("Binnenstad");
				assertThat(read.title().in("nl")).isEqualTo("Bevolking per wijk");
			}
		}
	}

	@Test
	void readsASemicolonSeparatedMessageFromAnotherAgencyAndDropsConfidentialValues() {
		var text = """
				STRUCTURE;STRUCTURE_ID;ACTION;FREQ;REF_AREA;TIME_PERIOD;OBS_VALUE;OBS_CONF;UNIT_MULT\r
				dataflow;ESTAT:NA_MAIN(1.6.0);I;A;BE;2020;1.5;F;0\r
				dataflow;ESTAT:NA_MAIN(1.6.0);I;A;BE;2021;99;C;0\r
				dataflow;ESTAT:NA_MAIN(1.6.0);I;A;NL;2020;"3,5";F;0\r
				""";
		assertThatThrownBy(
				() -> new SdmxCsvReader().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(OpenDataFormatException.class)
			.hasMessageContaining("Regel 4")
			.hasMessageContaining("OBS_VALUE");
		var ok = text.replace("\"3,5\"", "3.5");
		var cube = new SdmxCsvReader().read(new ByteArrayInputStream(ok.getBytes(StandardCharsets.UTF_8)));
		assertThat(cube.id()).isEqualTo("NA_MAIN");
		assertThat(cube.dimensions().stream().map(Dimension::role)).containsExactly(DimensionRole.OTHER,
				DimensionRole.GEO, DimensionRole.TIME);
		assertThat(SampleCubes.cellList(cube)).containsExactly(Cell.ok(1.5), Cell.suppressed(), Cell.ok(3.5),
				Cell.missing());
	}

}
