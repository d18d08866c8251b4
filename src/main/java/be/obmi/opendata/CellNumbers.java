package be.obmi.opendata;

import java.math.BigDecimal;

/**
 * Plain decimal text for cell values: no exponent, no trailing zeros, {@code .} as
 * decimal separator.
 */
final class CellNumbers {

	private CellNumbers() {
	}

	static String plain(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

}
