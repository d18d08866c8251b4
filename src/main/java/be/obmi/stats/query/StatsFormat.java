package be.obmi.stats.query;

import java.math.BigDecimal;
import java.text.NumberFormat;

import be.obmi.shared.BelgianNumber;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one number format of the server-rendered pages
 * ({@code @statsFormat.number(value, decimals)} in templates): Belgian Dutch on Dutch
 * pages ({@code 88.500}, {@code 20,1}), English on English pages ({@code 88,500},
 * {@code 20.1}), always with the indicator's decimals (a count has none). The browser
 * formats the charts and maps the same way ({@code static/js/stats.js}, with
 * {@code Intl.NumberFormat} and the page's language).
 * <p>
 * The {@code ;}-separated CSV download of the site is for people with a Belgian
 * spreadsheet: {@link #csv(Double)} writes {@code 1234,5} (decimal comma, no grouping).
 * The documented open-data formats of the API keep their machine format (decimal point).
 */
@Component("statsFormat")
public class StatsFormat {

	/**
	 * The locale of numbers on a page in the given language: English or Belgian Dutch.
	 */
	public static Locale numberLocale(Locale language) {
		return BelgianNumber.pageLocale(language);
	}

	/**
	 * A value with exactly {@code decimals} decimals in the given language; empty for
	 * null.
	 */
	public static String format(Double value, int decimals, Locale language) {
		if (value == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getNumberInstance(numberLocale(language));
		format.setMinimumFractionDigits(decimals);
		format.setMaximumFractionDigits(decimals);
		return format.format(value);
	}

	/**
	 * A value for the site's {@code ;} CSV: full precision, no thousands separator, a
	 * decimal comma ({@code 1234,5}, {@code 6436}); empty for null.
	 */
	public static String csv(Double value) {
		if (value == null) {
			return "";
		}
		String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		return plain.replace('.', ',');
	}

	/** A value of an indicator in the language of the current request. */
	public String number(Double value, int decimals) {
		return format(value, decimals, LocaleContextHolder.getLocale());
	}

}
