package be.obmi.stats.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import be.obmi.tenancy.Municipality;

/**
 * Demo survey results in the long import format with respondents
 * ({@code indicator;gebied;niveau;periode;waarde;n;N}): a few Gemeente-Stadsmonitor
 * percentages of the shared catalogue for the centrumsteden, editions 2017, 2020 and
 * 2023, so the import computes each value's 95% margin from n and N. Deterministic: a
 * city's level and drift come from its NIS code.
 */
final class DemoSurvey {

	static final String FILE_NAME = "demo-stadsmonitor.csv";

	/** Stadsmonitor percentages of the seeded catalogue and a plausible mean for each. */
	record Item(String code, double mean) {
	}

	static final List<Item> ITEMS = List.of(new Item("GSM_WO_S_14", 80), new Item("GSM_KL_S_03", 58),
			new Item("GSM_LO_S_09_1", 52), new Item("GSM_SA_S_16", 68));

	static final List<Integer> EDITIONS = List.of(2017, 2020, 2023);

	/** Share of the inhabitants aged 18 or older: the survey's population. */
	private static final double ADULTS = 0.8;

	private DemoSurvey() {
	}

	static List<String> codes() {
		return ITEMS.stream().map(Item::code).toList();
	}

	/** The file for the given cities (gemeente level). */
	static byte[] file(List<Municipality> cities) {
		StringBuilder csv = new StringBuilder("indicator;gebied;niveau;periode;waarde;n;N\n");
		for (int i = 0; i < ITEMS.size(); i++) {
			Item item = ITEMS.get(i);
			for (Municipality city : cities) {
				for (int edition : EDITIONS) {
					csv.append(item.code())
						.append(";")
						.append(city.nisCode())
						.append(";gemeente;")
						.append(edition)
						.append(';')
						.append(String.format(Locale.ROOT, "%.1f", value(item, i, city.nisCode(), edition)))
						.append(';')
						.append(respondents(i, city.nisCode(), edition))
						.append(';')
						.append(Math.round(city.inhabitants() * ADULTS))
						.append('\n');
				}
			}
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** A percentage around the item's mean: the city's level plus a drift per edition. */
	static double value(Item item, int index, String nisCode, int edition) {
		double level = 14 * (DemoObservations.unit(nisCode, 40 + index) - 0.5);
		double drift = 3 * (DemoObservations.unit(nisCode, 50 + index) - 0.4) * (edition - 2017) / 3.0;
		double noise = 2 * (DemoObservations.unit(nisCode + edition, 60 + index) - 0.5);
		return Math.max(1, Math.min(99, Math.round((item.mean() + level + drift + noise) * 10) / 10.0));
	}

	/** The number of respondents: 800 to 1,500. */
	static int respondents(int index, String nisCode, int edition) {
		return 800 + (int) Math.round(700 * DemoObservations.unit(nisCode + edition, 70 + index));
	}

}
