package be.obmi.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import be.obmi.shared.BelgianNumber;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.shared.tabular.Table;

/**
 * The finance import format ({@code docs/formats/finance-import.md}):
 * {@code actie;boekjaar;beleidsveld;algemene_rekening;soort;richting;raming;realisatie}.
 * Checks every row and reports every problem with row, column and a message code. A file
 * of planned amounts per action and year (as cities publish their multi-year investment
 * plans) may leave out {@code beleidsveld} and {@code algemene_rekening}: the policy
 * field then comes from the plan item, the account is recorded as
 * {@link #UNKNOWN_ACCOUNT}.
 */
final class FinanceFile {

	static final List<String> COLUMNS = List.of("actie", "boekjaar", "beleidsveld", "algemene_rekening", "soort",
			"richting", "raming", "realisatie");

	/** The columns a file must have; the others may be left out. */
	static final List<String> REQUIRED = List.of("actie", "boekjaar", "soort", "richting");

	/**
	 * The account of a line whose file gave none (a multi-year investment plan): shown as
	 * "onbekend"; no real account has this form.
	 */
	static final String UNKNOWN_ACCOUNT = "ONBEKEND";

	static final Pattern POLICY_FIELD = Pattern.compile("\\d{4}");

	static final Pattern ACCOUNT = Pattern.compile("(?i)(REK)?\\d{3,10}");

	static final BigDecimal LARGEST = new BigDecimal("1e15");

	private FinanceFile() {
	}

	static List<FinanceLine> parse(Table table) {
		return parse(table, code -> true, code -> null, null);
	}

	/**
	 * @param knownCode whether a plan item code exists; unknown codes are errors in
	 * column {@code actie}
	 * @param policyFieldOf the policy field of a plan item code, or null; used where the
	 * file gives none
	 * @param owner whose plan the codes belong to, named in that error; null or empty to
	 * name no one
	 */
	static List<FinanceLine> parse(Table table, Predicate<String> knownCode, Function<String, String> policyFieldOf,
			String owner) {
		table.requireColumns(REQUIRED);
		if (!table.hasColumn("raming") && !table.hasColumn("realisatie")) {
			table.requireColumns(List.of("raming"));
		}
		List<ImportError> errors = new ArrayList<>();
		if (table.rows().isEmpty()) {
			throw ImportRejectedException.of("import.finance.noRows");
		}
		List<FinanceLine> lines = new ArrayList<>();
		for (Table.Row row : table.rows()) {
			int before = errors.size();
			String code = row.get("actie");
			if (!code.isEmpty() && !knownCode.test(code)) {
				errors.add(owner == null || owner.isEmpty()
						? new ImportError(row.number(), "actie", "import.finance.planCodeUnknown", code)
						: new ImportError(row.number(), "actie", "import.finance.planCodeUnknownOf", code, owner));
			}
			Integer year = year(row, errors);
			String policyField = row.get("beleidsveld");
			if (policyField.isEmpty() && !code.isEmpty() && policyFieldOf.apply(code) != null) {
				policyField = policyFieldOf.apply(code);
			}
			if (policyField.isEmpty()) {
				errors.add(new ImportError(row.number(), "beleidsveld", "import.finance.policyFieldMissing"));
			}
			else if (!POLICY_FIELD.matcher(policyField).matches()) {
				errors.add(
						new ImportError(row.number(), "beleidsveld", "import.finance.policyFieldInvalid", policyField));
			}
			String account = row.get("algemene_rekening");
			if (account.isEmpty()) {
				account = UNKNOWN_ACCOUNT;
			}
			else if (!ACCOUNT.matcher(account).matches()) {
				errors
					.add(new ImportError(row.number(), "algemene_rekening", "import.finance.accountInvalid", account));
			}
			FinanceLine.Kind kind = choice(row, "soort", FinanceLine.Kind.class, "import.finance.kindMissing",
					"import.finance.kindInvalid", errors);
			FinanceLine.Direction direction = choice(row, "richting", FinanceLine.Direction.class,
					"import.finance.directionMissing", "import.finance.directionInvalid", errors);
			BigDecimal estimate = amount(row, "raming", errors);
			BigDecimal realisation = amount(row, "realisatie", errors);
			if (errors.size() == before) {
				lines.add(new FinanceLine(row.number(), code.isEmpty() ? null : code, year, policyField,
						account.toUpperCase(Locale.ROOT), kind, direction, estimate, realisation));
			}
		}
		if (!errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
		return lines;
	}

	private static Integer year(Table.Row row, List<ImportError> errors) {
		String value = row.get("boekjaar");
		if (!value.matches("\\d{4}")) {
			errors.add(value.isEmpty() ? new ImportError(row.number(), "boekjaar", "import.finance.yearMissing")
					: new ImportError(row.number(), "boekjaar", "import.finance.yearInvalid", value));
			return null;
		}
		int year = Integer.parseInt(value);
		if (year < 1990 || year > 2100) {
			errors.add(new ImportError(row.number(), "boekjaar", "import.finance.yearOutOfRange", year));
			return null;
		}
		return year;
	}

	/**
	 * The constant named in the column, any case; else an error with {@code missingCode}
	 * (empty) or {@code invalidCode} (with the value), whose texts list the choices.
	 */
	private static <E extends Enum<E>> E choice(Table.Row row, String column, Class<E> type, String missingCode,
			String invalidCode, List<ImportError> errors) {
		String value = row.get(column);
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(value)) {
				return constant;
			}
		}
		errors.add(value.isEmpty() ? new ImportError(row.number(), column, missingCode)
				: new ImportError(row.number(), column, invalidCode, value));
		return null;
	}

	/**
	 * An amount as {@link BelgianNumber} reads it ({@code 1234,56}, {@code 1.234,56},
	 * {@code 1 234,56}), with an optional euro sign, at most two decimals (so the
	 * ambiguous {@code 1.234} is refused: three decimals) and below 10^15. Empty means
	 * zero.
	 */
	static BigDecimal amount(Table.Row row, String column, List<ImportError> errors) {
		String raw = row.get(column).replace("€", "").replace("\u00a0", " ").strip();
		if (raw.isEmpty()) {
			return BigDecimal.ZERO.setScale(2);
		}
		BigDecimal value = BelgianNumber.parse(raw).orElse(null);
		if (value == null || raw.matches(".*[eE+].*")) {
			errors.add(new ImportError(row.number(), column, "import.finance.amountInvalid", raw));
			return null;
		}
		if (value.scale() > 2) {
			errors.add(new ImportError(row.number(), column, "import.finance.amountDecimals", raw));
			return null;
		}
		if (value.abs().compareTo(LARGEST) >= 0) {
			errors.add(new ImportError(row.number(), column, "import.finance.amountTooLarge", raw));
			return null;
		}
		return value.setScale(2, RoundingMode.UNNECESSARY);
	}

}
