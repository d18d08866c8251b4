package be.obmi.opendata;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Writes a cube as an SDMX-CSV 2.0 data message (sdmx-twg/sdmx-csv, data message field
 * guide): header {@code STRUCTURE,STRUCTURE_ID,ACTION}, one column per dimension in cube
 * order, then the measure {@code OBS_VALUE} and the attributes {@code OBS_STATUS} and
 * {@code OBS_CONF}; comma separator, CRLF line ends (RFC 4180), UTF-8. Each row is
 * {@code dataflow}, {@code AGENCY:DF_<ID>(1.0)}, action {@code I}. Non-OK cells have an
 * empty {@code OBS_VALUE}; their status follows the SDMX cross-domain code lists:
 * {@code OBS_STATUS} {@code A} (normal) or {@code M} (missing), and {@code OBS_CONF}
 * {@code F} (free) or {@code C} (confidential) for suppressed cells. With labels, headers
 * read {@code ID: Name} and codes {@code CODE: Label} (option {@code labels=both}).
 */
public final class SdmxCsvWriter implements CubeWriter {

	public static final String AGENCY = "OBMI";

	private static final byte[] COMMA = { ',' };

	private static final byte[] OK_END = Utf8Output.encoded(",A,F\r\n");

	private static final byte[] MISSING_END = Utf8Output.encoded(",,M,F\r\n");

	private static final byte[] SUPPRESSED_END = Utf8Output.encoded(",,M,C\r\n");

	private final boolean labels;

	private final String language;

	/** Codes only. */
	public SdmxCsvWriter() {
		this(false, null);
	}

	/**
	 * @param labels whether to add names ({@code labels=both}); @param language their
	 * language, null for the main one
	 */
	public SdmxCsvWriter(boolean labels, String language) {
		this.labels = labels;
		this.language = language;
	}

	/** The dataflow reference written in {@code STRUCTURE_ID}. */
	public static String structureId(Cube cube) {
		return AGENCY + ":DF_" + sdmxId(cube.id()) + "(1.0)";
	}

	static String sdmxId(String id) {
		var clean = id.replaceAll("[^A-Za-z0-9_]", "_").toUpperCase(Locale.ROOT);
		return Character.isLetter(clean.charAt(0)) ? clean : "X" + clean;
	}

	@Override
	public String mediaType() {
		return "application/vnd.sdmx.data+csv; version=2.0.0";
	}

	@Override
	public String fileExtension() {
		return "csv";
	}

	@Override
	public void write(Cube cube, OutputStream out) throws IOException {
		var lang = this.language == null ? cube.language() : this.language;
		var output = new Utf8Output(out);
		var line = new StringBuilder("STRUCTURE,STRUCTURE_ID,ACTION");
		var dimensionIds = cube.dimensions().stream().map(d -> sdmxId(d.id())).toList();
		for (int d = 0; d < cube.dimensions().size(); d++) {
			var dimension = cube.dimensions().get(d);
			line.append(',')
				.append(CsvText.field(CsvText
					.neutralised(this.labels ? dimensionIds.get(d) + ": " + dimension.label().in(lang, dimension.id())
							: dimensionIds.get(d)),
						','));
		}
		line.append(",OBS_VALUE,OBS_STATUS,OBS_CONF\r\n");
		output.write(line.toString());
		// every text that a spreadsheet could take for a formula gets a leading ' (codes
		// and labels come from imports)
		var structure = this.labels
				? CsvText.field(CsvText.neutralised(structureId(cube) + ": " + cube.title().in(lang, cube.id())), ',')
				: structureId(cube);
		// each category's column is the same on every row: encoded once per category, not
		// once per cell
		var rendered = new byte[cube.dimensions().size()][][];
		for (int d = 0; d < rendered.length; d++) {
			var categories = cube.dimensions().get(d).categories();
			rendered[d] = new byte[categories.size()][];
			for (int c = 0; c < categories.size(); c++) {
				var category = categories.get(c);
				var text = this.labels ? category.code() + ": " + category.label().in(lang, category.code())
						: category.code();
				rendered[d][c] = Utf8Output.encoded("," + CsvText.field(CsvText.neutralised(text), ','));
			}
		}
		var rows = new RowHeads(rendered, Utf8Output.encoded("dataflow," + structure + ",I"));
		for (var cell : cube.cells()) {
			output.write(rows.next());
			output.write(rows.lastColumns());
			switch (cell.status()) {
				case OK -> {
					output.write(COMMA);
					output.number(cell.value());
					output.write(OK_END);
				}
				case MISSING -> output.write(MISSING_END);
				case SUPPRESSED -> output.write(SUPPRESSED_END);
			}
		}
		output.flush();
	}

}
