package be.obmi.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one way a number typed or exported by people is read, in every import and every
 * form. Accepted:
 * <ul>
 * <li>a decimal comma or point: {@code 1234,5}, {@code 1234.5};</li>
 * <li>thousands separators with a decimal sign of the other kind: {@code 1.234,5} and
 * {@code 1,234.5} (the last sign is the decimal one; the other one must group digits by
 * three);</li>
 * <li>a repeated sign as thousands separator only: {@code 1.234.567},
 * {@code 1,234,567};</li>
 * <li>spaces, non-breaking and narrow non-breaking spaces anywhere between digits:
 * {@code 1 234,5};</li>
 * <li>a sign ({@code -}, {@code +}, the minus sign {@code −}) and an exponent
 * ({@code 1,5e3}).</li>
 * </ul>
 * <b>The ambiguous {@code 1.234} and {@code 1,234}</b> (one sign followed by exactly
 * three digits) are read as a decimal sign: 1.234. That is what every machine-written
 * file (statistics software, exports, CSV in a programming language) means by it, and
 * what a Belgian means by {@code 1,234}; a Belgian who means a thousand and more writes
 * {@code 1234} or {@code 1.234,0}. Modules that know more (an amount in euro has at most
 * two decimals) refuse the extra decimals themselves.
 */
public final class BelgianNumber {

	private static final Pattern PLAIN = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");

	private static final Pattern GROUPED = Pattern.compile("[-+]?[0-9]{1,3}(G[0-9]{3})+(D[0-9]*)?");

	private BelgianNumber() {
	}

	/**
	 * The locale of numbers on a page in the given language: English, else Belgian Dutch
	 * ({@code 1.234,5}).
	 */
	public static Locale pageLocale(Locale language) {
		return "en".equals(language.getLanguage()) ? Locale.UK : Locale.forLanguageTag("nl-BE");
	}

	/**
	 * A stored decimal as a reader of the page's language writes it, without the trailing
	 * zeros of its storage: {@code 43} (not {@code 43.0000}), {@code 1.234,5} in Dutch,
	 * {@code 1,234.5} in English.
	 */
	public static String format(BigDecimal value, Locale language) {
		BigDecimal stripped = value.stripTrailingZeros();
		NumberFormat format = NumberFormat.getNumberInstance(pageLocale(language));
		format.setMinimumFractionDigits(0);
		format.setMaximumFractionDigits(Math.max(0, stripped.scale()));
		return format.format(stripped);
	}

	/**
	 * The number, or empty for a blank text or one that is no number by the rules above.
	 */
	public static Optional<BigDecimal> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String s = text.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace('\u2212', '-');
		if (s.isEmpty() || s.length() > 400) {
			return Optional.empty();
		}
		int comma = s.lastIndexOf(',');
		int dot = s.lastIndexOf('.');
		String normal;
		if (comma < 0 && dot < 0) {
			normal = s;
		}
		else if (comma >= 0 && dot >= 0) {
			char decimal = comma > dot ? ',' : '.';
			char group = decimal == ',' ? '.' : ',';
			normal = grouped(s, group, decimal);
		}
		else {
			char sign = comma >= 0 ? ',' : '.';
			// one sign is the decimal one; a repeated sign groups thousands
			normal = s.indexOf(sign) == s.lastIndexOf(sign) ? s.replace(sign, '.') : grouped(s, sign, (char) 0);
		}
		if (normal == null || !PLAIN.matcher(normal).matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new BigDecimal(normal));
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The number as a double, or null when it is no number, too large for a double
	 * ({@code 1e400}) or so small that it would become 0 while its digits are not
	 * ({@code 1e-400}).
	 */
	public static Double parseDouble(String text) {
		BigDecimal value = parse(text).orElse(null);
		if (value == null) {
			return null;
		}
		double d = value.doubleValue();
		if (!Double.isFinite(d) || (d == 0 && value.signum() != 0)) {
			return null;
		}
		return d;
	}

	/**
	 * Removes the group signs, checking that they group by three, and turns the decimal
	 * sign into a point.
	 */
	private static String grouped(String s, char group, char decimal) {
		String shape = s.replace(group, 'G');
		if (decimal != 0) {
			shape = shape.replace(decimal, 'D');
		}
		if (!GROUPED.matcher(shape).matches()) {
			return null;
		}
		return shape.replace("G", "").replace('D', '.');
	}

}
