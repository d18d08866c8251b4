package be.obmi.opendata;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;

/**
 * Writes a cube as a plain CSV table (RFC 4180, UTF-8, comma, CRLF): per dimension a code
 * column {@code <id>} and a label column {@code <id>_label}, then {@code value} (empty
 * unless the cell is OK) and {@code status} (empty, or the JSON-stat status:
 * {@value JsonStatWriter#SUPPRESSED_STATUS} for suppressed, the missing symbol
 * otherwise). Text that a spreadsheet would run as a formula gets a leading apostrophe.
 * {@link CsvwMetadataWriter} describes these columns.
 */
public final class CsvTableWriter implements CubeWriter {

	private static final byte[] OK_END = { ',', '\r', '\n' };

	/** The statuses (missing symbols) whose encoded columns are kept. */
	private static final int MAX_KEPT_STATUSES = 64;

	private final String language;

	public CsvTableWriter() {
		this(null);
	}

	public CsvTableWriter(String language) {
		this.language = language;
	}

	@Override
	public String mediaType() {
		return "text/csv";
	}

	@Override
	public String fileExtension() {
		return "csv";
	}

	@Override
	public void write(Cube cube, OutputStream out) throws IOException {
		var lang = this.language == null ? cube.language() : this.language;
		var output = new Utf8Output(out);
		var line = new StringBuilder();
		for (var name : CsvwMetadataWriter.columnNames(cube)) {
			line.append(line.isEmpty() ? "" : ",").append(CsvText.field(name, ','));
		}
		output.write(line.append("\r\n").toString());
		// each category's two columns are the same on every row: encoded once per
		// category, not once per cell; the columns of all dimensions but the last once
		// per row of the last
		var dimensions = cube.dimensions();
		var rendered = new byte[dimensions.size()][][];
		for (int d = 0; d < dimensions.size(); d++) {
			var categories = dimensions.get(d).categories();
			rendered[d] = new byte[categories.size()][];
			for (int c = 0; c < categories.size(); c++) {
				var category = categories.get(c);
				rendered[d][c] = Utf8Output.encoded(CsvText.field(CsvText.neutralised(category.code()), ',') + ','
						+ CsvText.field(CsvText.neutralised(category.label().in(lang, category.code())), ',') + ',');
			}
		}
		var rows = new RowHeads(rendered, new byte[0]);
		var statuses = new HashMap<String, byte[]>();
		for (var cell : cube.cells()) {
			output.write(rows.next());
			output.write(rows.lastColumns());
			if (cell.isOk()) {
				output.number(cell.value());
				output.write(OK_END);
			}
			else {
				var status = JsonStatWriter.status(cell);
				var end = statuses.get(status);
				if (end == null) {
					end = Utf8Output.encoded("," + CsvText.field(CsvText.neutralised(status), ',') + "\r\n");
					if (statuses.size() < MAX_KEPT_STATUSES) {
						statuses.put(status, end);
					}
				}
				output.write(end);
			}
		}
		output.flush();
	}

}
