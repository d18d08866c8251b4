package be.obmi.buildings.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import be.obmi.buildings.domain.FicheContent;
import be.obmi.buildings.domain.FicheVocabulary;
import be.obmi.shared.tabular.SpreadsheetText;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/**
 * The data-element mappings of a fiche as CSV (UTF-8 with BOM, {@code ;}, formulas
 * neutralised): one row per element with its class, term, whether the term is OSLO or a
 * local extension, range and cardinality. Columns in docs/formats/schillenboek-fiche.md.
 */
public final class FicheCsv {

	static final List<String> HEADER = List.of("fiche", "element", "label", "richting", "klasse", "term", "soort_term",
			"bereik", "verplicht", "meervoudig", "opmerking");

	private FicheCsv() {
	}

	public static byte[] elements(FicheContent content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				CsvWriter csv = CsvWriter.builder()
					.fieldSeparator(';')
					.lineDelimiter(LineDelimiter.CRLF)
					.build(writer)) {
			csv.writeRecord(HEADER);
			for (FicheContent.DataElement e : content.elements()) {
				csv.writeRecord(List
					.of(content.code(), e.key(), e.label(),
							e.direction() == FicheContent.Direction.INPUT ? "invoer" : "uitvoer", e.classIri(),
							e.termIri(),
							e.localExtension() ? "lokale-uitbreiding"
									: FicheVocabulary.oslo(e.termIri()) ? "oslo" : "andere",
							e.range(), e.required() ? "ja" : "nee", e.repeated() ? "ja" : "nee",
							e.note() == null ? "" : e.note())
					.stream()
					.map(SpreadsheetText::neutralised)
					.toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
