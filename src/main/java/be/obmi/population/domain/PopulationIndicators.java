package be.obmi.population.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The definitions of the indicators derived from the population microdata: counts of the
 * residents of a snapshot (an SQL aggregate over its rows), counts of the moves, births
 * and deaths between a snapshot and the previous one, and ratios of two counts that Stad
 * in cijfers computes at every level (factor × Σteller / Σnoemer). Every definition has a
 * hash (of its code and SQL or formula) that the derivation run stores with each
 * published indicator, so a figure can be traced to the definition that made it.
 */
public final class PopulationIndicators {

	/** How an indicator is made. */
	public enum Kind {

		/** an aggregate over the residents of one snapshot, per sector */
		STOCK,
		/**
		 * a count of the changes between the previous snapshot and this one, per sector
		 */
		FLOW,
		/** numerator / denominator (two counts), computed by the statistics */
		RATIO

	}

	/**
	 * One indicator: code, Dutch and English name and definition, unit, and either the
	 * SQL aggregate (STOCK; over the rows {@code p} of the snapshot's residents), the
	 * change's class (FLOW: {@code in}, {@code out}, {@code within}, {@code birth},
	 * {@code death}) or the numerator and denominator with a factor (RATIO).
	 */
	public record Indicator(String code, String name, String nameEn, String definition, String definitionEn,
			String unit, String unitEn, Kind kind, String expression, String numerator, String denominator, int factor,
			int decimals) {

		/** The hash of the definition (code, kind and SQL or formula). */
		public String sha256() {
			return PopulationIndicators
				.sha256(code + "|" + kind + "|" + expression + "|" + numerator + "|" + denominator + "|" + factor);
		}

		boolean count() {
			return kind != Kind.RATIO;
		}

	}

	/** Counts under this threshold (and above 0) are not shown to the public. */
	public static final int THRESHOLD = 5;

	public static final List<Indicator> ALL = build();

	private PopulationIndicators() {
	}

	/** The counts (stocks and flows), the ones whose values a derivation publishes. */
	public static List<Indicator> counts() {
		return ALL.stream().filter(Indicator::count).toList();
	}

	/** The hash of all definitions together. */
	public static String sha256() {
		StringBuilder all = new StringBuilder();
		ALL.forEach(i -> all.append(i.sha256()).append('\n'));
		return sha256(all.toString());
	}

