package be.obmi.rights;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fictitious, pseudonymised household files for the non-take-up batch
 * (docs/formats/rights-households.md), generated from a seed so that a file can be made
 * again exactly: {@code households-hasselt.csv} under {@code src/test/resources/rights}
 * is {@code csv(SEED, ...)} of {@link #HASSELT} (checked by a test).
 */
final class HouseholdFixtures {

	static final long SEED = 18_2025L;

	/**
	 * Hasselt's sectors of the fixture: two with many households and one (the last) with
	 * only three, whose count of beneficiaries stays under the disclosure threshold.
	 */
	static final List<String> HASSELT = List.of("71022A001", "71022A011", "71022A021");

	static final String HEADER = "huishouden;sector;wijk;leeftijd;volwassenen;kinderen;alleenstaande_ouder;inkomen;statuten;woning";

	private static final String[] HOUSING = { "sociale-huurder", "private-huurder", "eigenaar", "andere" };

	private static final String[] STATUTES = { "VERHOOGDE_TEGEMOETKOMING", "LEEFLOON", "UITPAS_KANSENTARIEF" };

	private HouseholdFixtures() {
	}

	/**
	 * A household file: {@code perLargeSector} households in each sector but the last,
	 * three low-income households in the last.
	 */
	static String csv(long seed, List<String> sectors, int perLargeSector) {
		Random random = new Random(seed);
		List<String> lines = new ArrayList<>();
		lines.add(HEADER);
		int n = 0;
		for (int s = 0; s < sectors.size(); s++) {
			boolean small = s == sectors.size() - 1;
			int count = small ? 3 : perLargeSector;
			for (int i = 0; i < count; i++) {
				n++;
				int adults = 1 + random.nextInt(2);
				int children = random.nextInt(4);
				List<String> ages = new ArrayList<>();
				for (int c = 0; c < children; c++) {
					ages.add(String.valueOf(random.nextInt(18)));
				}
				int age = 19 + random.nextInt(70);
				int income = small ? 12_000 + random.nextInt(8_000) : 8_000 + random.nextInt(60_000);
				String statute = random.nextInt(4) == 0 ? STATUTES[random.nextInt(STATUTES.length)] : "";
				lines.add(String.join(";", "H%06X".formatted(random.nextInt(0xFFFFFF) * 31 + n), sectors.get(s), "",
						String.valueOf(age), String.valueOf(adults), String.join("|", ages),
						adults == 1 && children > 0 && random.nextBoolean() ? "ja" : "nee", String.valueOf(income),
						statute, HOUSING[random.nextInt(HOUSING.length)]));
			}
		}
		return String.join("\n", lines) + "\n";
	}

	/** The committed fixture's content. */
	static String hasselt() {
		return csv(SEED, HASSELT, 40);
	}

}
