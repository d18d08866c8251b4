package be.obmi.opendata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * Writes a cube as a plain CSV table (RFC 4180, UTF-8, comma, CRLF): per dimension a code
 * column {@code <id>} and a label column {@code <id>_label}, then {@code value} (empty
 * unless the cell is OK) and {@code status} (empty, or the JSON-stat status:
 * {@value JsonStatWriter#SUPPRESSED_STATUS} for suppressed, the missing symbol
 * otherwise). Text that a spreadsheet would run as a formula gets a leading apostrophe.
 * {@link CsvwMetadataWriter} describes these columns.
 */
public final class CsvTableWriter implements CubeWriter {

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
		var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
		var line = new StringBuilder();
		for (var name : CsvwMetadataWriter.columnNames(cube)) {
			line.append(line.isEmpty() ? "" : ",").append(CsvText.field(name, ','));
		}
		writer.write(line.append("\r\n").toString());
		// each category's two columns are the same on every row: rendered once per
		// category, not once per cell
		var dimensions = cube.dimensions();
		var rendered = new String[dimensions.size()][];
		for (int d = 0; d < dimensions.size(); d++) {
			var categories = dimensions.get(d).categories();
			rendered[d] = new String[categories.size()];
			for (int c = 0; c < categories.size(); c++) {
				var category = categories.get(c);
				rendered[d][c] = CsvText.field(CsvText.neutralised(category.code()), ',') + ','
						+ CsvText.field(CsvText.neutralised(category.label().in(lang, category.code())), ',') + ',';
			}
		}
		var positions = new CellPositions(dimensions);
		for (var cell : cube.cells()) {
			var position = positions.next();
			for (int d = 0; d < position.length; d++) {
				writer.write(rendered[d][position[d]]);
			}
			if (cell.isOk()) {
				writer.write(CellNumbers.plain(cell.value()));
				writer.write(",\r\n");
			}
			else {
				writer.write(',');
				writer.write(CsvText.field(CsvText.neutralised(JsonStatWriter.status(cell)), ','));
				writer.write("\r\n");
			}
		}
		writer.flush();
	}

}
