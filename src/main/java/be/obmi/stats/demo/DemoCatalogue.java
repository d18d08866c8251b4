package be.obmi.stats.demo;

import java.util.ArrayList;
import java.util.List;

import be.obmi.stats.domain.Catalogue;

/**
 * The demo indicators as a catalogue file in the documented import format
 * ({@code docs/formats/stats-catalogue.md}): published, and marked {@code demo} so the
 * site labels them. Counts add up ({@code sum}); shares, densities and averages are
 * ratios the platform derives as factor × Σnumerator / Σdenominator.
 */
final class DemoCatalogue {

	static final String SOURCE = "OBMi-demogegevens (fictief, afgeleid van het inwonersaantal 2020)";

	/** One demo indicator; numerator and denominator null unless a ratio. */
	record Entry(String code, String name, String theme, String unit, String aggregation, String numerator,
			String denominator, int factor, int decimals, int threshold, String definition) {

		static Entry count(String code, String name, String theme, String unit, int decimals, int threshold,
				String definition) {
			return new Entry(code, name, theme, unit, "sum", null, null, 1, decimals, threshold, definition);
		}

		static Entry ratio(String code, String name, String theme, String unit, String numerator, String denominator,
				int factor, int decimals, String definition) {
			return new Entry(code, name, theme, unit, "ratio", numerator, denominator, factor, decimals, 0, definition);
		}

	}

	static final List<Entry> INDICATORS = List.of(
			Entry.count("bev_totaal", "Inwoners", "Demografie", "inwoners", 0, 5, "Aantal inwoners op 1 januari."),
			Entry.count("bev_0_17", "Inwoners 0-17 jaar", "Demografie", "inwoners", 0, 5,
					"Aantal inwoners jonger dan 18 jaar op 1 januari."),
			Entry.count("bev_18_64", "Inwoners 18-64 jaar", "Demografie", "inwoners", 0, 5,
					"Aantal inwoners van 18 tot en met 64 jaar op 1 januari."),
			Entry.count("bev_65plus", "Inwoners 65 jaar en ouder", "Demografie", "inwoners", 0, 5,
					"Aantal inwoners van 65 jaar of ouder op 1 januari."),
			Entry.count("bev_mannen", "Mannen", "Demografie", "inwoners", 0, 5,
					"Aantal mannelijke inwoners op 1 januari."),
			Entry.count("bev_vrouwen", "Vrouwen", "Demografie", "inwoners", 0, 5,
					"Aantal vrouwelijke inwoners op 1 januari."),
			Entry.ratio("bev_0_17_pct", "Aandeel jongeren (0-17 jaar)", "Demografie", "procent", "bev_0_17",
					"bev_totaal", 100, 1, "Inwoners jonger dan 18 jaar ten opzichte van alle inwoners."),
			Entry.ratio("bev_65plus_pct", "Aandeel 65-plussers", "Demografie", "procent", "bev_65plus", "bev_totaal",
					100, 1, "Inwoners van 65 jaar of ouder ten opzichte van alle inwoners."),
			Entry.count("huishoudens", "Private huishoudens", "Demografie", "huishoudens", 0, 5,
					"Aantal private huishoudens op 1 januari."),
			Entry.ratio("gem_huishoudgrootte", "Gemiddelde huishoudgrootte", "Demografie", "personen per huishouden",
					"bev_totaal", "huishoudens", 1, 2, "Inwoners gedeeld door het aantal private huishoudens."),
			Entry.count("oppervlakte", "Oppervlakte", "Ruimte", "km²", 2, 0,
					"Oppervlakte van het gebied in vierkante kilometer."),
			Entry.ratio("bevolkingsdichtheid", "Bevolkingsdichtheid", "Ruimte", "inwoners per km²", "bev_totaal",
					"oppervlakte", 1, 0, "Inwoners per vierkante kilometer."),
			Entry.count("woningen", "Woongelegenheden", "Wonen en woonomgeving", "woningen", 0, 5,
					"Aantal woongelegenheden volgens het kadaster op 1 januari."),
			Entry.ratio("woningen_per_huishouden", "Woningen per 100 huishoudens", "Wonen en woonomgeving",
					"per 100 huishoudens", "woningen", "huishoudens", 100, 1,
					"Woongelegenheden per 100 private huishoudens."),
			Entry.count("werkzoekenden", "Niet-werkende werkzoekenden", "Werk", "personen", 0, 5,
					"Aantal niet-werkende werkzoekenden (jaargemiddelde)."),
			Entry.ratio("werkzoekenden_pct", "Werkzoekendengraad", "Werk", "procent", "werkzoekenden", "bev_18_64", 100,
					1, "Niet-werkende werkzoekenden ten opzichte van de inwoners van 18 tot en met 64 jaar."));

	private DemoCatalogue() {
	}

	/**
	 * The catalogue file: a header of {@link Catalogue#COLUMNS} and one row per
	 * indicator, written as the catalogue export writes it.
	 */
	static byte[] file() {
		List<List<String>> rows = new ArrayList<>();
		rows.add(Catalogue.COLUMNS);
		for (Entry e : INDICATORS) {
			rows.add(List.of(e.code(), e.name(), e.theme(), e.definition(), e.unit(), SOURCE, "registered",
					e.numerator() == null ? "" : e.numerator(), e.denominator() == null ? "" : e.denominator(),
					String.valueOf(e.factor()), e.aggregation(), String.valueOf(e.decimals()),
					String.valueOf(e.threshold()), "ja", "ja"));
		}
		return Catalogue.csv(rows);
	}

}
