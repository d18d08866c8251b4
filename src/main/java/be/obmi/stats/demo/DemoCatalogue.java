package be.obmi.stats.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import be.obmi.stats.domain.Catalogue;

/**
 * The demo indicators as a catalogue file in the documented import format
 * ({@code docs/formats/stats-catalogue.md}): published, and marked {@code demo} so the
 * site labels them. Counts add up ({@code sum}); shares, densities and averages are
 * ratios the platform derives as factor × Σnumerator / Σdenominator. Every name, theme,
 * unit and definition has its English text, so the demo reads in English too.
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

	/** The English name, unit and definition of each demo indicator, by code. */
	static final Map<String, List<String>> ENGLISH = Map.ofEntries(
			Map.entry("bev_totaal", List.of("Inhabitants", "inhabitants", "Number of inhabitants on 1 January.")),
			Map.entry("bev_0_17",
					List.of("Inhabitants aged 0-17", "inhabitants", "Number of inhabitants under 18 on 1 January.")),
			Map.entry("bev_18_64",
					List.of("Inhabitants aged 18-64", "inhabitants",
							"Number of inhabitants aged 18 to 64 inclusive on 1 January.")),
			Map.entry("bev_65plus",
					List.of("Inhabitants aged 65 and over", "inhabitants",
							"Number of inhabitants aged 65 or over on 1 January.")),
			Map.entry("bev_mannen", List.of("Men", "inhabitants", "Number of male inhabitants on 1 January.")),
			Map.entry("bev_vrouwen", List.of("Women", "inhabitants", "Number of female inhabitants on 1 January.")),
			Map.entry("bev_0_17_pct",
					List.of("Share of young people (0-17)", "per cent",
							"Inhabitants under 18 relative to all inhabitants.")),
			Map.entry("bev_65plus_pct",
					List.of("Share of people aged 65 and over", "per cent",
							"Inhabitants aged 65 or over relative to all inhabitants.")),
			Map.entry("huishoudens",
					List.of("Private households", "households", "Number of private households on 1 January.")),
			Map.entry("gem_huishoudgrootte",
					List.of("Average household size", "persons per household",
							"Inhabitants divided by the number of private households.")),
			Map.entry("oppervlakte", List.of("Area", "km²", "Area of the territory in square kilometres.")),
			Map.entry("bevolkingsdichtheid",
					List.of("Population density", "inhabitants per km²", "Inhabitants per square kilometre.")),
			Map.entry("woningen",
					List.of("Dwellings", "dwellings",
							"Number of dwellings according to the land register on 1 January.")),
			Map.entry("woningen_per_huishouden",
					List.of("Dwellings per 100 households", "per 100 households",
							"Dwellings per 100 private households.")),
			Map.entry("werkzoekenden",
					List.of("Unemployed jobseekers", "persons", "Number of unemployed jobseekers (annual average).")),
			Map.entry("werkzoekenden_pct", List.of("Jobseeker rate", "per cent",
					"Unemployed jobseekers relative to the inhabitants aged 18 to 64 inclusive.")));

	/** The English names of the demo themes. */
	static final Map<String, String> THEMES = Map.of("Demografie", "Demography", "Ruimte", "Space",
			"Wonen en woonomgeving", "Housing and living environment", "Werk", "Work");

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
					String.valueOf(e.threshold()), "ja", "ja", ENGLISH.get(e.code()).get(0), THEMES.get(e.theme()),
					ENGLISH.get(e.code()).get(2), ENGLISH.get(e.code()).get(1)));
		}
		return Catalogue.csv(rows);
	}

}
