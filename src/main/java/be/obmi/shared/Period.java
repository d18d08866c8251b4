package be.obmi.shared;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period of a statistic, a round or a report: a year, a semester, a quarter or a month.
 * Its code is OBMi's one notation — {@code 2024}, {@code 2024S1}, {@code 2024Q3},
 * {@code 2024-06} — stored in the database, shown in URLs and the warehouse's
 * {@code dim_time}. {@link #parse} also reads the notations of statistical offices and
 * spreadsheets: {@code 2024A1}, {@code 2024-S2}, {@code 2024H1}, {@code 2024-Q3},
 * {@code 2024K3} (kwartaal), {@code 2024M6}, {@code 2024M06}, lower case and with a space
 * or underscore before the letter. Years from 1900 to 2200.
 *
 * @param number the semester (1–2), quarter (1–4) or month (1–12); 0 for a year
 */
public record Period(int year, Kind kind, int number) {

	/** How long a period is. */
	public enum Kind {

		YEAR, SEMESTER, QUARTER, MONTH

	}

	private static final Pattern YEAR = Pattern.compile("([0-9]{4})(?:-?A1?)?");

	private static final Pattern SEMESTER = Pattern.compile("([0-9]{4})[-_ ]?[SsHh]([12])");

	private static final Pattern QUARTER = Pattern.compile("([0-9]{4})[-_ ]?[QqKk]([1-4])");

	private static final Pattern MONTH = Pattern.compile("([0-9]{4})(?:-|[-_ ]?[Mm])([0-9]{1,2})");

	public Period {
		if (year < 1900 || year > 2200) {
			throw new IllegalArgumentException("Jaar " + year + " ligt niet tussen 1900 en 2200.");
		}
		int most = switch (kind) {
			case YEAR -> 0;
			case SEMESTER -> 2;
			case QUARTER -> 4;
			case MONTH -> 12;
		};
		if (kind == Kind.YEAR ? number != 0 : number < 1 || number > most) {
			throw new IllegalArgumentException("Ongeldige periode " + year + " " + kind + " " + number + ".");
		}
	}

	/** The period a text names in any of the notations above; empty when none. */
	public static Optional<Period> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String code = text.strip();
		try {
			Matcher m = YEAR.matcher(code);
			if (m.matches()) {
				return Optional.of(new Period(Integer.parseInt(m.group(1)), Kind.YEAR, 0));
			}
			m = SEMESTER.matcher(code);
			if (m.matches()) {
				return Optional
					.of(new Period(Integer.parseInt(m.group(1)), Kind.SEMESTER, Integer.parseInt(m.group(2))));
			}
			m = QUARTER.matcher(code);
			if (m.matches()) {
				return Optional
					.of(new Period(Integer.parseInt(m.group(1)), Kind.QUARTER, Integer.parseInt(m.group(2))));
			}
			m = MONTH.matcher(code);
			if (m.matches()) {
				return Optional.of(new Period(Integer.parseInt(m.group(1)), Kind.MONTH, Integer.parseInt(m.group(2))));
			}
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		return Optional.empty();
	}

	/** OBMi's notation: {@code 2024}, {@code 2024S1}, {@code 2024Q3}, {@code 2024-06}. */
	public String code() {
		return switch (kind) {
			case YEAR -> Integer.toString(year);
			case SEMESTER -> year + "S" + number;
			case QUARTER -> year + "Q" + number;
			case MONTH -> year + "-" + (number < 10 ? "0" : "") + number;
		};
	}

	/** The first day of the period. */
	public LocalDate start() {
		return switch (kind) {
			case YEAR -> LocalDate.of(year, 1, 1);
			case SEMESTER -> LocalDate.of(year, 6 * number - 5, 1);
			case QUARTER -> LocalDate.of(year, 3 * number - 2, 1);
			case MONTH -> LocalDate.of(year, number, 1);
		};
	}

	/** The last day of the period. */
	public LocalDate end() {
		return switch (kind) {
			case YEAR -> LocalDate.of(year, 12, 31);
			case SEMESTER -> start().plusMonths(6).minusDays(1);
			case QUARTER -> start().plusMonths(3).minusDays(1);
			case MONTH -> start().plusMonths(1).minusDays(1);
		};
	}

	@Override
	public String toString() {
		return code();
	}

}
