package be.obmi.opendata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
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
		writer.write(line.toString());
		// every text that a spreadsheet could take for a formula gets a leading ' (codes
		// and labels come from imports)
		var structure = this.labels
				? CsvText.field(CsvText.neutralised(structureId(cube) + ": " + cube.title().in(lang, cube.id())), ',')
				: structureId(cube);
		var positions = new CellPositions(cube.dimensions());
		for (var cell : cube.cells()) {
			var position = positions.next();
			line.setLength(0);
			line.append("dataflow,").append(structure).append(",I");
			for (int d = 0; d < position.length; d++) {
				var category = cube.dimensions().get(d).categories().get(position[d]);
				var text = this.labels ? category.code() + ": " + category.label().in(lang, category.code())
						: category.code();
				line.append(',').append(CsvText.field(CsvText.neutralised(text), ','));
			}
			switch (cell.status()) {
				case OK -> line.append(',').append(CellNumbers.plain(cell.value())).append(",A,F");
				case MISSING -> line.append(",,M,F");
				case SUPPRESSED -> line.append(",,M,C");
			}
			line.append("\r\n");
			writer.write(line.toString());
		}
		writer.flush();
	}

}
