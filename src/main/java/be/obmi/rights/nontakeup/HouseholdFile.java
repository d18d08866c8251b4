package be.obmi.rights.nontakeup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import be.obmi.rights.domain.Answers;
import be.obmi.rights.domain.SocialStatute;
import be.obmi.shared.BelgianNumber;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.shared.tabular.Table;
import be.obmi.shared.tabular.TableReader;

/**
 * Reads an authorised, pseudonymised household file (docs/formats/rights-households.md):
 * one row per household with a pseudonymous key, its statistical sector and what the
 * typed conditions need. All or nothing: every problem is reported with its row, column
 * and reason, and a file with any problem is refused as a whole. Held in memory only.
 */
final class HouseholdFile {

	static final List<String> REQUIRED = List.of("huishouden", "sector", "leeftijd", "volwassenen", "inkomen");

	private static final int MAX_ERRORS = 100;

	private static final Map<String, Answers.Housing> HOUSING = Map.of("sociale-huurder", Answers.Housing.SOCIAL_TENANT,
			"private-huurder", Answers.Housing.PRIVATE_TENANT, "eigenaar", Answers.Housing.OWNER, "dakloos",
			Answers.Housing.HOMELESS, "andere", Answers.Housing.OTHER);

	private HouseholdFile() {
	}

	/** One household: its pseudonymous key and sector, and its answers. */
	record Household(String key, String sector, Answers answers) {
	}

	/**
	 * The households of the file.
	 * @param nis the city's NIS code (every sector must lie in it)
	 * @param knownSector whether a sector code is one of the city's statistical sectors
	 * @throws ImportRejectedException with every problem
	 */
	static List<Household> read(byte[] bytes, String nis, Predicate<String> knownSector) {
		Table table = TableReader.read(bytes, REQUIRED);
		List<ImportError> errors = new ArrayList<>();
		List<Household> households = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (Table.Row row : table.rows()) {
			if (row.isBlank()) {
				continue;
			}
			if (errors.size() >= MAX_ERRORS) {
				break;
			}
			int before = errors.size();
			String key = row.get("huishouden");
			if (key.isEmpty() || key.length() > 64) {
				errors.add(new ImportError(row.number(), "huishouden", "import.rights.households.key"));
			}
			else if (key.replaceAll("[^0-9]", "").length() == 11 && key.matches("[0-9 .-]+")) {
				errors.add(new ImportError(row.number(), "huishouden", "import.rights.households.notPseudonymised"));
			}
			else if (!keys.add(key)) {
				errors.add(new ImportError(row.number(), "huishouden", "import.rights.households.duplicate", key));
			}
			String sector = row.get("sector").toUpperCase(Locale.ROOT);
			if (!sector.startsWith(nis == null ? "?" : nis) || !knownSector.test(sector)) {
				errors
					.add(new ImportError(row.number(), "sector", "import.rights.households.sector", row.get("sector")));
			}
			Integer age = whole(row, "leeftijd", 0, 120, errors);
			Integer adults = whole(row, "volwassenen", 1, 20, errors);
			List<Integer> children = children(row, errors);
			Boolean single = yesNo(row, "alleenstaande_ouder", errors);
			Integer income = whole(row, "inkomen", 0, 10_000_000, errors);
			Map<SocialStatute, Boolean> statutes = statutes(row, errors);
			Answers.Housing housing = null;
			String living = row.get("woning").toLowerCase(Locale.ROOT);
			if (!living.isEmpty()) {
				housing = HOUSING.get(living);
				if (housing == null) {
					errors.add(new ImportError(row.number(), "woning", "import.rights.households.housing",
							row.get("woning")));
				}
			}
			if (errors.size() == before) {
				String wijk = row.value("wijk");
				households.add(new Household(key, sector,
						new Answers(nis, wijk == null ? "-" : wijk, sector, age, adults, children,
								children.isEmpty() ? Boolean.FALSE : single, income.longValue(), statutes, housing)));
			}
		}
		if (!errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
		if (households.isEmpty()) {
			throw ImportRejectedException.of("import.rights.households.empty");
		}
		return households;
	}

	private static Integer whole(Table.Row row, String column, int min, int max, List<ImportError> errors) {
		String text = row.get(column);
		BigDecimal value = BelgianNumber.parse(text).orElse(null);
		if (value == null || value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(min)) < 0
				|| value.compareTo(BigDecimal.valueOf(max)) > 0) {
			errors.add(new ImportError(row.number(), column, "import.rights.households.number", text, min, max));
			return null;
		}
		return value.intValueExact();
	}

	/** Children's ages separated by {@code |}, {@code ,} or spaces; empty: none. */
	private static List<Integer> children(Table.Row row, List<ImportError> errors) {
		String text = row.get("kinderen");
		List<Integer> ages = new ArrayList<>();
		if (text.isEmpty()) {
			return ages;
		}
		for (String part : text.split("[|, ]+")) {
			if (!part.matches("[0-9]{1,2}") || Integer.parseInt(part) > 30 || ages.size() >= 15) {
				errors.add(new ImportError(row.number(), "kinderen", "import.rights.households.children", text));
				return List.of();
			}
			ages.add(Integer.parseInt(part));
		}
		return ages;
	}

	private static Boolean yesNo(Table.Row row, String column, List<ImportError> errors) {
		String text = row.get(column).toLowerCase(Locale.ROOT);
		return switch (text) {
			case "", "nee", "n", "0" -> false;
			case "ja", "j", "1" -> true;
			default -> {
				errors.add(new ImportError(row.number(), column, "import.rights.households.yesNo", row.get(column)));
				yield false;
			}
		};
	}

	/**
	 * Statute codes separated by {@code |}, {@code ,} or spaces; every other is false.
	 */
	private static Map<SocialStatute, Boolean> statutes(Table.Row row, List<ImportError> errors) {
		Map<SocialStatute, Boolean> statutes = new EnumMap<>(SocialStatute.class);
		for (SocialStatute statute : SocialStatute.values()) {
			statutes.put(statute, false);
		}
		String text = row.get("statuten");
		if (text.isEmpty()) {
			return statutes;
		}
		for (String part : text.split("[|, ]+")) {
			SocialStatute found = null;
			for (SocialStatute statute : SocialStatute.values()) {
				if (statute.name().equalsIgnoreCase(part.replace('-', '_'))) {
					found = statute;
				}
			}
			if (found == null) {
				errors.add(new ImportError(row.number(), "statuten", "import.rights.households.statute", part));
				return statutes;
			}
			statutes.put(found, true);
		}
		return statutes;
	}

}
