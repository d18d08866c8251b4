package be.obmi.knowledge.housing;

import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import be.obmi.shared.tabular.SpreadsheetText;
import be.obmi.tenancy.Tenant;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the matrix now or of a closed round, the diff between two of them, and the
 * matrix's CSV download (docs/formats/housing-instruments.md).
 */
@Service
public class HousingMatrices {

	static final List<String> CSV_COLUMNS = List.of("hoofdstuk", "code", "instrument", "stad", "nis", "aanwezig",
			"reglement", "toelichting", "sinds");

	private final HousingCatalogue catalogue;

	private final CityInstruments instruments;

	private final HousingRounds rounds;

	HousingMatrices(HousingCatalogue catalogue, CityInstruments instruments, HousingRounds rounds) {
		this.catalogue = catalogue;
		this.instruments = instruments;
		this.rounds = rounds;
	}

	/** The matrix now: every city, every listed instrument. */
	@Transactional(readOnly = true)
	public HousingMatrix current() {
		return new HousingMatrix(null, instruments.cities(), catalogue.instruments(), instruments.current(),
				instruments.anyDemo());
	}

	/**
	 * The matrix as the round froze it (the cities it asked); the current one for an open
	 * round.
	 */
	@Transactional(readOnly = true)
	public HousingMatrix of(HousingRound round) {
		if (round.open()) {
			return current();
		}
		List<Long> asked = rounds.cityIds(round);
		List<Tenant> cities = instruments.cities().stream().filter(c -> asked.contains(c.id())).toList();
		var snapshot = rounds.snapshot(round);
		List<HousingInstrument> used = catalogue.everyInstrument()
			.values()
			.stream()
			.filter(i -> catalogue.instruments().contains(i)
					|| snapshot.values().stream().anyMatch(m -> m.containsKey(i.code())))
			.toList();
		return new HousingMatrix(round, cities, used, snapshot, round.demo());
	}

	/**
	 * The matrix as a {@code ;} CSV in UTF-8 with BOM, one row per instrument and city.
	 */
	public byte[] csv(HousingMatrix matrix) {
		StringWriter out = new StringWriter();
		out.write('\uFEFF');
		try (CsvWriter csv = CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.CRLF).build(out)) {
			csv.writeRecord(CSV_COLUMNS);
			for (HousingInstrument instrument : matrix.instruments()) {
				for (Tenant city : matrix.cities()) {
					InstrumentState state = matrix.cell(city, instrument);
					csv.writeRecord(List
						.of(instrument.chapterLabel(Locale.ROOT), instrument.code(), instrument.labelNl(), city.name(),
								city.nisCode() == null ? "" : city.nisCode(),
								state == null ? "" : state.present() ? "ja" : "nee",
								text(state == null ? null : state.regulationUrl()),
								text(state == null ? null : state.note()),
								state == null || state.since() == null ? "" : state.since().toString())
						.stream()
						.map(SpreadsheetText::neutralised)
						.toList());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

}