	private static List<Indicator> build() {
		List<Indicator> list = new ArrayList<>();
		stock(list, "bev-inwoners", "Inwoners", "Inhabitants", "count(*)", "inwoners", "inhabitants");
		stock(list, "bev-mannen", "Mannen", "Men", "count(*) filter (where p.sex = 'M')", "inwoners", "inhabitants");
		stock(list, "bev-vrouwen", "Vrouwen", "Women", "count(*) filter (where p.sex = 'V')", "inwoners",
				"inhabitants");
		int[][] ages = { { 0, 2 }, { 3, 5 }, { 6, 11 }, { 12, 17 }, { 18, 24 }, { 25, 44 }, { 45, 64 }, { 65, 79 } };
		for (int[] a : ages) {
			stock(list, "bev-" + a[0] + "-" + a[1], "Inwoners van " + a[0] + " tot " + a[1] + " jaar",
					"Inhabitants aged " + a[0] + " to " + a[1],
					"count(*) filter (where p.age between " + a[0] + " and " + a[1] + ")", "inwoners", "inhabitants");
		}
		stock(list, "bev-80plus", "Inwoners van 80 jaar en ouder", "Inhabitants aged 80 and over",
				"count(*) filter (where p.age >= 80)", "inwoners", "inhabitants");
		stock(list, "bev-0-17", "Minderjarigen (0 tot 17 jaar)", "Minors (0 to 17)",
				"count(*) filter (where p.age < 18)", "inwoners", "inhabitants");
		stock(list, "bev-65plus", "Inwoners van 65 jaar en ouder", "Inhabitants aged 65 and over",
				"count(*) filter (where p.age >= 65)", "inwoners", "inhabitants");
		stock(list, "bev-belg", "Inwoners met de Belgische nationaliteit", "Inhabitants of Belgian nationality",
				"count(*) filter (where p.nationality_group = 'BE')", "inwoners", "inhabitants");
		stock(list, "bev-niet-belg", "Inwoners met een andere nationaliteit", "Inhabitants of another nationality",
				"count(*) filter (where p.nationality_group in ('EU', 'NEU'))", "inwoners", "inhabitants");
		stock(list, "bev-eu", "Inwoners met een nationaliteit van een andere EU-lidstaat",
				"Inhabitants with the nationality of another EU member state",
				"count(*) filter (where p.nationality_group = 'EU')", "inwoners", "inhabitants");
		stock(list, "bev-niet-eu", "Inwoners met een nationaliteit buiten de EU",
				"Inhabitants with a non-EU nationality", "count(*) filter (where p.nationality_group = 'NEU')",
				"inwoners", "inhabitants");
		stock(list, "bev-huishoudens", "Private huishoudens", "Private households",
				"count(distinct p.household_key) filter (where p.household_type <> 'collectief')", "huishoudens",
				"households");
		stock(list, "bev-hh-leden", "Leden van private huishoudens", "Members of private households",
				"count(*) filter (where p.household_type <> 'collectief')", "inwoners", "inhabitants");
		String[][] types = { { "alleenstaand", "Alleenstaanden", "Single-person households" },
				{ "koppel", "Koppels zonder kinderen", "Couples without children" },
				{ "koppel-kinderen", "Koppels met kinderen", "Couples with children" },
				{ "eenouder", "Eenoudergezinnen", "Single-parent households" } };
		for (String[] t : types) {
			stock(list, "bev-hh-" + t[0], t[1], t[2],
					"count(distinct p.household_key) filter (where p.household_type = '" + t[0] + "')", "huishoudens",
					"households");
		}
		flow(list, "bev-inwijking", "Inwijkingen (van buiten de stad)", "Moves into the city",
				"Inwoners op de peildatum die op de vorige peildatum niet in de stad woonden en toen al geboren "
						+ "waren, per sector van hun nieuwe adres",
				"Inhabitants on the reference date who did not live in the city on the previous one and were born "
						+ "by then, by the sector of their new address",
				"in");
		flow(list, "bev-uitwijking", "Uitwijkingen (naar buiten de stad)", "Moves out of the city",
				"Inwoners op de vorige peildatum die op de peildatum niet meer in de stad wonen, behalve "
						+ "overlijdens, per sector van hun laatste adres",
				"Inhabitants on the previous reference date who no longer live in the city, except deaths, by the "
						+ "sector of their last address",
				"out");
		flow(list, "bev-binnenverhuis", "Verhuizingen binnen de stad", "Moves within the city",
				"Inwoners op beide peildata met een ander adres, per sector van hun nieuwe adres",
				"Inhabitants on both reference dates with another address, by the sector of their new address",
				"within");
		flow(list, "bev-geboorten", "Geboorten", "Births",
				"Inwoners op de peildatum geboren na de vorige peildatum, per sector van hun adres",
				"Inhabitants on the reference date born after the previous one, by the sector of their address",
				"birth");
		flow(list, "bev-overlijdens", "Overlijdens", "Deaths",
				"Inwoners afgevoerd wegens overlijden sinds de vorige peildatum, per sector van hun laatste adres",
				"Inhabitants deregistered because of death since the previous reference date, by the sector of "
						+ "their last address",
				"death");
		ratio(list, "bev-aandeel-0-17", "Aandeel minderjarigen", "Share of minors", "bev-0-17", "bev-inwoners", 100,
				"procent", "percent", 1);
		ratio(list, "bev-aandeel-65plus", "Aandeel 65-plussers", "Share of people aged 65 and over", "bev-65plus",
				"bev-inwoners", 100, "procent", "percent", 1);
		ratio(list, "bev-aandeel-niet-belg", "Aandeel inwoners met een andere nationaliteit",
				"Share of inhabitants of another nationality", "bev-niet-belg", "bev-inwoners", 100, "procent",
				"percent", 1);
		ratio(list, "bev-gem-huishoudgrootte", "Gemiddelde grootte van een privaat huishouden",
				"Average size of a private household", "bev-hh-leden", "bev-huishoudens", 1, "personen", "persons", 2);
		ratio(list, "bev-aandeel-alleenstaand", "Aandeel alleenstaanden onder de huishoudens",
				"Share of single-person households", "bev-hh-alleenstaand", "bev-huishoudens", 100, "procent",
				"percent", 1);
		return List.copyOf(list);
	}

	private static void stock(List<Indicator> list, String code, String name, String nameEn, String sql, String unit,
			String unitEn) {
		list.add(new Indicator(code, name, nameEn,
				name + " volgens het bevolkingsregister van de stad op de peildatum (SQL: " + sql + ").",
				nameEn + " by the city's population register on the reference date (SQL: " + sql + ").", unit, unitEn,
				Kind.STOCK, sql, null, null, 1, 0));
	}

	private static void flow(List<Indicator> list, String code, String name, String nameEn, String definition,
			String definitionEn, String change) {
		list.add(new Indicator(code, name, nameEn, definition + ".", definitionEn + ".", "inwoners", "inhabitants",
				Kind.FLOW, change, null, null, 1, 0));
	}

	private static void ratio(List<Indicator> list, String code, String name, String nameEn, String numerator,
			String denominator, int factor, String unit, String unitEn, int decimals) {
		list.add(new Indicator(code, name, nameEn,
				name + ": " + factor + " × " + numerator + " / " + denominator + " (bevolkingsregister van de stad).",
				nameEn + ": " + factor + " × " + numerator + " / " + denominator + " (the city's population register).",
				unit, unitEn, Kind.RATIO, null, numerator, denominator, factor, decimals));
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
