package be.obmi.privacy.domain;

import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;

/**
 * A Belgian enterprise number (KBO/BCE): ten digits, starting with 0 or 1, whose last two
 * digits are 97 minus the first eight modulo 97. Typed with or without dots and spaces
 * ({@code 0207.451.227}, {@code 0207 451 227}, {@code 207451227}: a nine-digit number of
 * before 2023 gets its leading 0).
 *
 * @param digits the ten digits
 */
public record KboNumber(String digits) {

	public KboNumber {
		if (!valid(digits)) {
			throw new RefusedValueException(Reason.of("privacy.refused.kbo", String.valueOf(digits)));
		}
	}

	/**
	 * @throws RefusedValueException for anything but a valid enterprise number
	 */
	public static KboNumber parse(String typed) {
		String digits = typed == null ? "" : typed.replaceAll("[\\s.\\u00a0-]", "");
		if (digits.matches("[0-9]{9}")) {
			digits = "0" + digits;
		}
		if (!valid(digits)) {
			throw new RefusedValueException(Reason.of("privacy.refused.kbo", typed == null ? "" : typed.strip()));
		}
		return new KboNumber(digits);
	}

	/** Whether ten digits are a valid enterprise number. */
	public static boolean valid(String digits) {
		if (digits == null || !digits.matches("[01][0-9]{9}")) {
			return false;
		}
		long first = Long.parseLong(digits.substring(0, 8));
		int check = Integer.parseInt(digits.substring(8));
		return check == 97 - (int) (first % 97);
	}

	/** As it is usually written: {@code 0207.451.227}. */
	public String formatted() {
		return digits.substring(0, 4) + "." + digits.substring(4, 7) + "." + digits.substring(7);
	}

	@Override
	public String toString() {
		return formatted();
	}

}
